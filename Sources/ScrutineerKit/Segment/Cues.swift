/// Titles of letters and reports.
enum TitlePatterns {
  static func isTitle(_ text: String) -> Bool {
    guard let f = text.utf8.first, "FfMmJjIi".utf8.contains(f) else { return false }
    // The first word must be a title's before the line is worth normalising.
    if HeadingVocabulary.withLeadWord(text, { !HeadingVocabulary.isOne(of: firstWords, $0) }) == true {
      return false
    }
    return HeadingVocabulary.withNormalisedLead(text, limit: 40) { t in
      starts.contains { t.starts(with: $0) }
    }
  }

  private static let starts: [[UInt8]] = [
    "focused visit to ", "focused visit of ", "monitoring visit to ", "monitoring visit of ",
    "monitoring visit letter", "joint targeted area inspection", "inspection of ",
  ].map { Array($0.utf8) }

  /// The first words of `starts`.
  private static let firstWords: [[UInt8]] = [
    Array("focused".utf8), Array("monitoring".utf8), Array("joint".utf8), Array("inspection".utf8),
  ]
}

/// The section headings of inspection reports that carry a judgement
/// ("The experiences and progress of children in care: good").
enum JudgementHeading {
  private static let starts = [
    "the experiences and progress of", "the impact of leaders", "the effectiveness of leaders",
    "leadership management and governance", "overall effectiveness", "children who need help and protection",
    "the effectiveness of the local safeguarding", "the effectiveness of the lscb",
    "children looked after and achieving permanence", "adoption performance",
    "experiences and progress of care leavers", "experiences and progress of", "impact of leaders",
  ]

  private static let longestStart = starts.map(\.utf8.count).max()!

  /// Up to sixteen lowercase ASCII letters packed into two words, the first letter lowest;
  /// the letters are never zero, so two words of letters are equal exactly when their packings are.
  struct PackedWord: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    init(_ word: Substring) {
      for (k, b) in word.utf8.enumerated() { append(b, at: k) }
    }

    @inline(__always) mutating func append(_ c: UInt8, at k: Int) {
      if k < 8 { low |= UInt64(c) << UInt64(8 * k) } else { high |= UInt64(c) << UInt64(8 * (k - 8)) }
    }

    /// The first `n` letters.
    func prefix(_ n: Int) -> PackedWord {
      var p = self
      if n < 8 {
        p.low &= (1 << UInt64(8 * n)) - 1
        p.high = 0
      } else if n < 16 {
        p.high &= (1 << UInt64(8 * (n - 8))) - 1
      }
      return p
    }
  }

  /// The first two words of each phrase, the second's length, and whether the second is
  /// the phrase's last (a longer word may start with it).
  private static let pairs: [(first: PackedWord, second: PackedWord, count: Int, last: Bool)] = starts.map {
    let words = $0.split(separator: " ")
    return (PackedWord(words[0]), PackedWord(words[1]), words[1].utf8.count, words.count == 2)
  }

  static func startsJudgement(_ text: String) -> Bool {
    // Every phrase starts with one of these letters: most lines are rejected at once.
    switch text.utf8.first.map({ $0 | 0x20 }) {
    case UInt8(ascii: "t"), UInt8(ascii: "e"), UInt8(ascii: "c"), UInt8(ascii: "o"), UInt8(ascii: "l"),
      UInt8(ascii: "a"), UInt8(ascii: "i"):
      break
    default: return false
    }
    var text = text
    guard text.withUTF8({ mayStartPhrase($0) }) else { return false }
    return HeadingVocabulary.withNormalisedLead(text, limit: longestStart) { t in
      startBytes.contains { t.starts(with: $0) }
    }
  }

  /// Whether the text may start with a phrase, on its first bytes: its first word (up to
  /// thirteen letters, apostrophes dropped as normalising drops them) must be a phrase's
  /// first, and when a single space ends it, the letters after must be that phrase's
  /// second word, unless what ends them (a byte beyond ASCII, a digit, an apostrophe, or
  /// more than sixteen letters) leaves the normalised word unknown.
  private static func mayStartPhrase(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
    var first = PackedWord()
    var n = 0
    var i = 0
    var ended: UInt8 = 0
    while n <= 12, i < u.count {
      let b = u[i]
      i += 1
      if b == 0x27 { continue }
      if b == 0xE2 {
        // A curly apostrophe inside the word is dropped, as normalising does.
        guard i + 1 < u.count, u[i] == 0x80, u[i + 1] == 0x99 else {
          ended = b
          break
        }
        i += 2
        continue
      }
      let c = b | 0x20
      guard c >= 0x61 && c <= 0x7A && (b >= 0x61 || b <= 0x5A) else {
        ended = b
        break
      }
      first.append(c, at: n)
      n += 1
    }
    guard pairs.contains(where: { $0.first == first }) else { return false }
    guard ended == 0x20 else { return true }
    // The second word's letters.
    var second = PackedWord()
    var m = 0
    while i < u.count, m < 17 {
      let b = u[i]
      let c = b | 0x20
      guard c >= 0x61 && c <= 0x7A && (b >= 0x61 || b <= 0x5A) else { break }
      if m < 16 { second.append(c, at: m) }
      m += 1
      i += 1
    }
    guard m > 0, m < 17 else { return true }
    if i < u.count {
      let b = u[i]
      if b >= 0x80 || b == 0x27 || b >= 0x30 && b <= 0x39 { return true }
    }
    return pairs.contains { p in
      p.first == first && (p.last ? m >= p.count && second.prefix(p.count) == p.second : second == p.second)
    }
  }

  private static let startBytes = starts.map { Array($0.utf8) }

  /// Whether the text is a judgement heading that ends with its grade.
  static func matches(_ text: String) -> Bool {
    guard startsJudgement(text), text.hasAtMostCharacters(220) else { return false }
    return Grade.trailing(in: HeadingVocabulary.normalise(text)) != nil
  }

  /// Whether a heading ends with a grade ("Quality of provision Grade 4 (inadequate)",
  /// "Adoption performance Good"): a judged section of a report.
  static func carriesGrade(_ text: String) -> Bool {
    let n = HeadingVocabulary.normalise(text)
    // Its words as `split(separator: " ")` gives them, counted as far as thirteen.
    let words = n[...].pieces(byte: 0x20, limit: 13).count
    guard words >= 3, Grade.trailing(in: n) != nil || n.hasSuffix(" adequate") else {
      return false
    }
    return n.containsBytes(" grade ") || startsJudgement(text) || words <= 12
  }
}

extension Grade {
  /// A grade at the end of normalised text ("… requires improvement to be good").
  static func trailing(in t: String) -> Grade? {
    if t.hasSuffix("requires improvement to be good") || t.hasSuffix("requires improvement")
      || t.hasSuffix("require improvement to be good") || t.hasSuffix("require improvement")
    {
      return .requiresImprovement
    }
    if t.hasSuffix("inadequate") { return .inadequate }
    if t.hasSuffix("outstanding") { return .outstanding }
    if t.hasSuffix(" good") || t == "good" { return .good }
    return nil
  }

  /// A grade written alone ("Requires improvement to be good", "Inadequate").
  static func exact(_ text: String) -> Grade? {
    // Only text whose first word is a grade's can be one: it is normalised only then.
    if HeadingVocabulary.withLeadWord(text, { !HeadingVocabulary.isOne(of: firstWords, $0) }) == true {
      return nil
    }
    return named(normalised: HeadingVocabulary.normalise(text))
  }

  /// The grade that normalised text names written alone ("requires improvement to be
  /// good"), if any.
  static func named(normalised n: String) -> Grade? {
    switch n {
    case "outstanding": .outstanding
    case "good": .good
    // "Require improvement" where the subject is plural ("Children looked after …").
    case "requires improvement", "requires improvement to be good", "require improvement",
      "require improvement to be good":
      .requiresImprovement
    case "inadequate": .inadequate
    case "adequate": .adequate
    default: nil
    }
  }

  /// The first words of the grades written alone.
  private static let firstWords: [[UInt8]] = [
    "outstanding", "good", "requires", "require", "inadequate", "adequate",
  ].map {
    Array($0.utf8)
  }
}

/// Recommendations and responses in council documents.
enum RecommendationCue {
  private static let verbs: Set<String> = [
    "ensure", "improve", "equip", "implement", "review", "take", "strengthen", "develop", "establish",
    "increase", "reduce", "provide", "make", "secure", "address", "undertake", "continue", "consider",
    "introduce", "monitor", "raise", "promote", "embed", "agree", "clarify", "prioritise", "deliver",
    "complete", "evaluate", "analyse", "audit", "build", "commission", "set", "sustain", "tackle",
    "challenge", "extend", "focus", "use", "revise", "relaunch", "re-launch", "update", "enable",
    "urgently", "work",
  ]

  /// Whether the sentence starts like an instruction ("Ensure that …", "BSCB to review …",
  /// "The local authority should …").
  static func isImperative(_ text: String) -> Bool {
    // Only the first eight words are weighed: the rest of the text is not lowered.
    let words = text[...].split(byte: 0x20, limit: 8).map { $0.quickLowercased }
    guard let first = words.first else { return false }
    if verbs.contains(first) { return true }
    // "X to review", "X should ensure" within the first few words.
    for (k, w) in words.enumerated() where k >= 1 && k <= 6 {
      if w == "should" || w == "must" { return true }
      if w == "to", k + 1 < words.count, verbs.contains(words[k + 1]), k <= 3,
        words[0].first?.isUppercase == true || text.first?.isUppercase == true
      {
        // Only short subjects: "BSCB to review", "The council to ensure".
        return !words[0..<k].contains {
          ["is", "are", "was", "were", "has", "have", "need", "needs"].contains($0)
        }
      }
    }
    return false
  }

  private static let labels = [
    "our response:", "response:", "council response:", "councils response:", "the councils response:",
    "trust response:", "management response:", "local authority response:", "our response -",
    "response -",
  ]

  /// The labels, apostrophes ignored ("Council’s response:").
  private static let labelMatcher = LeadPhrases(labels, apostrophes: .removed)

  /// The length in characters of a leading response label ("Our response:"), or `nil`.
  static func responseLabel(_ text: String) -> Int? {
    guard let l = labelMatcher.firstMatch(text) else { return nil }
    // Map back to the original text length: count characters up to the label's colon.
    let target = Character(Unicode.Scalar(labels[l].utf8.last!))
    for (k, c) in text.enumerated() where c == target { return k + 1 }
    return nil
  }
}

/// Paragraphs that say what a visit looked at.
enum ScopeCue {
  private static let starts = [
    "this letter summarises", "inspectors looked at", "inspectors considered", "inspectors reviewed",
    "the visit considered", "the visit looked at", "during the course of this visit",
    "during this visit, inspectors",
    "a range of evidence", "this visit was carried out", "the methodology for this visit",
    "this visit was conducted",
    "her majesty's chief inspector", "his majesty's chief inspector", "inspectors evaluated",
    "areas covered by the visit", "the lead inspector and the director", "inspectors spoke to",
    "inspectors met",
  ]

  private static let matcher = LeadPhrases(starts)

  static func matches(_ text: String) -> Bool { matcher.matches(text) }

  /// Ofsted's notes about how a report was produced.
  static func isPublicationNote(_ text: String) -> Bool {
    let t = text.quickLowercased
    return t.hasPrefix("ofsted produces this report") || t.hasPrefix("it is ofsted's expectation")
      || t.hasPrefix("it is ofsted’s expectation")
  }
}

/// Quotations in press releases and council statements.
enum QuoteCue {
  static func isQuote(_ text: String) -> Bool {
    if let f = text.first, f == "\u{201C}" || f == "\"" { return true }
    // Attributions ("…, said: “…") stand near the start of a paragraph.
    let lower = text.prefixCharacters(300).quickLowercased
    for cue in [
      " said: ", " said:“", " said: “", " said:\"", " added: ", " commented: ", " said, “", " said, \"",
    ]
    where lower.contains(cue) {
      return true
    }
    return false
  }
}

/// The closing matter of letters and reports.
enum ClosingCue {
  private static let letter = [
    "yours sincerely", "yours faithfully", "ofsted will take the findings", "ofsted will take into account",
    "i would like to thank", "i am copying this letter", "this letter will be published",
    "we would like to thank", "i am grateful", "we are grateful", "inspectors are grateful",
    "inspectors would like to thank",
    "ofsted will use", "thank you to",
  ]
  private static let report = [
    "the office for standards in education, children's services and skills (ofsted) regulates",
    "if you would like a copy of this document in a different format", "what the inspection judgements mean",
    "you may reuse this information", "ofsted is the independent", "ofsted is the office for standards",
  ]

  private static let letterMatcher = LeadPhrases(letter + report)
  private static let reportMatcher = LeadPhrases(report)
  private static let otherMatcher = LeadPhrases([
    "yours sincerely", "yours faithfully", "tags:", "if you enjoyed this article", "share this",
  ])

  static func matches(_ text: String, documentKind: DocumentKind) -> Bool {
    switch documentKind {
    case .inspectionReport:
      return reportMatcher.matches(text)
    case .focusedVisitLetter, .monitoringVisitLetter, .jtaiLetter:
      return letterMatcher.matches(text)
    default:
      return otherMatcher.matches(text)
    }
  }
}

/// Applies a rule set to items: themes with evidence, polarity and quantifier.
public struct Tagger: Sendable {
  public let rules: RuleSet
  private let matcher: PhraseMatcher
  /// For each phrase, the rules that mention it positively.
  private let rulesByPhrase: [[Int]]

  public init(rules: RuleSet) {
    self.rules = rules
    matcher = PhraseMatcher(phrases: rules.phrases)
    var byPhrase = Array(repeating: [Int](), count: rules.phrases.count)
    for (k, r) in rules.rules.enumerated() {
      for p in Set(r.expression.positivePhrases()) { byPhrase[p].append(k) }
    }
    rulesByPhrase = byPhrase
  }

  /// Tags every item of every document in place.
  public func tag(_ documents: inout [Document], text: String) {
    let bytes = Array(text.utf8)
    for d in documents.indices {
      for s in documents[d].segments.indices {
        let kind = documents[d].segments[s].kind
        for i in documents[d].segments[s].items.indices {
          let item = documents[d].segments[s].items[i]
          let a = analyse(
            bytes: bytes,
            ranges: item.sourceRanges.isEmpty ? [item.span.start..<item.span.end] : item.sourceRanges,
            segment: kind)
          documents[d].segments[s].items[i].analysis = a
        }
      }
    }
  }

  /// Analyses a piece of text as one item of the given segment kind.
  public func analyse(text: String, segment: SegmentKind = .findings) -> ItemAnalysis {
    let bytes = Array(text.utf8)
    return analyse(bytes: bytes, ranges: [0..<bytes.count], segment: segment)
  }

  func analyse(bytes: [UInt8], ranges: [Range<Int>], segment: SegmentKind) -> ItemAnalysis {
    var tokens: [WordToken] = []
    WordTokenizer.tokens(bytes, ranges: ranges, into: &tokens)
    let occurrences = matcher.occurrences(in: tokens)
    var byPhrase: [Int: [PhraseMatcher.Occurrence]] = [:]
    var candidates = Set<Int>()
    for o in occurrences {
      byPhrase[o.phrase, default: []].append(o)
      for r in rulesByPhrase[o.phrase] { candidates.insert(r) }
    }
    var analysis = ItemAnalysis()
    var themeEvidence: [String: [Evidence]] = [:]
    var themeSentences: [String: Set<Int>] = [:]
    var exclusions: [String: String] = [:]
    var strength: [(Int, Int)] = []
    var concern: [(Int, Int)] = []
    var quantifiers: [(Quantifier, Int)] = []
    for r in candidates.sorted() {
      let rule = rules.rules[r]
      if let kinds = rule.segments, !kinds.contains(segment) { continue }
      let result = evaluate(rule.expression, byPhrase)
      guard result.matched, Self.distinct(result.evidence) >= rule.minimum, let first = result.evidence.first
      else { continue }
      let evidence = result.evidence.map {
        let span = Span(start: tokens[$0.first].start, end: tokens[$0.last].end)
        return Evidence(rule: rule.id, span: span, text: Self.words(bytes, span))
      }
      analysis.fired += evidence
      switch rule.group {
      case .theme(let id):
        themeEvidence[id, default: []] += evidence
        themeSentences[id, default: []].formUnion(result.evidence.map(\.sentence))
      case .exclusion(let id): exclusions[id] = exclusions[id] ?? rule.id
      case .polarity(.strength): strength += result.evidence.map { ($0.first, $0.last) }
      case .polarity(_): concern += result.evidence.map { ($0.first, $0.last) }
      case .quantifier(let q): quantifiers.append((q, first.first))
      }
    }
    // Themes in the order the rule files declare them.
    for theme in rules.themes {
      guard let evidence = themeEvidence[theme.id] else { continue }
      if let rule = exclusions[theme.id] {
        analysis.excluded.append((theme.id, rule))
        continue
      }
      analysis.themes.append(ThemeTag(id: theme.id, evidence: evidence.sorted { $0.span < $1.span }))
    }
    analysis.fired.sort { $0.span < $1.span || $0.span == $1.span && $0.rule < $1.rule }
    analysis.quantifier = quantifiers.min { $0.1 < $1.1 || $0.1 == $1.1 && $0.0.rawValue < $1.0.rawValue }?.0
    (analysis.polarity, analysis.strengthScore, analysis.concernScore) = PolarityJudge.judge(
      tokens: tokens, strength: strength, concern: concern, segment: segment)
    // Each theme's own polarity, from the cues in the sentences that hold its evidence.
    let sentenceCount = (tokens.last?.sentence ?? 0) + 1
    for k in analysis.themes.indices {
      let sentences = themeSentences[analysis.themes[k].id] ?? []
      if sentences.count >= sentenceCount || segment.isImprovementList {
        analysis.themes[k].polarity = analysis.polarity
        continue
      }
      let s = strength.filter { sentences.contains(tokens[$0.0].sentence) }
      let c = concern.filter { sentences.contains(tokens[$0.0].sentence) }
      analysis.themes[k].polarity =
        s.isEmpty && c.isEmpty
        ? .neutral : PolarityJudge.judge(tokens: tokens, strength: s, concern: c, segment: segment).0
    }
    return analysis
  }

  /// The truth of an expression and the occurrences that make it true.
  private struct Result {
    var matched: Bool
    var evidence: [PhraseMatcher.Occurrence]
  }

  private func evaluate(_ e: RuleExpression, _ found: [Int: [PhraseMatcher.Occurrence]]) -> Result {
    switch e {
    case .phrase(let p):
      let o = found[p] ?? []
      return Result(matched: !o.isEmpty, evidence: o)
    case .any(let xs):
      var ev: [PhraseMatcher.Occurrence] = []
      var any = false
      for x in xs {
        let r = evaluate(x, found)
        if r.matched {
          any = true
          ev += r.evidence
        }
      }
      return Result(matched: any, evidence: unique(ev))
    case .all(let xs):
      var ev: [PhraseMatcher.Occurrence] = []
      for x in xs {
        let r = evaluate(x, found)
        if !r.matched { return Result(matched: false, evidence: []) }
        ev += r.evidence
      }
      return Result(matched: true, evidence: unique(ev))
    case .not(let x):
      return Result(matched: !evaluate(x, found).matched, evidence: [])
    case .near(let a, let b, let n):
      let ra = evaluate(a, found)
      let rb = evaluate(b, found)
      guard ra.matched, rb.matched else { return Result(matched: false, evidence: []) }
      var ev: [PhraseMatcher.Occurrence] = []
      for x in ra.evidence {
        for y in rb.evidence {
          // Within n words and in the same sentence.
          let gap = x.last < y.first ? y.first - x.last - 1 : (y.last < x.first ? x.first - y.last - 1 : 0)
          if gap < n, x.sentence == y.sentence {
            ev.append(x)
            ev.append(y)
          }
        }
      }
      return Result(matched: !ev.isEmpty, evidence: unique(ev))
    case .except(let a, let b):
      let ra = evaluate(a, found)
      guard ra.matched else { return ra }
      let rb = evaluate(b, found)
      let kept = ra.evidence.filter { x in
        !rb.evidence.contains { y in x.first <= y.last && y.first <= x.last }
      }
      return Result(matched: !kept.isEmpty, evidence: kept)
    }
  }

  /// The source text of a span with its line breaks folded to spaces.
  static func words(_ bytes: [UInt8], _ span: Span) -> String {
    InlineMarkup.collapseSpaces(
      String(decoding: bytes[span.start..<span.end], as: UTF8.self).replacingOccurrences(of: "\n", with: " "))
  }

  /// How many separate places the occurrences cover ("children in care" and "in care"
  /// at the same place count once).
  static func distinct(_ xs: [PhraseMatcher.Occurrence]) -> Int {
    var count = 0
    var end = -1
    for o in xs.sorted(by: { $0.first < $1.first }) {
      if o.first > end { count += 1 }
      end = max(end, o.last)
    }
    return count
  }

  private func unique(_ xs: [PhraseMatcher.Occurrence]) -> [PhraseMatcher.Occurrence] {
    var seen = Set<PhraseMatcher.Occurrence>()
    return xs.filter { seen.insert($0).inserted }.sorted {
      $0.first < $1.first || $0.first == $1.first && $0.last < $1.last
    }
  }
}

/// Weighs strength and concern cues into a polarity.
///
/// Four simple adjustments, each about how inspectors write:
/// - negation: a strength cue within a few words after a negator in the same clause ("are not
///   thorough", "do not consider well enough", "too focused on", "without positive change") counts
///   as a concern; a concern cue after "no", "without" or "never" ("without delay", "no children
///   were found to be unsafe") counts as a strength. A negator that is part of the cue itself
///   ("not always", "no evidence") negates nothing;
/// - concession: cues inside a concessive clause ("although …") weigh half;
/// - turn: cues after "however", "but" weigh more;
/// - aim: strength cues after "to ensure" or "in order to" are a goal, not an achievement, and do
///   not count ("further work is needed to ensure that practice is consistently good").
enum PolarityJudge {
  /// Words that open a concessive clause: cues inside it weigh half ("Although plans
  /// are in place, they are not always SMART" is a concern).
  private static let concessive: Set<[UInt8]> = Set(
    ["although", "though", "while", "whilst", "despite", "notwithstanding", "albeit"].map { Array($0.utf8) })
  /// Words that turn a sentence: what follows weighs more.
  private static let turning: Set<[UInt8]> = Set(
    ["however", "but", "nevertheless", "yet"].map { Array($0.utf8) })
  /// Words that negate what follows them in the clause.
  private static let negators: Set<[UInt8]> = Set(
    [
      "not", "no", "never", "cannot", "without", "nor", "lack", "lacks", "lacking", "too", "overly", "little",
      "insufficiently",
      "unable", "fail", "fails", "failed", "failing", "hinder", "hinders", "hindered", "prevent", "prevents",
      "prevented", "avoid",
      "avoids", "avoided",
    ]
    .map { Array($0.utf8) })
  /// Negators that turn a criticism into praise ("without delay", "no children were unsafe",
  /// "assessments prevent delay").
  private static let strongNegators: Set<[UInt8]> = Set(
    ["no", "without", "never", "prevent", "prevents", "prevented", "avoid", "avoids", "avoided"].map {
      Array($0.utf8)
    })
  /// How many words after a negator it reaches; "no children were seen to be at immediate risk
  /// or experiencing drift" negates its whole clause, so the praising negators reach further.
  private static let negationReach = 6
  private static let strongNegationReach = 12

  static func judge(
    tokens: [WordToken], strength: [(Int, Int)], concern: [(Int, Int)], segment: SegmentKind,
    weights: [Double]? = nil
  ) -> (Polarity, Double, Double) {
    // Weight of each word: half inside a concessive clause, more after a turn, none in an aim.
    var weight = Array(repeating: 1.0, count: tokens.count)
    var aim = Array(repeating: false, count: tokens.count)
    // The negator (its index) reaching each word, if any.
    var negatedBy = Array(repeating: -1, count: tokens.count)
    // A negator inside a concern cue ("no evidence of", "little evidence of") does not turn the
    // criticism that follows into praise.
    var inConcernCue = Array(repeating: false, count: tokens.count)
    for (a, b) in concern { for k in a...b { inConcernCue[k] = true } }
    var inConcession = false
    var turned = false
    var inAim = false
    var negator = -1
    var sentence = -1
    for (k, t) in tokens.enumerated() {
      if t.sentence != sentence {
        sentence = t.sentence
        inConcession = false
        turned = false
        inAim = false
        negator = -1
      }
      if concessive.contains(t.lower) { inConcession = true }
      if turning.contains(t.lower) { turned = true }
      if k > 0, tokens[k - 1].sentence == t.sentence,
        tokens[k - 1].lower == Array("to".utf8) && t.lower == Array("ensure".utf8)
          || tokens[k - 1].lower == Array("in".utf8) && t.lower == Array("order".utf8)
      {
        inAim = true
      }
      weight[k] = inConcession ? 0.5 : (turned ? 1.25 : 1.0)
      aim[k] = inAim
      if negator >= 0 {
        let reach =
          strongNegators.contains(tokens[negator].lower) && !inConcernCue[negator]
          ? strongNegationReach : negationReach
        if k - negator <= reach { negatedBy[k] = negator }
      }
      if negators.contains(t.lower) { negator = k }
      if t.clauseEnd {
        inConcession = false
        negator = -1
      }
    }
    // A cue is negated when a negator before it (and outside it) reaches its first word.
    func negation(_ cue: (Int, Int)) -> Int? {
      let n = negatedBy[cue.0]
      return n >= 0 && n < cue.0 ? n : nil
    }
    var s = 0.0
    var c = 0.0
    var seenStrength = Set<Int>()
    var seenConcern = Set<Int>()
    for cue in strength where seenStrength.insert(cue.0).inserted {
      if negation(cue) != nil {
        c += weight[cue.0]
      } else if !aim[cue.0] {
        s += weight[cue.0]
      }
    }
    for cue in concern where seenConcern.insert(cue.0).inserted {
      // The cue's own negator ("not always") is inside it, so negation() does not see it.
      if let n = negation(cue), strongNegators.contains(tokens[n].lower), !inConcernCue[n] {
        s += weight[cue.0]
      } else {
        c += weight[cue.0]
      }
    }
    if segment.isImprovementList { return (.concern, s, c) }
    if s == 0 && c == 0 { return (.neutral, s, c) }
    if c == 0 { return (.strength, s, c) }
    if s == 0 { return (.concern, s, c) }
    // Both: one side must clearly outweigh the other, or it is mixed.
    if s >= 3 * c { return (.strength, s, c) }
    if c >= 3 * s { return (.concern, s, c) }
    return (.mixed, s, c)
  }
}

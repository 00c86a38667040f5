/// The headings the domain uses for each kind of segment.
///
/// Matching is on the heading's normalised words (lowercase, apostrophes straightened,
/// numbering and punctuation removed): a heading matches a phrase when it equals it or
/// starts with it.
enum HeadingVocabulary {
  /// Phrases in order of precedence; the first that matches wins.
  static let phrases: [(String, SegmentKind)] = [
    // Improvement lists.
    ("areas for priority action", .priorityActions),
    ("priority and immediate action", .priorityActions),
    ("priority actions", .priorityActions),
    ("priority action", .priorityActions),
    ("areas for immediate action", .priorityActions),
    ("immediate action", .priorityActions),
    ("what needs to improve", .areasForImprovement),
    ("what needs to be improved", .areasForImprovement),
    ("what needs improving", .areasForImprovement),
    ("what does the local authority need to improve", .areasForImprovement),
    ("what the local authority needs to improve", .areasForImprovement),
    ("what does the council need to improve", .areasForImprovement),
    ("what the council needs to improve", .areasForImprovement),
    ("what does the lscb need to improve", .areasForImprovement),
    ("what the lscb needs to improve", .areasForImprovement),
    ("areas for improvement", .areasForImprovement),
    ("areas of improvement", .areasForImprovement),
    ("areas for development", .areasForImprovement),
    ("areas for further development", .areasForImprovement),
    ("areas for further improvement", .areasForImprovement),
    ("areas that need to improve", .areasForImprovement),
    ("areas requiring improvement", .areasForImprovement),
    ("areas which require improvement", .areasForImprovement),
    ("areas that require improvement", .areasForImprovement),
    ("improvements needed", .areasForImprovement),
    ("recommendations", .recommendations),
    ("recommendation", .recommendations),
    ("ofsted recommendations", .recommendations),
    ("responses to all remaining ofsted recommendations", .recommendations),
    ("responses to the recommendations", .recommendations),
    ("response to the recommendations", .recommendations),
    ("our response to the recommendations", .recommendations),
    // Findings.
    ("findings and evaluation of progress", .findings),
    ("evaluation of progress", .findings),
    ("main findings", .findings),
    ("key findings", .findings),
    ("inspection findings", .findings),
    ("findings", .findings),
    ("summary of key findings", .findings),
    ("summary of findings", .findings),
    ("inspection judgements about the local authority", .findings),
    ("inspection judgements about the lscb", .findings),
    ("inspection judgement about the lscb", .findings),
    ("the experiences and progress of", .findings),
    ("experiences and progress of", .findings),
    ("the impact of leaders", .findings),
    ("the effectiveness of leaders", .findings),
    ("leadership management and governance", .findings),
    ("children who need help and protection", .findings),
    ("children looked after and achieving permanence", .findings),
    ("experiences and progress of care leavers", .findings),
    ("the local authority has the following strengths", .findings),
    ("strengths", .findings),
    ("what is working well", .findings),
    ("what the inspection found", .findings),
    // Overview.
    ("headline findings", .overview),
    ("overview", .overview),
    ("summary", .overview),
    ("executive summary", .overview),
    ("introduction", .overview),
    ("key messages", .overview),
    // Scope.
    ("areas covered by the visit", .scope),
    ("areas covered by this visit", .scope),
    ("areas covered", .scope),
    ("information about this inspection", .scope),
    ("information about this visit", .scope),
    ("scope of the inspection", .scope),
    ("scope of the visit", .scope),
    ("evidence considered", .scope),
    ("the inspection team", .scope),
    // Questions.
    ("potential questions", .questions),
    ("suggested questions", .questions),
    ("possible questions", .questions),
    ("questions for members", .questions),
    ("questions for the committee", .questions),
    ("key questions", .questions),
    ("key lines of enquiry", .questions),
    ("lines of enquiry", .questions),
    // KPIs.
    ("key performance indicators", .kpis),
    ("performance indicators", .kpis),
    ("kpis", .kpis),
    ("kpi", .kpis),
    ("performance scorecard", .kpis),
    ("performance dashboard", .kpis),
    // Plans and papers.
    ("what have we achieved", .achievements),
    ("what we have achieved", .achievements),
    ("what has been achieved", .achievements),
    ("achievements", .achievements),
    ("progress to date", .achievements),
    ("progress made", .achievements),
    ("progress so far", .achievements),
    ("what next", .nextSteps),
    ("next steps", .nextSteps),
    ("the way forward", .nextSteps),
    ("way forward", .nextSteps),
    ("future priorities", .nextSteps),
    ("what we will do", .nextSteps),
    ("where have we come from", .background),
    ("background", .background),
    ("purpose", .background),
    ("context", .background),
    ("information about this local authority area", .background),
    ("responsibilities and duties", .background),
    // Boilerplate.
    ("contents", .boilerplate),
    ("table of contents", .boilerplate),
    ("what the inspection judgements mean", .boilerplate),
    ("what the inspection judgments mean", .boilerplate),
    ("glossary", .boilerplate),
    ("conclusion", .other),
    ("conclusions", .other),
    ("motion", .other),
  ]

  /// The kind a heading names, or `nil` when it is not one the domain uses.
  /// - Parameter exact: when true, only whole-heading matches count.
  static func kind(of heading: String, exact: Bool = false) -> SegmentKind? {
    // Headings are short; a long line is never one (and is not worth normalising).
    guard heading.utf8.count <= 400 else { return nil }
    let key = normalise(heading)
    guard !key.isEmpty else { return nil }
    // A phrase can only match a heading that starts with the phrase's first word.
    let firstWord = key.utf8.firstIndex(of: 0x20).map { String(key[..<$0]) } ?? key
    guard let candidates = phrasesByFirstWord[firstWord] else { return nil }
    let keyBytes = key.utf8
    for (phrase, kind) in candidates {
      if key == phrase { return kind }
      if !exact, keyBytes.count > phrase.utf8.count, keyBytes.starts(with: phrase.utf8),
        keyBytes[keyBytes.index(keyBytes.startIndex, offsetBy: phrase.utf8.count)] == 0x20
      {
        return kind
      }
    }
    return nil
  }

  /// The phrases grouped by their first word, each group in order of precedence.
  private static let phrasesByFirstWord: [String: [(String, SegmentKind)]] = {
    var groups: [String: [(String, SegmentKind)]] = [:]
    for (phrase, kind) in phrases {
      let first = phrase.split(separator: " ", maxSplits: 1).first.map(String.init) ?? phrase
      groups[first, default: []].append((phrase, kind))
    }
    return groups
  }()

  /// Lowercase words separated by single spaces; apostrophes straightened; leading list
  /// numbering and all punctuation other than apostrophes removed.
  static func normalise(_ heading: String) -> String {
    if let ascii = normaliseASCII(heading) { return ascii }
    var out = ""
    var space = false
    for scalar in heading.lowercased().unicodeScalars {
      if CharacterSet_isLetterOrDigit(scalar) {
        if space, !out.isEmpty { out.append(" ") }
        space = false
        out.unicodeScalars.append(scalar)
      } else if scalar == "'" || scalar == "\u{2019}" {
        continue
      } else {
        space = true
      }
    }
    // Drop leading section numbers ("3 17 potential questions" -> "potential questions").
    var words = out.split(separator: " ")
    while let first = words.first, first.allSatisfy(\.isNumber) { words.removeFirst() }
    if words.first == "section", words.count > 1, words[1].allSatisfy(\.isNumber) {
      words.removeFirst(2)
    }
    // A footnote number glued to the last word ("area2").
    if let last = words.last, last.count > 2, last.last!.isNumber, last.first!.isLetter {
      words[words.count - 1] = last.prefix { !$0.isNumber }
    }
    return words.joined(separator: " ")
  }

  /// The same for ASCII text (almost every line), on bytes.
  private static func normaliseASCII(_ heading: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(heading.utf8.count)
    var space = false
    var wordStarts: [Int] = []
    var utf8 = heading.utf8.makeIterator()
    while let b = utf8.next() {
      if b >= 0x80 {
        // Punctuation beyond ASCII separates words as ASCII punctuation does: general
        // punctuation (dashes, curly quotes, bullets), a no-break space, private-use glyphs.
        // A curly apostrophe is dropped. Anything else (a letter) takes the general path.
        switch b {
        case 0xE2:
          // U+2000 to U+206F.
          guard let b2 = utf8.next(), let b3 = utf8.next(), b2 == 0x80 || b2 == 0x81 && b3 <= 0xAF else {
            return nil
          }
          if b2 == 0x80 && b3 == 0x99 { continue }
          space = true
        case 0xC2:
          guard utf8.next() == 0xA0 else { return nil }
          space = true
        case 0xEE, 0xEF:
          // U+E000 to U+F8FF.
          guard let b2 = utf8.next(), utf8.next() != nil, b == 0xEE || b2 <= 0xA3 else { return nil }
          space = true
        default:
          return nil
        }
        continue
      }
      let c = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
      if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
        if space || bytes.isEmpty {
          if !bytes.isEmpty { bytes.append(0x20) }
          wordStarts.append(bytes.count)
        }
        space = false
        bytes.append(c)
      } else if c == 0x27 {
        continue
      } else {
        space = true
      }
    }
    // Leading section numbers and "section N".
    var start = 0
    var k = 0
    while k < wordStarts.count {
      let ws = wordStarts[k]
      let we = k + 1 < wordStarts.count ? wordStarts[k + 1] - 1 : bytes.count
      if bytes[ws..<we].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        start = k + 1 < wordStarts.count ? wordStarts[k + 1] : bytes.count
        k += 1
        continue
      }
      if bytes[ws..<we].elementsEqual("section".utf8), k + 1 < wordStarts.count {
        let ns = wordStarts[k + 1]
        let ne = k + 2 < wordStarts.count ? wordStarts[k + 2] - 1 : bytes.count
        if bytes[ns..<ne].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
          start = k + 2 < wordStarts.count ? wordStarts[k + 2] : bytes.count
          k += 2
          continue
        }
      }
      break
    }
    var result = Array(bytes[start...])
    // A footnote number glued to the last word ("area2").
    if let lastSpace = result.lastIndex(of: 0x20).map({ $0 + 1 }) ?? (result.isEmpty ? nil : 0) {
      let last = result[lastSpace...]
      if last.count > 2, let l = last.last, l >= 0x30 && l <= 0x39, let f = last.first, f >= 0x61 && f <= 0x7A
      {
        let letters = last.prefix { !($0 >= 0x30 && $0 <= 0x39) }
        result = Array(result[..<lastSpace]) + Array(letters)
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  @inline(__always)
  static func CharacterSet_isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || ("0"..."9").contains(s)
  }
}

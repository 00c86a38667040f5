/// Reads a document's metadata from its text: title, authority, dates, visit number,
/// previous judgement, inspectors, recipient, judgements.
struct MetadataExtractor {
  let doc: DocumentText
  let kind: DocumentKind
  let blocks: [Block]

  func extract() -> Metadata {
    var m = Metadata()
    m.title = title()
    m.localAuthority = AuthorityName.find(doc: doc, blocks: blocks, title: m.title)
    let printed = printedDate()
    m.visitDates = visitDates(year: printed?.year)
    m.visitNumber = visitNumber()
    m.previousJudgement = previousJudgement()
    if kind.isInspectorate { m.inspectors = Inspectors.find(doc: doc, blocks: blocks) }
    if kind.isInspectorate || kind == .other { m.recipient = RecipientFinder.find(doc: doc) }
    if kind == .inspectionReport { m.judgements = Judgements.find(doc: doc) }
    if let printed {
      m.date = printed
      m.dateBasis = .printed
    } else if let last = m.visitDates.last {
      m.date = last
      m.dateBasis = .visit
    } else if let inferred = inferredDate() {
      m.date = inferred
      m.dateBasis = .inferred
    }
    return m
  }

  /// The first `limit` content lines, without reading the lines after them.
  private func contentLines(_ limit: Int) -> [Int] {
    var out: [Int] = []
    for i in doc.info.indices where doc.info[i].kind == .text {
      if out.count == limit { break }
      out.append(i)
    }
    return out
  }

  func title() -> String? {
    for b in blocks.prefix(30) {
      if TitlePatterns.isTitle(b.text), b.text.hasAtMostCharacters(160) { return b.text }
    }
    if kind == .inspectionReport {
      // "Birmingham City Council / Inspection of children's social care services".
      var parts: [String] = []
      for i in contentLines(6) {
        let t = doc.info[i].text
        if t.quickLowercased.hasPrefix("inspection date") || t.quickLowercased.hasPrefix("report published") {
          break
        }
        parts.append(t)
      }
      if !parts.isEmpty { return parts.joined(separator: " ") }
    }
    for b in blocks.prefix(6) where b.kind == .heading {
      return b.text.isEmpty ? headingWords(b) : b.text
    }
    if let b = blocks.first, b.text.count <= 150, !doc.endsSentence(b.lastLine) { return b.text }
    return nil
  }

  private func headingWords(_ b: Block) -> String {
    b.lines.map { doc.info[$0].text }.filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// A date printed as the letter's or the publication's date.
  func printedDate() -> ISODate? {
    let lines = contentLines(45)
    // Every label below opens with one of these pairs of letters.
    for i in lines where doc.info[i].text.mayStartLowercased(withPairs: "repudame") {
      let t = String(doc.info[i].text.prefixCharacters(200))
      let lower = t.quickLowercased
      if lower.hasPrefix("report published") || lower.hasPrefix("publication date")
        || lower.hasPrefix("date of publication")
        || lower.hasPrefix("published:") || lower.hasPrefix("date published") || lower.hasPrefix("date:")
        || lower.hasPrefix("date of meeting") || lower.hasPrefix("meeting date") || lower == "published"
      {
        if let d = DateParser.fullDate(in: t[...]) { return d }
        // "Published:" with its value a few lines on (older report covers).
        if let k = lines.firstIndex(of: i) {
          for j in lines[(k + 1)...].prefix(4) {
            let v = doc.info[j].text
            if v.count <= 30, let d = DateParser.fullDate(in: v[...]) { return d }
          }
        }
      }
    }
    // A date alone on a line near the top (letters), or a dateline ("By on 19/10/2012 in News").
    let limit = kind.isInspectorate ? 40 : 6
    guard kind != .inspectionReport else { return nil }
    for i in lines.prefix(limit) where doc.info[i].text.hasASCIIDigit {
      let t = String(doc.info[i].text.prefixCharacters(200))
      let words = t.split(separator: " ").count
      if let d = DateParser.fullDate(in: t[...]) {
        if words <= 5 && !t.quickLowercased.containsBytes("visit") { return d }
        if !kind.isInspectorate, t.count <= 60, !t.quickLowercased.containsBytes("visit") { return d }
      }
    }
    return nil
  }

  func visitDates(year: Int?) -> [ISODate] {
    let lines = contentLines(24)
    // Every label below opens with one of these pairs of letters.
    for (k, i) in lines.enumerated() where doc.info[i].text.mayStartLowercased(withPairs: "indavi") {
      let t = doc.info[i].text
      let lower = t.quickLowercased
      if lower.hasPrefix("inspection date") || lower.hasPrefix("dates of inspection")
        || lower.hasPrefix("visit date")
        || lower.hasPrefix("date of visit") || lower.hasPrefix("dates of visit")
      {
        // The dates may stand on the following lines of an older cover page.
        var text = t
        for j in lines.dropFirst(k + 1).prefix(3) { text += " " + doc.info[j].text }
        let days = DateParser.dayRun(in: text[...], defaultYear: year)
        if !days.isEmpty { return days }
      }
    }
    guard kind.isInspectorate || kind == .newsRelease else { return [] }
    // A block without a digit holds no dates.
    for b in blocks.prefix(40) where b.text.hasASCIIDigit {
      let lower = b.text.prefixCharacters(3000).quickLowercased
      for key in [
        "visit to", "visit of", "inspection of", "visit on", "visit took place", "inspection took place",
        "visit",
      ] {
        guard let r = lower.byteRange(of: key) else { continue }
        let after = lower[r.upperBound...]
        // Only within the same sentence or the next few words.
        let window = after.prefix(160)
        let days = DateParser.dayRun(in: window, defaultYear: year)
        if !days.isEmpty { return days }
      }
    }
    return []
  }

  private static let ordinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15,
  ]

  func visitNumber() -> Int? {
    guard kind == .monitoringVisitLetter else { return nil }
    for b in blocks.prefix(30) {
      let words = b.text.quickLowercased.split { !$0.isLetter && !$0.isNumber }
      for k in words.indices.dropLast(2) where words[k + 1] == "monitoring" && words[k + 2] == "visit" {
        if let n = Self.ordinals[String(words[k])] { return n }
        let digits = words[k].prefix { $0.isNumber }
        if let n = Int(digits), !digits.isEmpty { return n }
      }
    }
    return nil
  }

  /// The most recent earlier judgement the text reports ("judged inadequate in November
  /// 2016", "At the last inspection, in June 2019, … judged to require improvement").
  func previousJudgement() -> PreviousJudgement? {
    guard kind != .councilResponse else { return nil }
    var best: PreviousJudgement?
    // The blocks' texts are read in place: a block is not copied for its text.
    for k in blocks.indices.prefix(40) where Self.judged.occur(in: blocks[k].text) {
      for sentence in blocks[k].text.prefixCharacters(5000).split(byte: UInt8(ascii: "."))
      where Self.judgedWord.occur(in: sentence) {
        let lower = sentence.quickLowercased
        if lower.containsBytes("no longer") { continue }
        // Each "judged" in the sentence, with the text before it (back to the previous one).
        let parts = lower.plainComponents(separatedBy: "judged ")
        guard parts.count > 1 else { continue }
        for k in 1..<parts.count {
          let words = parts[k].split(separator: " ")
          guard let (grade, used) = Self.grade(in: words.prefix(12)) else { continue }
          let following = words.dropFirst(used).prefix(6).joined(separator: " ")
          let date =
            DateParser.allDates(in: following[...]).first ?? DateParser.allDates(in: parts[k - 1][...]).last
          let candidate = PreviousJudgement(grade: grade, date: date)
          if best == nil || (date != nil && (best!.date == nil || date! > best!.date!)) { best = candidate }
        }
      }
    }
    return best
  }

  /// "judged" in a block, and "judged " in a sentence, found from their rare "j".
  private static let judged = AnchoredNeedles([("judged", anchor: "j")])
  private static let judgedWord = AnchoredNeedles([("judged ", anchor: "j")])

  /// The grade among the words after "judged", and how many words it took to reach
  /// its end.
  static func grade(in words: ArraySlice<Substring>) -> (Grade, Int)? {
    let list = Array(words)
    for (k, w) in list.enumerated() {
      let next = k + 1 < list.count ? list[k + 1] : ""
      switch w {
      case "inadequate", "inadequate,": return (.inadequate, k + 1)
      case "outstanding", "outstanding,": return (.outstanding, k + 1)
      case "require", "requires", "required", "requiring":
        if next.hasPrefix("improvement") {
          var end = k + 2
          if end + 2 < list.count, list[end] == "to", list[end + 1] == "be", list[end + 2].hasPrefix("good") {
            end += 3
          }
          return (.requiresImprovement, end)
        }
      case "good", "good,":
        if k == 0 || list[k - 1] == "be" || list[k - 1] == "as" { return (.good, k + 1) }
      default: break
      }
    }
    return nil
  }

  /// The latest date the text reports as past, for documents that print none.
  func inferredDate() -> ISODate? {
    var best: ISODate?
    // Dates reported as past, in the first 200 kB: enough for any paper, bounded for any file.
    var budget = 200_000
    for b in blocks where budget > 0 {
      budget -= b.text.utf8.count
      for sentence in b.text.prefix(50_000).split(separator: ".") {
        let lower = sentence.quickLowercased
        if lower.containsBytes(" will ") || lower.containsBytes("planned") || lower.containsBytes("scheduled")
          || lower.containsBytes(" due ") || lower.containsBytes("next ") || lower.containsBytes("programmed")
          || lower.containsBytes("forthcoming") || lower.containsBytes("upcoming")
          || lower.containsBytes("proposed")
          || lower.containsBytes("expected") || lower.containsBytes(" intend")
        {
          continue
        }
        // The end of a range ("between October 2015 and July 2016") says nothing of when
        // the text was written.
        var dates = DateParser.allDates(in: sentence)
        if lower.containsBytes("between ") || lower.containsBytes("from "), dates.count >= 2 {
          dates.removeLast()
        }
        for d in dates where best == nil || d > best! { best = d }
      }
    }
    return best
  }
}

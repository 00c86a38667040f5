/// Finds the local authority a document is about and reduces it to its short name.
enum AuthorityName {
  private static let prefixes = [
    "the london borough of ", "london borough of ", "royal borough of ", "the royal borough of ",
    "city of ", "the city of ", "council of the ", "the ", "metropolitan borough of ", "borough of ",
    "county of ",
    "inspection of ", "focused visit to ", "focused visit of ", "monitoring visit to ",
    "monitoring visit of ",
    "joint targeted area inspection of ", "joint targeted area inspection in ",
  ]
  private static let suffixes = [
    " local authority children's services", " local authority childrens services", " children's services",
    " childrens services", " children's social care services", " children's social care",
    " local authority", " metropolitan borough council", " metropolitan district council",
    " borough council", " district council", " county council", " city council", " county borough council",
    " council", " children's trust", " childrens trust", " children's services trust", " city",
    " unitary authority", " mbc", " metropolitan district", " metropolitan borough", " metropolitan",
    " borough", " district", " children and families trust", " childrens trust",
  ]

  /// The short name: "Birmingham City Council" → "Birmingham",
  /// "London Borough of Barnet" → "Barnet", "Birmingham's" → "Birmingham".
  static func shortName(_ raw: String) -> String? {
    let straight = raw.straightApostrophes
    let s = strippedASCII(straight) ?? stripped(characters: straight)
    guard !s.isEmpty, s.count <= 40, let f = s.first, f.isUppercase else { return nil }
    let words = s.split(separator: " ")
    guard words.count <= 5 else { return nil }
    // Every word capitalised except joining words.
    for w in words
    where !["and", "of", "upon", "on", "the", "in", "under", "le", "with", "&"].contains(w.quickLowercased) {
      guard w.first?.isUppercase == true else { return nil }
    }
    return s
  }

  private static let prefixBytes = prefixes.map { Array($0.utf8) }
  private static let suffixBytes = suffixes.map { Array($0.utf8) }

  /// The name with the prefixes, suffixes, possessives and punctuation that `shortName`
  /// takes off taken off, on bytes, for ASCII text without a carriage return: there each
  /// byte is a character and lowercases as `quickLowercased` does. `nil` for other text.
  static func strippedASCII(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { u -> String? in
      guard u.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
      var start = 0
      var end = u.count
      func isPunctuation(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
          || b == UInt8(ascii: ";")
      }
      func trim() {
        while start < end, isPunctuation(u[start]) { start += 1 }
        while end > start, isPunctuation(u[end - 1]) { end -= 1 }
      }
      // Whether the bytes from `k`, lowercased, are those of `phrase`.
      func lowered(at k: Int, are phrase: [UInt8]) -> Bool {
        for j in phrase.indices
        where u[k + j] | (u[k + j] >= 0x41 && u[k + j] <= 0x5A ? 0x20 : 0) != phrase[j] {
          return false
        }
        return true
      }
      trim()
      var changed = true
      while changed {
        changed = false
        for p in prefixBytes where end - start >= p.count && lowered(at: start, are: p) {
          start += p.count
          changed = true
          break
        }
        for suf in suffixBytes where end - start > suf.count && lowered(at: end - suf.count, are: suf) {
          end -= suf.count
          changed = true
          break
        }
        if end - start >= 2, u[end - 2] == UInt8(ascii: "'"), u[end - 1] == UInt8(ascii: "s") {
          end -= 2
          changed = true
        }
        trim()
      }
      return String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self)
    }
  }

  /// The same, character by character.
  static func stripped(characters straight: String) -> String {
    var s = straight.trimmingCharacters(in: " ,.:;")
    var changed = true
    while changed {
      changed = false
      let lower = s.quickLowercased
      for p in prefixes where lower.hasPrefix(p) {
        s = String(s.dropFirst(p.count))
        changed = true
        break
      }
      let lower2 = s.quickLowercased
      for suf in suffixes where lower2.hasSuffix(suf) && s.count > suf.count {
        s = String(s.dropLast(suf.count))
        changed = true
        break
      }
      if s.hasSuffix("'s") {
        s = String(s.dropLast(2))
        changed = true
      }
      s = s.trimmingCharacters(in: " ,.:;")
    }
    return s
  }

  /// Official names for the short forms letters use.
  private static let aliases: [String: String] = [
    "newcastle": "Newcastle upon Tyne", "hull": "Kingston upon Hull",
    "east riding": "East Riding of Yorkshire",
    "bristol city of": "Bristol", "london": "City of London", "city of london corporation": "City of London",
    "london corporation": "City of London", "bournemouth": "Bournemouth, Christchurch and Poole",
    "bcp": "Bournemouth, Christchurch and Poole", "hammersmith & fulham": "Hammersmith and Fulham",
    "brighton & hove": "Brighton and Hove", "telford & wrekin": "Telford and Wrekin",
    "richmond": "Richmond upon Thames", "kingston": "Kingston upon Thames", "southend": "Southend-on-Sea",
    "stoke": "Stoke-on-Trent", "herefordshire council": "Herefordshire",
  ]

  /// One spelling per authority: joining words in lowercase ("Kingston upon Hull"),
  /// "upon" names spaced, "-on-" names hyphenated ("Southend-on-Sea"), "St" without a stop.
  static func canonical(_ name: String?) -> String? {
    guard var name else { return nil }
    name = name.replacingPlain("St. ", with: "St ")
    if name.quickLowercased.containsBytes("-upon-") { name = name.replacingPlain("-", with: " ") }
    var words = name.split(separator: " ").map(String.init)
    for k in words.indices.dropFirst()
    where ["upon", "on", "and", "of", "in", "the", "under", "with", "le"].contains(words[k].quickLowercased) {
      words[k] = words[k].quickLowercased
    }
    for k in words.indices where words[k].containsBytes("-") {
      let parts = words[k].split(separator: "-").enumerated().map { i, p in
        i > 0 && ["on", "upon", "le", "under", "super"].contains(p.quickLowercased)
          ? p.quickLowercased : String(p)
      }
      words[k] = parts.joined(separator: "-")
    }
    name = words.joined(separator: " ")
    return aliases[name.quickLowercased] ?? name
  }

  static func find(doc: DocumentText, blocks: [Block], title: String?) -> String? {
    canonical(findRaw(doc: doc, blocks: blocks, title: title))
  }

  static func findRaw(doc: DocumentText, blocks: [Block], title: String?) -> String? {
    // A report's opening lines name the council, before or inside its title:
    // "Bath and North East Somerset / Inspection of services for children …",
    // "Inspection of Bath and North East / Somerset local authority children's services".
    if let name = reportTitleName(doc) { return name }
    if let title {
      let lower = title.quickLowercased
      for key in [
        "focused visit to ", "focused visit of ", "monitoring visit to ", "monitoring visit of ",
        "inspection of ",
      ] {
        guard let r = lower.byteRange(of: key) else { continue }
        let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
        var rest = String(title.dropFirst(offset))
        for stop in [" children", " local authority", " Children", " Local Authority"] {
          if let s = rest.plainRange(of: stop) { rest = String(rest[..<s.lowerBound]) }
        }
        if let name = shortName(rest) { return name }
      }
    }
    // A letter's opening sentence: "the findings of a focused visit to X children's services".
    for b in blocks.prefix(25) {
      let text = String(b.text.prefixCharacters(1500)).straightApostrophes
      let lower = text.quickLowercased
      for key in ["focused visit to ", "monitoring visit to ", "monitoring visit of ", "inspection of "] {
        guard let r = lower.byteRange(of: key) else { continue }
        let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
        var rest = String(text.dropFirst(offset).prefix(90))
        for stop in [
          " children", " local authority", " Children", " Local Authority", " on ", " between ", ",",
        ] {
          if let s = rest.plainRange(of: stop) { rest = String(rest[..<s.lowerBound]) }
        }
        if let name = shortName(rest) { return name }
      }
    }
    // Otherwise the most frequent "X City Council", "X Children's Trust", "X children's services".
    var counts: [String: Int] = [:]
    var order: [String] = []
    // Mentions in the opening blocks, each cut short: enough to name the authority, and
    // bounded however long the text is.
    for b in blocks.prefix(80) {
      for name in councilMentions(String(b.text.prefixCharacters(2000))) {
        if counts[name] == nil { order.append(name) }
        counts[name, default: 0] += 1
      }
    }
    // Rank the candidates by how often the name occurs anywhere in the text.
    guard !order.isEmpty else { return nil }
    let whole = blocks.prefix(80).map { $0.text.prefixCharacters(2000) }.joined(separator: " ")
      .quickLowercased
    func frequency(_ name: String) -> Int {
      whole.components(separatedBy: name.quickLowercased).count - 1 + counts[name]!
    }
    var best = order[0]
    var bestScore = frequency(best)
    for name in order.dropFirst() {
      let f = frequency(name)
      if f > bestScore {
        best = name
        bestScore = f
      }
    }
    return best
  }

  static func reportTitleName(_ doc: DocumentText) -> String? {
    var lines: [String] = []
    for li in doc.info where li.kind == .text {
      if lines.count >= 5 || endsTitle(li.text) { break }
      lines.append(String(li.text.prefixCharacters(200)))
    }
    guard !lines.isEmpty else { return nil }
    let joined = lines.joined(separator: " ").straightApostrophes
    let lower = joined.quickLowercased
    for key in ["re-inspection of ", "inspection of "] {
      guard let r = lower.byteRange(of: key) else { continue }
      let offset = lower.distance(from: lower.startIndex, to: r.lowerBound)
      if offset > 0 {
        // The name stands before the title.
        var before = String(joined.prefix(offset))
        for tail in ["Re-", "Re–", "re-", "Re"] where before.hasSuffix(tail) {
          before = String(before.dropLast(tail.count))
        }
        if let name = shortName(before) { return name }
      }
      let afterOffset = lower.distance(from: lower.startIndex, to: r.upperBound)
      var rest = String(joined.dropFirst(afterOffset))
      for stop in [" local authority", " children's", " children", " services for", " Children's", " Local"] {
        if let s = rest.plainRange(of: stop) { rest = String(rest[..<s.lowerBound]) }
      }
      if !rest.quickLowercased.hasPrefix("services"), let name = shortName(rest) { return name }
      return nil
    }
    if lines.count <= 2, isCouncilName(lines[0]) || lines[0].split(separator: " ").count <= 4,
      let name = shortName(lines[0])
    {
      return name
    }
    return nil
  }

  /// Whether a line opens what follows a report's title (its dates, its inspectors) or a
  /// letter's salutation; only lines opening with one of their pairs of letters are lowercased.
  private static func endsTitle(_ t: String) -> Bool {
    guard t.mayStartLowercased(withPairs: "inrelede") else { return false }
    let lower = t.quickLowercased
    return lower.hasPrefix("inspection date") || lower.hasPrefix("report published")
      || lower.hasPrefix("lead inspector") || lower.hasPrefix("dear ")
  }

  static func isCouncilName(_ t: String) -> Bool {
    let l = t.quickLowercased
    return l.hasSuffix("council") || l.hasPrefix("london borough of") || l.hasPrefix("royal borough of")
      || l.hasSuffix("council’s") || l.hasPrefix("city of")
  }

  private static let anchors = [
    " city council", " county council", " borough council", " metropolitan borough council",
    " district council",
    " children's trust", " childrens trust", " children's services", " council", " children's social care",
    " safeguarding children board", " safeguarding children partnership",
  ]

  /// Names that precede council-like anchors in the text.
  static func councilMentions(_ text: String) -> [String] {
    let normal = text.straightApostrophes
    let lower = normal.quickLowercased
    var out: [String] = []
    var searchStart = lower.startIndex
    // The anchors are ASCII: in plain text a byte search finds what Foundation finds.
    let plain = lower.isPlainForSearch
    while searchStart < lower.endIndex {
      var best: Range<String.Index>?
      let fromByte = lower.utf8.distance(from: lower.startIndex, to: searchStart)
      for a in anchors {
        let found =
          plain
          ? lower.byteRange(of: a, fromByte: fromByte)
          : lower.range(of: a, range: searchStart..<lower.endIndex)
        if let r = found, best == nil || r.lowerBound < best!.lowerBound {
          best = r
        }
      }
      guard let r = best else { break }
      // Up to three capitalised words before the anchor.
      let before = normal[normal.startIndex..<r.lowerBound].split(separator: " ").suffix(3)
      var words: [Substring] = []
      for w in before.reversed() {
        let bare = w.hasSuffix("'s") ? w.dropLast(2) : w
        if bare.first?.isUppercase == true && bare.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" }) {
          words.insert(bare, at: 0)
        } else if ["and", "upon", "on"].contains(w.quickLowercased), !words.isEmpty {
          words.insert(w, at: 0)
        } else {
          break
        }
      }
      while let f = words.first, ["and", "upon", "on"].contains(f.quickLowercased) { words.removeFirst() }
      let stop: Set<String> = [
        "The", "By", "To", "Of", "In", "For", "Our", "This", "A", "And", "Ofsted", "Cabinet", "Interim",
        "Director", "Chief",
        "Executive", "Local", "Care", "Senior", "Corporate", "Family", "Justice", "Health", "Leaders",
        "Members", "Member",
        "Councillor", "County", "City", "Borough", "Children", "Children's", "Young", "People", "Head",
        "Lead", "Service",
        "Services", "Social", "Education", "Improvement", "Partnership", "Trust", "NHS", "Adoption",
        "Regional",
        "Safeguarding", "Multi-Agency", "Designated", "Whole", "Each", "Every", "Neighbouring", "Other",
        "Unitary",
      ]
      while let f = words.first, stop.contains(String(f)) { words.removeFirst() }
      if !words.isEmpty, let name = shortName(words.joined(separator: " ")) { out.append(name) }
      searchStart = r.upperBound
    }
    return out
  }
}

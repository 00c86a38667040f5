/// Finds the inspectors named in a letter or report, lead inspector first.
enum Inspectors {
  /// Words in every sentence that names the inspectors ("The inspectors were …", "The visit
  /// was carried out by …").
  private static let sentenceCues = ASCIINeedles(["inspector", "visit was", "inspection was"])

  private static let roles: [String] = [
    "her majesty's inspectors", "his majesty's inspectors", "her majesty's inspector",
    "his majesty's inspector",
    "senior hmi", "hmi", "ofsted inspectors", "ofsted inspector", "social care regulatory inspector",
    "regulatory inspector", "lead inspector", "deputy lead inspector", "team inspector", "oi", "sci", "scri",
    "shmi", "(lead)", "(lead inspector)", "lead", "senior her majesty's inspector",
    "senior his majesty's inspector",
    "inspector", "inspectors",
  ]

  static func find(doc: DocumentText, blocks: [Block]) -> [String] {
    var names: [String] = []
    var lead: String?
    // "Lead inspector: …", "Deputy lead inspector: …", "Team inspectors: …", anywhere (older
    // reports list the team at the end); the names may follow on the next lines.
    let info = doc.info
    var i = 0
    while i < info.count {
      defer { i += 1 }
      guard info[i].kind == .text else { continue }
      let t = info[i].text
      // Only the labels that start with the line's first letter are tried.
      var isLead = false
      var isTeam = false
      switch t.utf8.first.map({ $0 | 0x20 }) {
      case UInt8(ascii: "l"): isLead = ASCIIMatch.hasPrefix(t, "lead inspector")
      case UInt8(ascii: "r"): isLead = ASCIIMatch.hasPrefix(t, "reporting inspector")
      case UInt8(ascii: "t"):
        isTeam = ASCIIMatch.hasPrefix(t, "team inspectors") || ASCIIMatch.hasPrefix(t, "team inspector:")
      case UInt8(ascii: "d"): isTeam = ASCIIMatch.hasPrefix(t, "deputy lead inspector")
      case UInt8(ascii: "i"): isTeam = ASCIIMatch.hasPrefix(t, "inspectors:")
      default: continue
      }
      guard isLead || isTeam else { continue }
      var list: String
      if let colon = t.firstIndex(of: ":"), t.distance(from: t.startIndex, to: colon) < 30 {
        list = String(t[t.index(after: colon)...])
      } else if ASCIIMatch.hasPrefix(t, "reporting inspector ") {
        list = String(t.dropFirst("reporting inspector ".count))
      } else {
        continue
      }
      // Continuation lines: up to the next labelled line.
      var k = i + 1
      while k < info.count, k <= i + 4 {
        if info[k].kind == .blank || info[k].kind == .furniture {
          k += 1
          continue
        }
        let next = info[k].text
        if next.containsBytes(":") || !next.hasAtMostCharacters(90) { break }
        if isLead && !list.trimmingCharacters(in: " ").isEmpty { break }
        list += (list.hasSuffix(",") || list.trimmingCharacters(in: " ").isEmpty ? " " : ", ") + next
        k += 1
        if isLead { break }
      }
      let found = Self.names(in: list)
      if isLead {
        if lead == nil { lead = found.first }
      } else {
        names += found
      }
    }
    if names.isEmpty || lead == nil {
      for b in blocks.prefix(40) {
        // Every phrase below holds one of these: most blocks are passed over at once.
        guard sentenceCues.occur(in: b.text) else { continue }
        let text = String(b.text.prefixCharacters(3000)).straightApostrophes
        let lower = text.quickLowercased
        for key in [
          "inspectors were ", "inspectors for this visit were ", "inspector was ",
          "inspectors for this inspection were ",
          "visit was carried out by ", "visit was led by ", "inspection was carried out by ",
          "inspectors on this visit were ",
          "the lead inspector was ", "inspectors who carried out this visit were ",
        ] {
          guard let r = lower.byteRange(of: key) else { continue }
          let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
          let rest = text.dropFirst(offset)
          let sentence = sentenceEnd(rest)
          let found = Self.names(in: String(sentence))
          if !found.isEmpty {
            if key.containsBytes("lead inspector was") && lead == nil { lead = found.first }
            names += found
            break
          }
        }
        if !names.isEmpty { break }
      }
    }
    if lead == nil, let signer = signer(doc: doc) { lead = signer }
    var out: [String] = []
    if let lead { out.append(lead) }
    for n in names where !out.contains(n) { out.append(n) }
    if let lead, out.count > 1, !names.contains(lead), !names.isEmpty {
      // A signer who is not among the named inspectors is kept first only if the
      // text names nobody else as lead.
      _ = lead
    }
    return out
  }

  /// The text up to the end of the sentence: a full stop followed by a space and a
  /// capitalised word that is not part of a name list.
  private static func sentenceEnd(_ s: Substring) -> Substring {
    var i = s.startIndex
    while i < s.endIndex {
      if s[i] == "." {
        let next = s.index(after: i)
        if next == s.endIndex { return s[s.startIndex..<i] }
        if s[next] == " " {
          return s[s.startIndex..<i]
        }
      }
      i = s.index(after: i)
    }
    return s
  }

  /// Splits "A, HMI, and B, HMI" or "A, B and C (lead inspector)" into names.
  static func names(in list: String) -> [String] {
    var cleaned = list
    for open in ["(", "["] {
      while let r = cleaned.plainRange(of: open),
        let close = cleaned[r.upperBound...].firstIndex(where: { $0 == ")" || $0 == "]" })
      {
        cleaned.replaceSubrange(r.lowerBound...close, with: ",")
      }
    }
    let parts = cleaned.replacingPlain(" and ", with: ",").replacingPlain(";", with: ",").split(
      separator: ",")
    var out: [String] = []
    for p in parts {
      let t = p.trimmingCharacters(in: " .")
      if t.isEmpty || roles.contains(t.quickLowercased) { continue }
      if let name = personName(t) { out.append(name) }
    }
    return out
  }

  /// Two to four capitalised words, optionally with a title; roles after a comma removed.
  static func personName(_ t: String) -> String? {
    var words = t.split(separator: " ").map(String.init)
    // Drop trailing role words ("John Roughton HMI").
    while let last = words.last, ["HMI", "SHMI", "OI", "Inspector", "inspector", "(lead)"].contains(last) {
      words.removeLast()
    }
    guard (2...4).contains(words.count) else { return nil }
    for w in words {
      guard let f = w.first, f.isUppercase else { return nil }
      guard w.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else {
        return nil
      }
    }
    let lower = words.map { $0.quickLowercased }
    if lower.contains(where: {
      ["majesty's", "ofsted", "council", "children's", "services", "inspection"].contains($0)
    }) {
      return nil
    }
    return words.joined(separator: " ")
  }

  /// The name under "Yours sincerely".
  static func signer(doc: DocumentText) -> String? {
    let info = doc.info
    for i in info.indices where info[i].kind == .text {
      let text = info[i].text
      guard ASCIIMatch.hasPrefix(text, "yours sincerely") || ASCIIMatch.hasPrefix(text, "yours faithfully")
      else { continue }
      var k = i + 1
      while k < info.count, k <= i + 4 {
        if info[k].kind == .text {
          return personName(info[k].text.straightApostrophes)
        }
        k += 1
      }
    }
    return nil
  }
}

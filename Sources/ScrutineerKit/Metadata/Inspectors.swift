/// Finds the inspectors named in a letter or report, lead inspector first.
enum Inspectors {
  private static let roles: [String] = [
    "her majesty's inspectors", "his majesty's inspectors", "her majesty's inspector", "his majesty's inspector",
    "senior hmi", "hmi", "ofsted inspectors", "ofsted inspector", "social care regulatory inspector",
    "regulatory inspector", "lead inspector", "deputy lead inspector", "team inspector", "oi", "sci", "scri",
    "shmi", "(lead)", "(lead inspector)", "lead", "senior her majesty's inspector", "senior his majesty's inspector",
    "inspector", "inspectors",
  ]

  static func find(doc: DocumentText, blocks: [Block]) -> [String] {
    var names: [String] = []
    var lead: String?
    for b in blocks.prefix(60) {
      for line in b.lines {
        let t = doc.info[line].text
        let lower = t.lowercased()
        if lower.hasPrefix("lead inspector:") || lower.hasPrefix("lead inspector ") && lower.contains(":") {
          let rest = t[t.index(after: t.firstIndex(of: ":")!)...]
          if let n = Self.names(in: String(rest)).first { lead = n }
        } else if lower.hasPrefix("team inspectors:") || lower.hasPrefix("deputy lead inspector:") || lower.hasPrefix("inspectors:") {
          let rest = t[t.index(after: t.firstIndex(of: ":")!)...]
          var list = String(rest)
          // The list may wrap onto following lines.
          if let idx = b.lines.firstIndex(of: line) {
            for next in b.lines[(idx + 1)...] {
              let nt = doc.info[next].text
              if nt.contains(":") { break }
              list += " " + nt
            }
          }
          names += Self.names(in: list)
        }
      }
    }
    if names.isEmpty || lead == nil {
      for b in blocks.prefix(40) {
        let text = b.text.replacingOccurrences(of: "’", with: "'")
        let lower = text.lowercased()
        for key in ["inspectors were ", "inspectors for this visit were ", "inspector was ", "inspectors for this inspection were ",
          "visit was carried out by ", "visit was led by ", "inspection was carried out by ", "inspectors on this visit were ",
          "the lead inspector was ", "inspectors who carried out this visit were "]
        {
          guard let r = lower.range(of: key) else { continue }
          let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
          let rest = text.dropFirst(offset)
          let sentence = sentenceEnd(rest)
          let found = Self.names(in: String(sentence))
          if !found.isEmpty {
            if key.contains("lead inspector was") && lead == nil { lead = found.first }
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
      while let r = cleaned.range(of: open), let close = cleaned[r.upperBound...].firstIndex(where: { $0 == ")" || $0 == "]" }) {
        cleaned.replaceSubrange(r.lowerBound...close, with: ",")
      }
    }
    let parts = cleaned.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: ";", with: ",")
      .split(separator: ",")
    var out: [String] = []
    for p in parts {
      let t = p.trimmingCharacters(in: " .")
      if t.isEmpty || roles.contains(t.lowercased()) { continue }
      if let name = personName(t) { out.append(name) }
    }
    return out
  }

  /// Two to four capitalised words, optionally with a title; roles after a comma removed.
  static func personName(_ t: String) -> String? {
    var words = t.split(separator: " ").map(String.init)
    // Drop trailing role words ("John Roughton HMI").
    while let last = words.last, ["HMI", "SHMI", "OI", "Inspector", "inspector", "(lead)"].contains(last) { words.removeLast() }
    guard (2...4).contains(words.count) else { return nil }
    for w in words {
      guard let f = w.first, f.isUppercase else { return nil }
      guard w.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else { return nil }
    }
    let lower = words.map { $0.lowercased() }
    if lower.contains(where: { ["majesty's", "ofsted", "council", "children's", "services", "inspection"].contains($0) }) {
      return nil
    }
    return words.joined(separator: " ")
  }

  /// The name under "Yours sincerely".
  static func signer(doc: DocumentText) -> String? {
    let info = doc.info
    for i in info.indices where info[i].kind == .text {
      let lower = info[i].text.lowercased()
      guard lower.hasPrefix("yours sincerely") || lower.hasPrefix("yours faithfully") else { continue }
      var k = i + 1
      while k < info.count, k <= i + 4 {
        if info[k].kind == .text {
          return personName(info[k].text.replacingOccurrences(of: "’", with: "'"))
        }
        k += 1
      }
    }
    return nil
  }
}

/// Finds the inspectors named in a letter or report, lead inspector first.
enum Inspectors {
  /// Words in every sentence that names the inspectors ("The inspectors were …", "The visit
  /// was carried out by …").
  private static let sentenceCues = AnchoredNeedles([
    ("inspector", anchor: "p"), ("visit was", anchor: "v"), ("inspection was", anchor: "p"),
  ])

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
      let (isLead, isTeam) = label(t)
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
      // The blocks' texts are read in place: a block is not copied for its text.
      for k in blocks.indices.prefix(40) {
        // Every phrase below holds one of these: most blocks are passed over at once.
        guard sentenceCues.occur(in: blocks[k].text) else { continue }
        let text = String(blocks[k].text.prefixCharacters(3000)).straightApostrophes
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

  /// Whether the line opens with the lead inspector's label or a team member's: only the
  /// labels that start with its first letter are tried.
  private static func label(_ t: String) -> (lead: Bool, team: Bool) {
    t.utf8.withContiguousStorageIfAvailable { label(bytes: $0) } ?? label(bytes: t.utf8)
  }

  /// The same on the line's bytes (in place when they are stored together).
  @inline(__always)
  private static func label(bytes u: some Collection<UInt8>) -> (lead: Bool, team: Bool) {
    switch u.first.map({ $0 | 0x20 }) {
    case UInt8(ascii: "l"): return (ASCIIMatch.hasPrefix(bytes: u, "lead inspector"), false)
    case UInt8(ascii: "r"): return (ASCIIMatch.hasPrefix(bytes: u, "reporting inspector"), false)
    case UInt8(ascii: "t"):
      return (
        false,
        ASCIIMatch.hasPrefix(bytes: u, "team inspectors") || ASCIIMatch.hasPrefix(bytes: u, "team inspector:")
      )
    case UInt8(ascii: "d"): return (false, ASCIIMatch.hasPrefix(bytes: u, "deputy lead inspector"))
    case UInt8(ascii: "i"): return (false, ASCIIMatch.hasPrefix(bytes: u, "inspectors:"))
    default: return (false, false)
    }
  }

  /// The text up to the end of the sentence: a full stop followed by a space and a
  /// capitalised word that is not part of a name list.
  private static func sentenceEnd(_ s: Substring) -> Substring {
    if let stop = plainSentenceEnd(s) { return s[..<s.utf8.index(s.startIndex, offsetBy: stop)] }
    return sentenceEnd(characters: s)
  }

  /// Where the sentence ends in plain text, in bytes: each full stop and space byte is a
  /// character of its own there (see `String.isPlainForSearch`); `nil` for other text.
  static func plainSentenceEnd(_ s: Substring) -> Int? {
    s.utf8.withContiguousStorageIfAvailable { u -> Int? in
      guard PlainText.isPlain(u) else { return nil }
      for k in u.indices where u[k] == UInt8(ascii: ".") && (k + 1 == u.count || u[k + 1] == 0x20) {
        return k
      }
      return u.count
    } ?? nil
  }

  /// The same, character by character.
  static func sentenceEnd(characters s: Substring) -> Substring {
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
    let parts = listPieces(cleaned.replacingPlain(" and ", with: ",").replacingPlain(";", with: ","))
    var out: [String] = []
    for t in parts {
      if t.isEmpty || roles.contains(t.quickLowercased) { continue }
      if let name = personName(t) { out.append(name) }
    }
    return out
  }

  /// The pieces of a list between its commas, each without the spaces and full stops at
  /// its ends: on bytes for plain text (see `String.isPlainForSearch`), where each comma,
  /// space and full stop byte is a character of its own for `split` and
  /// `trimmingCharacters`.
  static func listPieces(_ list: String) -> [String] {
    var text = list
    let plain = text.withUTF8 { u -> [String]? in
      guard PlainText.isPlain(u) else { return nil }
      let trimmed = { (b: UInt8) in b == UInt8(ascii: " ") || b == UInt8(ascii: ".") }
      var pieces: [String] = []
      // The pieces between commas, empty ones left out, as `split` gives them.
      for (start, end) in spans(u, between: UInt8(ascii: ",")) {
        var start = start
        var end = end
        while start < end, trimmed(u[start]) { start += 1 }
        while end > start, trimmed(u[end - 1]) { end -= 1 }
        pieces.append(String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self))
      }
      return pieces
    }
    return plain ?? list.split(separator: ",").map { $0.trimmingCharacters(in: " .") }
  }

  /// Two to four capitalised words, optionally with a title; roles after a comma removed.
  static func personName(_ t: String) -> String? {
    if let name = personName(plain: t) { return name }
    return personName(characters: t)
  }

  /// `personName` of plain text (see `String.isPlainForSearch`) on its bytes: there every
  /// character is a scalar of its own, an uppercase letter is A to Z, a letter A to Z or
  /// a to z, and the curly apostrophe the only other scalar a name may hold; `nil`,
  /// undecided, for other text.
  static func personName(plain t: String) -> String?? {
    var t = t
    return t.withUTF8 { u -> String?? in
      guard PlainText.isPlain(u) else { return nil }
      var words = spans(u, between: 0x20)
      // Drop trailing role words ("John Roughton HMI").
      while let last = words.last, trailingRoles.contains(where: { equal(u, last, $0) }) {
        words.removeLast()
      }
      guard (2...4).contains(words.count) else { return .some(nil) }
      for (start, end) in words {
        guard u[start] >= UInt8(ascii: "A"), u[start] <= UInt8(ascii: "Z") else { return .some(nil) }
        var k = start
        while k < end {
          let b = u[k]
          if b == 0xE2 && u[k + 1] == 0x80 && u[k + 2] == 0x99 {
            // A curly apostrophe (the text is plain: three bytes follow).
            k += 3
            continue
          }
          guard
            b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z") || b == UInt8(ascii: "-")
              || b == UInt8(ascii: "'") || b == UInt8(ascii: ".")
          else { return .some(nil) }
          k += 1
        }
        if notNames.contains(where: { equal(u, (start, end), $0, lowering: true) }) { return .some(nil) }
      }
      var name: [UInt8] = []
      for (start, end) in words {
        if !name.isEmpty { name.append(0x20) }
        name.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<end]))
      }
      return .some(String(decoding: name, as: UTF8.self))
    }
  }

  /// The runs of bytes between separators, empty ones left out: `split(separator:)` as
  /// start and end offsets.
  private static func spans(_ u: UnsafeBufferPointer<UInt8>, between separator: UInt8) -> [(Int, Int)] {
    var out: [(Int, Int)] = []
    var start = 0
    for k in 0..<u.count where u[k] == separator {
      if k > start { out.append((start, k)) }
      start = k + 1
    }
    if u.count > start { out.append((start, u.count)) }
    return out
  }

  /// Whether the bytes of a span are those of `word`, the span's lowered first if asked.
  private static func equal(
    _ u: UnsafeBufferPointer<UInt8>, _ span: (Int, Int), _ word: [UInt8], lowering: Bool = false
  ) -> Bool {
    guard span.1 - span.0 == word.count else { return false }
    for j in word.indices {
      let b = u[span.0 + j]
      guard (lowering ? b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0) : b) == word[j] else { return false }
    }
    return true
  }

  /// The role words `personName` drops from a name's end, and the words no name holds.
  private static let trailingRoles = ["HMI", "SHMI", "OI", "Inspector", "inspector", "(lead)"].map {
    Array($0.utf8)
  }
  private static let notNames = ["majesty's", "ofsted", "council", "children's", "services", "inspection"].map
  {
    Array($0.utf8)
  }

  /// `personName`, character by character.
  static func personName(characters t: String) -> String? {
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
      // Both start with a "y": other lines are passed over on their first byte.
      guard text.utf8.first.map({ $0 | 0x20 }) == UInt8(ascii: "y"),
        ASCIIMatch.hasPrefix(text, "yours sincerely") || ASCIIMatch.hasPrefix(text, "yours faithfully")
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

/// A bullet glyph and/or a list label at the start of a line: `◼`, `- `, `1.`, `3.17`,
/// `a)`, `(iv)`, `- h)`.
struct ListMarker: Hashable, Sendable {
  enum LabelKind: Hashable, Sendable {
    case number
    case letter
  }

  /// Whether a bullet glyph or dash starts the line.
  var hasGlyph: Bool
  /// The list label without punctuation ("1", "3.17", "a"), if any.
  var label: String?
  var labelKind: LabelKind?
  /// Whether the label is a dotted section number ("3.17").
  var isDotted: Bool
  /// UTF-8 bytes from the start of the content to the item's own words.
  var width: Int

  /// Recognises a marker at the start of `content` (already stripped of indentation).
  static func parse(_ content: Substring) -> ListMarker? {
    if let found = content.utf8.withContiguousStorageIfAvailable({ parse($0) }) { return found }
    return Array(content.utf8).withUnsafeBufferPointer { parse($0) }
  }

  /// The same for the content's UTF-8 bytes.
  static func parse(_ u: UnsafeBufferPointer<UInt8>) -> ListMarker? {
    var i = 0
    var hasGlyph = false
    if let (glyphEnd, needsSpace) = glyph(u, at: i) {
      if needsSpace {
        guard glyphEnd < u.count, isSpace(u[glyphEnd]) else { return nil }
      }
      hasGlyph = true
      i = skipSpaces(u, from: glyphEnd)
    }
    var label: String?
    var labelKind: LabelKind?
    var dotted = false
    if let (text, kind, isDotted, end) = parseLabel(u, at: i) {
      label = text
      labelKind = kind
      dotted = isDotted
      i = skipSpaces(u, from: end)
    }
    guard hasGlyph || label != nil else { return nil }
    return ListMarker(
      hasGlyph: hasGlyph, label: label, labelKind: labelKind, isDotted: dotted,
      width: i)
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0xC2 }

  private static func skipSpaces(_ u: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
    var i = i
    while i < u.count {
      if u[i] == 0x20 || u[i] == 0x09 {
        i += 1
      } else if u[i] == 0xC2, i + 1 < u.count, u[i + 1] == 0xA0 {
        i += 2
      } else {
        break
      }
    }
    return i
  }

  /// A bullet glyph at `i`: its end, and whether a space must follow it (dashes and
  /// asterisks need one; true glyphs do not).
  private static func glyph(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Bool)? {
    guard i < u.count else { return nil }
    let b = u[i]
    if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") {
      // Not `**bold**` and not `---`.
      let n = i + 1
      if n < u.count, u[n] == b { return nil }
      return (n, true)
    }
    guard b >= 0xC2 else { return nil }
    // Decode one scalar.
    var scalar: UInt32 = 0
    var length = 0
    if b & 0xE0 == 0xC0 {
      length = 2
      scalar = UInt32(b & 0x1F)
    } else if b & 0xF0 == 0xE0 {
      length = 3
      scalar = UInt32(b & 0x0F)
    } else if b & 0xF8 == 0xF0 {
      length = 4
      scalar = UInt32(b & 0x07)
    } else {
      return nil
    }
    var j = i + 1
    for _ in 1..<length {
      guard j < u.count else { return nil }
      scalar = scalar << 6 | UInt32(u[j] & 0x3F)
      j += 1
    }
    switch scalar {
    case 0x2022, 0x25FC, 0x25AA, 0x25A0, 0x25CF, 0x25CB, 0x25E6, 0x27A2, 0x27A4, 0x25BA, 0x25B8,
      0x2043, 0x2219, 0x25FE, 0x2023, 0x274F, 0x2713, 0x2714, 0x00A7:
      return (j, false)
    case 0x00B7, 0x2013, 0x2014:
      return (j, true)
    case 0xE000...0xF8FF:
      // Private-use glyphs: Symbol and Wingdings bullets as pdftotext extracts them.
      return (j, false)
    default:
      return nil
    }
  }

  private static let romans: Set<String> = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
  ]

  /// `12.`, `3.17`, `1.1.2`, `4)`, `a)`, `(b)`, `iv)`, `a.`.
  private static func parseLabel(_ u: UnsafeBufferPointer<UInt8>, at start: Int)
    -> (String, LabelKind, Bool, Int)?
  {
    var i = start
    let open = i < u.count && u[i] == UInt8(ascii: "(")
    if open { i += 1 }
    let bodyStart = i
    // Numbers.
    var digits = 0
    var groups = 0
    while i < u.count, (0x30...0x39).contains(u[i]) {
      digits += 1
      i += 1
      if digits > 3 { return nil }
      if i < u.count, u[i] == UInt8(ascii: "."),
        i + 1 < u.count, (0x30...0x39).contains(u[i + 1])
      {
        groups += 1
        digits = 0
        i += 1
      }
    }
    if i > bodyStart {
      let body = String(decoding: UnsafeBufferPointer(rebasing: u[bodyStart..<i]), as: UTF8.self)
      var end = i
      var closed = false
      if end < u.count, u[end] == UInt8(ascii: ".") || u[end] == UInt8(ascii: ")") {
        closed = true
        end += 1
      }
      if open {
        guard closed || (end < u.count && u[end] == UInt8(ascii: ")")) else { return nil }
      }
      guard closed || groups > 0 else { return nil }
      guard end == u.count || isSpace(u[end]) else { return nil }
      return (body, .number, groups > 0, end)
    }
    // Letters: one lowercase letter or a small roman numeral.
    var j = i
    while j < u.count, (0x61...0x7A).contains(u[j]) || (0x41...0x5A).contains(u[j]) {
      j += 1
      if j - i > 4 { return nil }
    }
    // Only ")" or "." closes a letter label: most lines start with a word and a space.
    guard j > i, j < u.count, u[j] == UInt8(ascii: ")") || u[j] == UInt8(ascii: ".") else { return nil }
    let body = String(decoding: UnsafeBufferPointer(rebasing: u[i..<j]), as: UTF8.self)
    let isSingle = body.utf8.count == 1
    let lower = body.quickLowercased
    guard isSingle || romans.contains(lower) else { return nil }
    let close = u[j]
    let uppercase = body != lower
    if close == UInt8(ascii: ")") {
      // fine
    } else if close == UInt8(ascii: "."), !open, !uppercase {
      // `a.` only for lowercase letters; `A.` is usually an initial.
    } else {
      return nil
    }
    let end = j + 1
    guard end == u.count || isSpace(u[end]) else { return nil }
    return (body, .letter, false, end)
  }
}

import Testing

@testable import ScrutineerKit

/// Line text made from bytes already validated, against the standard library's decoding,
/// on many made-up documents: every line end (LF, CRLF, CR),
/// form feeds, tabs, no-break spaces, markup, list markers, text beyond ASCII, a byte-order
/// mark, a last line without a line end.
@Suite("Line text from validated bytes")
struct SliceTextTests {
  /// Pieces the made-up lines are put together from.
  static let pieces = [
    "Findings", "main", "3.", "1.2", "a)", "(iv)", "- ", "* ", "• ", "◼ ", "– ", "\u{E000} ", "**", "__", "_",
    "#", "## ", "<sup>1</sup>", "<br>", "[label](target)", " ", "  ", "\t", "\u{0C}", "\u{A0}", "’", "é",
    "e\u{301}", "\u{301}", "İ", "ß", "\u{1F600}", "\u{FEFF}", "Page 3 of 9", "- 4 -", "12", "---", ".", "x",
  ]
  static let ends = ["\n", "\r\n", "\r", "\u{0C}\n", "\n\n", " \n", "\u{A0}\n", "\t\r\n"]

  /// Documents made of lines of one to four pieces, with a seeded generator.
  static func documents() -> [String] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var documents: [String] = ["", "x", "\u{FEFF}Findings\n", "’", "a\rb\r\nc\nd", "\u{0C}", "é\u{0C}é"]
    for _ in 0..<400 {
      var text = next(5) == 0 ? "\u{FEFF}" : ""
      for _ in 0..<(1 + next(12)) {
        for _ in 0..<(1 + next(4)) { text += pieces[next(pieces.count)] }
        text += ends[next(ends.count)]
      }
      // A last line without a line end, now and then.
      if next(2) == 0 { text += pieces[next(pieces.count)] }
      documents.append(text)
    }
    return documents
  }

  /// A text line's clean text, made from its bytes without their UTF-8 being checked
  /// again, against the same bytes decoded by the standard library and cleaned as a string.
  @Test func lineTextAgreesWithDecoding() {
    for text in Self.documents() {
      let bytes = Array(text.utf8)
      for line in LineSplitter.lines(bytes) {
        let info = LineInfo.analyse(line, bytes)
        guard info.kind == .text else { continue }
        let decoded = String(decoding: bytes[info.textStart..<line.contentEnd], as: UTF8.self)
        #expect(
          Array(info.text.utf8) == Array(InlineMarkup.clean(decoded[...]).utf8), "\(text.debugDescription)")
      }
    }
  }

  /// Every cut of a text: where both ends fall on scalar boundaries the bytes themselves,
  /// elsewhere what the standard library's repairing decoding gives.
  @Test func cutsAreTheirBytesOrRepaired() {
    let text = "a’b\u{1F600}c\r\nd\u{A0}é \u{A0}’ "
    let bytes = Array(text.utf8)
    for start in 0...bytes.count {
      for end in start...bytes.count {
        let boundary = { (k: Int) in k == bytes.count || bytes[k] & 0xC0 != 0x80 }
        let cut = ValidUTF8.string(bytes, start..<end)
        #expect(Array(cut.utf8) == Array(String(decoding: bytes[start..<end], as: UTF8.self).utf8))
        if boundary(start) && boundary(end) { #expect(Array(cut.utf8) == Array(bytes[start..<end])) }
        // Collapsing a cut's spacing keeps the cut bytes at its ends, repaired the same way.
        for wide in [false, true] {
          let collapsed = Self.collapsedByteByByte(Array(bytes[start..<end]), wide: wide)
          #expect(
            Array(InlineMarkup.collapseSpaces(bytes: bytes[start..<end], wide: wide).utf8)
              == Array(String(decoding: collapsed, as: UTF8.self).utf8))
        }
      }
    }
  }

  /// `collapseSpaces` makes a span that `isCollapsed` passes from its bytes as they are:
  /// over every cut of a text with every kind of spacing, with and without `wide`, what it
  /// gives is what collapsing byte by byte gives, a span it passes is its own collapsed
  /// form, and one it refuses (without `wide`) is changed by collapsing.
  @Test func collapsedSpansNeedNoCollapsing() {
    let text = "a  b\tc d\r\ne \u{0C}f\u{A0}g’h  i\n\nj k "
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { all in
      for start in 0...bytes.count {
        for end in start...bytes.count {
          let cut = UnsafeBufferPointer(rebasing: all[start..<end])
          let asItIs = Array(ValidUTF8.string(cut).utf8)
          for wide in [false, true] {
            let reference = Array(
              String(decoding: Self.collapsedByteByByte(Array(cut), wide: wide), as: UTF8.self).utf8)
            #expect(Array(InlineMarkup.collapseSpaces(bytes: cut, wide: wide).utf8) == reference)
            if InlineMarkup.isCollapsed(cut, wide: wide) {
              #expect(asItIs == reference, "\(start)..<\(end), wide: \(wide)")
            } else if !wide, !bytes[start..<end].contains(0x0C) {
              // (A form feed alone is kept, without `wide`: refusing it only costs time.)
              #expect(asItIs != reference, "\(start)..<\(end)")
            }
          }
        }
      }
    }
  }

  /// The validator that lets input be read without a second check refuses exactly what
  /// the standard library refuses: every sequence of one to three bytes, every four-byte
  /// sequence from a seeded generator, each at every position of an eight-byte word.
  @Test func validationAgreesWithTheStandardLibrary() {
    func check(_ sequence: [UInt8]) {
      for lead in 0..<9 {
        let bytes = [UInt8](repeating: 0x61, count: lead) + sequence + [0x62]
        // What reading does: check, then keep the bytes.
        let ours =
          UTF8Validation.firstInvalidOffset(bytes[...]) == nil
          ? ValidUTF8.string(bytes, 0..<bytes.count) : nil
        let theirs = String(validating: bytes, as: UTF8.self)
        if ours != theirs {
          Issue.record("\(sequence): \(String(describing: ours)) against \(String(describing: theirs))")
        }
        #expect((UTF8Validation.firstInvalidOffset(bytes[...]) == nil) == (theirs != nil))
      }
    }
    for a in 0...255 { check([UInt8(a)]) }
    for a in 0x80...0xFF {
      for b in 0...255 { check([UInt8(a), UInt8(b)]) }
    }
    for a in 0xE0...0xF4 {
      for b in 0x70...0xC7 {
        for c in stride(from: 0x70, through: 0xC7, by: 7) { check([UInt8(a), UInt8(b), UInt8(c)]) }
      }
    }
    var state: UInt64 = 0x1234_5678_9ABC_DEF1
    func next() -> UInt8 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 56)
    }
    for _ in 0..<20_000 {
      let b = [
        0xF0 | next() & 0x07, 0x80 | next() & 0x3F | (next() & 0x01) << 6, 0x80 | next() & 0x3F, next(),
      ]
      check(b)
    }
  }

  @Test func cleanSubstringAgreesWithBytes() {
    for text in Self.documents() {
      for cell in text.split(separator: "\t", omittingEmptySubsequences: false) {
        let bytes = Array(cell.utf8)
        let fromBytes = bytes.withUnsafeBufferPointer { InlineMarkup.clean($0) }
        #expect(Array(InlineMarkup.clean(cell).utf8) == Array(fromBytes.utf8), "\(cell.debugDescription)")
      }
    }
  }

  /// Collapsed spacing as one byte at a time gives it: runs of spaces, tabs and line breaks
  /// (with `wide`, form feeds and no-break spaces too) to one space, the ends trimmed.
  static func collapsedByteByByte(_ bytes: [UInt8], wide: Bool) -> [UInt8] {
    var out: [UInt8] = []
    var pending = false
    var k = 0
    while k < bytes.count {
      let b = bytes[k]
      let noBreak = wide && b == 0xC2 && k + 1 < bytes.count && bytes[k + 1] == 0xA0
      if noBreak || b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || wide && b == 0x0C {
        pending = !out.isEmpty
        k += noBreak ? 2 : 1
        continue
      }
      if pending { out.append(0x20) }
      pending = false
      out.append(b)
      k += 1
    }
    return out
  }

  @Test func collapsedSpacingAgreesWithByteByByte() {
    let long = ["abcdefghijklmnop", "ABCDEFGH  \u{A0}", "été’s©§ ", "\u{A9}\u{A0}\u{A7}abcdefgh"]
    for text in Self.documents() + Self.documents().map({ long[$0.utf8.count % 4] + $0 + long[$0.count % 4] })
    {
      for wide in [false, true] {
        let collapsed = InlineMarkup.collapseSpaces(bytes: Array(text.utf8), wide: wide)
        #expect(
          Array(collapsed.utf8) == Self.collapsedByteByByte(Array(text.utf8), wide: wide),
          "\(text.debugDescription)")
      }
    }
  }

  /// The word-at-a-time shape against the byte-at-a-time one, on lines of many lengths
  /// built from bytes chosen to fall on either side of a word's edge: markup, single and
  /// double spaces, control bytes, C2 (with and without A0) and text beyond ASCII.
  @Test func shapeAgreesWithByteByByte() {
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("word".utf8), [0x20], [0x20, 0x20], Array("*".utf8), Array("_".utf8),
      Array("<".utf8), Array("[".utf8), Array("#".utf8), [0x09], [0x0C], [0x0A], [0x0D], [0x01], [0x1F],
      [0xC2, 0xA0], [0xC2, 0xA9], Array("é’".utf8), [0x21], [0x7F], [0x2B], [0x5E], [0x3B], [0x22], [0xA0],
    ]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for round in 0..<20_000 {
      var line: [UInt8] = []
      // Mostly plain words, so that whole words take the quick path.
      for _ in 0..<(round % 13) { line += next(4) == 0 ? pieces[next(pieces.count)] : pieces[next(3)] }
      line.withUnsafeBufferPointer { u in
        #expect(InlineMarkup.shape(of: u) == InlineMarkup.shapeByBytes(u), "\(line)")
      }
    }
  }
}

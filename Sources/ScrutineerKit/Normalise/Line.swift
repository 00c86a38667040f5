/// One physical line of the text, with byte offsets and a few measurements.
struct Line: Sendable {
  /// Offset of the line's first byte.
  var start: Int
  /// Offset of the line terminator (or the end of the text).
  var end: Int
  /// Offset of the first byte of the following line.
  var next: Int
  /// Offset of the first byte after leading white space and form feeds.
  var contentStart: Int
  /// Offset one past the last byte that is not white space.
  var contentEnd: Int
  /// Whether the line holds a form feed (a page break in pdftotext output).
  var pageBreak: Bool
  /// Leading white space, tabs counted as four.
  var indent: Int
  /// Characters (Unicode scalars) between `contentStart` and `contentEnd`.
  var length: Int

  var isBlank: Bool { contentStart >= contentEnd }
}

/// Splits UTF-8 bytes into lines on LF, CRLF or CR.
enum LineSplitter {
  static func lines(_ bytes: [UInt8], in range: Range<Int>? = nil) -> [Line] {
    let range = range ?? 0..<bytes.count
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "the range is within the bytes")
    return bytes.withUnsafeBufferPointer { lines($0, in: range) }
  }

  private static func lines(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Line] {
    var lines: [Line] = []
    lines.reserveCapacity(range.count / 50 + 1)
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let start = i
      var pageBreak = false
      var indent = 0
      // Leading white space.
      while i < end {
        let b = bytes[i]
        if b == 0x20 {
          indent += 1
        } else if b == 0x09 {
          indent += 4
        } else if b == 0x0C {
          pageBreak = true
        } else {
          break
        }
        i += 1
      }
      let contentStart = i
      var contentEnd = i
      var length = 0
      // Eight bytes at a time while none is below a space (so none ends the line or is a
      // tab or form feed): the last byte that is not a space ends the content so far, and
      // every byte that does not continue a scalar starts a character.
      while i + 8 <= end {
        let w = ByteWord(bytes, at: i)
        if w.hasByte(below: 0x20) { break }
        // The bytes that are not a space, and those that do not continue a scalar (10xxxxxx).
        let nonSpace = ByteWord(bits: w.bits ^ (ByteWord.ones &* 0x20)).nonZeroBytes
        if nonSpace != 0 { contentEnd = i + (63 - nonSpace.leadingZeroBitCount) / 8 + 1 }
        length +=
          ByteWord(bits: (w.bits & (ByteWord.ones &* 0xC0)) ^ ByteWord.highs).nonZeroBytes.nonzeroBitCount
        i += 8
      }
      while i < end, bytes[i] != 0x0A, bytes[i] != 0x0D {
        let b = bytes[i]
        if b == 0x0C { pageBreak = true }
        if b != 0x20 && b != 0x09 && b != 0x0C { contentEnd = i + 1 }
        if b & 0xC0 != 0x80 { length += 1 }
        i += 1
      }
      // Count only the characters of the trimmed content.
      if contentEnd < i {
        var trailing = 0
        var k = contentEnd
        while k < i {
          if bytes[k] & 0xC0 != 0x80 { trailing += 1 }
          k += 1
        }
        length -= trailing
      }
      // Treat a trailing UTF-8 no-break space (C2 A0) as white space.
      var ce = contentEnd
      while ce - 2 >= contentStart, bytes[ce - 2] == 0xC2, bytes[ce - 1] == 0xA0 {
        ce -= 2
        length -= 1
      }
      contentEnd = ce
      let lineEnd = i
      if i < end {
        if bytes[i] == 0x0D, i + 1 < end, bytes[i + 1] == 0x0A { i += 2 } else { i += 1 }
      }
      lines.append(
        Line(
          start: start, end: lineEnd, next: i, contentStart: contentStart,
          contentEnd: max(contentEnd, contentStart), pageBreak: pageBreak, indent: indent,
          length: max(length, 0)))
    }
    return lines
  }
}

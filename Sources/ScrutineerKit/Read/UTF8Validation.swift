/// Byte-level checks on undecoded input.
enum UTF8Validation {
  /// The offset of the first byte that is not part of valid UTF-8, or `nil`: refusing, as
  /// the standard library does, overlong forms, surrogates, scalars beyond U+10FFFF and
  /// sequences cut short.
  static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
  }

  static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let end = bytes.count
    while i < end {
      // Eight ASCII bytes at a time: most of a letter is ASCII.
      if i + 8 <= end, ByteWord(bytes, at: i).isASCII {
        i += 8
        continue
      }
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      let minimum: UInt32
      if b & 0xE0 == 0xC0 {
        length = 2
        minimum = 0x80
      } else if b & 0xF0 == 0xE0 {
        length = 3
        minimum = 0x800
      } else if b & 0xF8 == 0xF0 {
        length = 4
        minimum = 0x10000
      } else {
        return i
      }
      guard i + length <= end else { return i }
      var scalar = UInt32(b) & (0xFF >> (length + 1))
      for k in 1..<length {
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else { return i }
        scalar = scalar << 6 | UInt32(c & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
        return i
      }
      i += length
    }
    return nil
  }

  /// Whether control characters other than tab, newline, form feed and carriage return
  /// make up more than 1% of the bytes.
  static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var controls = 0
    func count(_ b: UInt8) {
      if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D { controls += 1 }
    }
    // Eight bytes at a time: a word with no byte below 0x20 holds no control character,
    // and most words of text are such words.
    var i = 0
    while i + 8 <= bytes.count {
      if ByteWord(bytes, at: i).hasByte(below: 0x20) {
        for k in i..<(i + 8) { count(bytes[k]) }
      }
      i += 8
    }
    while i < bytes.count {
      count(bytes[i])
      i += 1
    }
    return controls * 100 > bytes.count
  }
}

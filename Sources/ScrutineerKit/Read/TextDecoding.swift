/// Decodes text in the encodings researchers' files come in: UTF-8 (with or without a
/// byte-order mark), UTF-16 with a byte-order mark, and Windows-1252.
enum TextDecoding {
  /// The text as valid UTF-8 and the name of the encoding, or `nil` when the bytes are
  /// none of these. UTF-8 input is checked and kept as it is (after its byte-order mark),
  /// never copied into a string; the others are decoded.
  static func decode(_ bytes: [UInt8]) -> (utf8: [UInt8], encoding: String)? {
    let marked = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    if marked || !(bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])) {
      let valid = bytes.withUnsafeBufferPointer { all in
        UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: all[(marked ? 3 : 0)...])) == nil
      }
      if valid { return marked ? (Array(bytes[3...]), "UTF-8 (with BOM)") : (bytes, "UTF-8") }
      if marked { return nil }
      return windows1252(bytes[...]).map { (Array($0.utf8), "Windows-1252") }
    }
    return utf16(bytes.dropFirst(2), bigEndian: bytes.first == 0xFE).map {
      (Array($0.utf8), bytes.first == 0xFE ? "UTF-16BE" : "UTF-16LE")
    }
  }

  static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
    guard bytes.count % 2 == 0 else { return nil }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let a = UInt16(bytes[i])
      let b = UInt16(bytes[i + 1])
      units.append(bigEndian ? a << 8 | b : b << 8 | a)
      i += 2
    }
    var out = ""
    // A lone surrogate stops the transcoding: refuse the file rather than keep only the
    // text before it.
    let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF32.self, stoppingOnError: true) {
      out.unicodeScalars.append(Unicode.Scalar($0)!)
    }
    return failed ? nil : out
  }

  /// Windows-1252's characters for 0x80–0x9F; `nil` marks the five undefined bytes.
  private static let high: [UInt32?] = [
    0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
    0x017D, nil,
    nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil,
    0x017E, 0x0178,
  ]

  /// Windows-1252, refusing the undefined bytes (which mark a file in another encoding
  /// or binary data).
  static func windows1252(_ bytes: ArraySlice<UInt8>) -> String? {
    var out = ""
    out.unicodeScalars.reserveCapacity(bytes.count)
    for b in bytes {
      if b < 0x80 || b >= 0xA0 {
        out.unicodeScalars.append(Unicode.Scalar(b))
      } else if let s = high[Int(b - 0x80)] {
        out.unicodeScalars.append(Unicode.Scalar(s)!)
      } else {
        return nil
      }
    }
    return out
  }
}

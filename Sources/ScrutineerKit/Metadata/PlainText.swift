/// Byte readings of the Foundation searches the metadata readers make for ASCII needles,
/// on plain text, where they give the same answers. Foundation compares characters, so
/// that a needle does not match where a scalar beyond ASCII would join its last byte into
/// a larger character, and a Greek question mark (U+037E) matches ";": in plain text
/// neither can happen, and a needle matches character for character exactly where it
/// matches byte for byte. Other text goes through Foundation as before.
extension String {
  /// Whether the text is plain: ASCII other than a carriage return (which joins a line
  /// feed into one character), curly quotes and en and em dashes, none of which has a
  /// decomposition or joins another scalar.
  var isPlainForSearch: Bool {
    var text = self
    return text.withUTF8(PlainText.isPlain)
  }

  /// The first occurrence of an ASCII needle, as Foundation's `range(of:)` finds it.
  func plainRange(of needle: String) -> Range<String.Index>? {
    isPlainForSearch ? byteRange(of: needle) : range(of: needle)
  }

  /// The text with every occurrence of an ASCII needle replaced, from the start and never
  /// overlapping, as Foundation's `replacingOccurrences(of:with:)` makes it.
  func replacingPlain(_ needle: String, with replacement: String) -> String {
    guard isPlainForSearch else { return replacingOccurrences(of: needle, with: replacement) }
    let pieces = plainPieces(separatedBy: needle)
    return pieces.count == 1 ? self : pieces.joined(separator: replacement)
  }

  /// The pieces between the occurrences of an ASCII needle, empty ones kept, as
  /// Foundation's `components(separatedBy:)` gives them.
  func plainComponents(separatedBy needle: String) -> [String] {
    guard isPlainForSearch else { return components(separatedBy: needle) }
    return plainPieces(separatedBy: needle).map(String.init)
  }

  /// The pieces between the byte occurrences of a needle, found from the start.
  private func plainPieces(separatedBy needle: String) -> [Substring] {
    precondition(!needle.isEmpty && needle.utf8.allSatisfy { $0 < 0x80 }, "an ASCII needle")
    var text = self
    var needle = needle
    let cuts: [Int] = text.withUTF8 { h in
      needle.withUTF8 { n in
        var cuts: [Int] = []
        guard h.count >= n.count else { return cuts }
        var i = 0
        let last = h.count - n.count
        while i <= last {
          if h[i] == n[0] {
            var k = 1
            while k < n.count && h[i + k] == n[k] { k += 1 }
            if k == n.count {
              cuts.append(i)
              i += n.count
              continue
            }
          }
          i += 1
        }
        return cuts
      }
    }
    var pieces: [Substring] = []
    var start = utf8.startIndex
    for cut in cuts {
      let at = utf8.index(utf8.startIndex, offsetBy: cut)
      pieces.append(self[start..<at])
      start = utf8.index(at, offsetBy: needle.utf8.count)
    }
    pieces.append(self[start...])
    return pieces
  }
}

enum PlainText {
  /// Whether the bytes are plain text (see `String.isPlainForSearch`).
  static func isPlain(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < u.count {
      let b = u[i]
      if b < 0x80 {
        if b == 0x0D { return false }
        i += 1
      } else if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80 {
        switch u[i + 2] {
        case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D: i += 3
        default: return false
        }
      } else {
        return false
      }
    }
    return true
  }
}

extension String {
  /// Whether the text's lowercase may start with one of the two-letter openings given
  /// (lowercase ASCII, end to end: "repu" for "re" and "pu"): `false` only when its first
  /// two bytes are ASCII and, lowercased, none of them. An ASCII byte lowercases to one
  /// ASCII byte, and only those two can start a phrase with such an opening.
  func mayStartLowercased(withPairs pairs: StaticString) -> Bool {
    utf8.withContiguousStorageIfAvailable { u -> Bool in
      guard u.count >= 2 else { return u.first.map { $0 >= 0x80 } ?? false }
      guard u[0] < 0x80, u[1] < 0x80 else { return true }
      let a = u[0] | (u[0] >= 0x41 && u[0] <= 0x5A ? 0x20 : 0)
      let b = u[1] | (u[1] >= 0x41 && u[1] <= 0x5A ? 0x20 : 0)
      let p = pairs.utf8Start
      for k in stride(from: 0, to: pairs.utf8CodeUnitCount - 1, by: 2) where p[k] == a && p[k + 1] == b {
        return true
      }
      return false
    } ?? true
  }

}

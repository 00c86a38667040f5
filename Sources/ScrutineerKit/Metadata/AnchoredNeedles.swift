/// Lowercase ASCII needles looked for in text, ignoring ASCII case, from one letter of each
/// (its anchor): eight bytes at a time are passed over unless one of them is an anchor,
/// and only there are the needles compared. Gives the answers of `ASCIINeedles.occur(in:)`
/// and of `ASCIIMatch.contains`, a good deal quicker when the anchors are rare letters.
struct AnchoredNeedles: Sendable {
  /// The needles' bytes and the offset of each one's anchor.
  private let needles: [(bytes: [UInt8], anchor: Int)]
  /// The anchor letters (the second the same as the first when there is only one).
  private let first: UInt8
  private let second: UInt8

  /// Needles and, for each, the anchor letter it holds (lowercase; two distinct at most).
  init(_ needles: [(String, anchor: Character)]) {
    var list: [(bytes: [UInt8], anchor: Int)] = []
    var letters: [UInt8] = []
    for (n, a) in needles {
      let bytes = Array(n.utf8)
      let letter = a.asciiValue!
      precondition(letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z"), "a lowercase anchor")
      precondition(bytes.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }, "a lowercase ASCII needle")
      list.append((bytes, bytes.firstIndex(of: letter)!))
      if !letters.contains(letter) { letters.append(letter) }
    }
    precondition(letters.count <= 2, "two anchors at most")
    self.needles = list
    first = letters[0]
    second = letters.last!
  }

  /// Whether any needle occurs in the text.
  func occur(in text: some StringProtocol) -> Bool {
    if let found = text.utf8.withContiguousStorageIfAvailable({ occur(in: $0) }) { return found }
    var copy = String(text)
    return copy.withUTF8 { occur(in: $0) }
  }

  /// Whether any needle occurs in the bytes.
  private func occur(in u: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    // Sixteen bytes at a time are passed over when none is an anchor in either case;
    // the others are looked at eight at a time.
    let caseBit = SIMD16<UInt8>(repeating: 0x20)
    let firsts = SIMD16<UInt8>(repeating: first)
    let seconds = SIMD16<UInt8>(repeating: second)
    while i + 16 <= u.count {
      let v = UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: SIMD16<UInt8>.self) | caseBit
      // All ones in each byte that is an anchor, read as two words of eight bytes.
      let hits = unsafeBitCast(v .== firsts .| v .== seconds, to: SIMD2<UInt64>.self)
      if hits[0] | hits[1] != 0,
        occur(in: u, at: i, hits: hits[0] & ByteWord.highs)
          || occur(in: u, at: i + 8, hits: hits[1] & ByteWord.highs)
      {
        return true
      }
      i += 16
    }
    while i + 8 <= u.count {
      if occur(in: u, word: i) { return true }
      i += 8
    }
    while i < u.count {
      if matches(u, at: i) { return true }
      i += 1
    }
    return false
  }

  /// Whether a needle occurs with its anchor among the eight bytes from `i`.
  @inline(__always)
  private func occur(in u: UnsafeBufferPointer<UInt8>, word i: Int) -> Bool {
    // Letters lowercased, as "|" 0x20 does (other bytes may become anchors: they fail
    // the comparison that follows).
    let w = ByteWord(bits: ByteWord(u, at: i).bits | ByteWord.ones &* 0x20)
    return occur(in: u, at: i, hits: w.exactMarks(of: first) | w.exactMarks(of: second))
  }

  /// Whether a needle occurs with its anchor at one of the bytes from `i` whose high bit
  /// `hits` sets.
  @inline(__always)
  private func occur(in u: UnsafeBufferPointer<UInt8>, at i: Int, hits: UInt64) -> Bool {
    var hits = hits
    while hits != 0 {
      if matches(u, at: i + hits.trailingZeroBitCount >> 3) { return true }
      hits &= hits &- 1
    }
    return false
  }

  /// Whether a needle occurs with its anchor at offset `k`.
  @inline(__always)
  private func matches(_ u: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
    let c = Self.lower(u[k])
    guard c == first || c == second else { return false }
    for (bytes, anchor) in needles where bytes[anchor] == c {
      let start = k - anchor
      guard start >= 0, start + bytes.count <= u.count else { continue }
      var j = 0
      while j < bytes.count && Self.lower(u[start + j]) == bytes[j] { j += 1 }
      if j == bytes.count { return true }
    }
    return false
  }

  /// ASCII capitals lowered; every other byte as it is.
  @inline(__always) private static func lower(_ b: UInt8) -> UInt8 {
    b >= 0x41 && b <= 0x5A ? b | 0x20 : b
  }
}

extension ByteWord {
  /// The high bit of each byte equal to `b`, byte by byte exactly.
  @inline(__always) func exactMarks(of b: UInt8) -> UInt64 {
    ~ByteWord(bits: bits ^ (Self.ones &* UInt64(b))).nonZeroBytes & Self.highs
  }
}

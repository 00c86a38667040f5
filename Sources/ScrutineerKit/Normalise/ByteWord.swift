/// Eight bytes of text read as one word, with the tests that "Bit Twiddling Hacks" gives
/// for all eight at once, so that a scan can pass over plain runs a word at a time and
/// look at bytes one by one only where a word holds something.
struct ByteWord {
  /// The bytes, the first in the lowest eight bits.
  var bits: UInt64

  /// `0x01` in every byte: `ones &* b` is `b` in every byte.
  static let ones: UInt64 = 0x0101_0101_0101_0101
  /// The high bit of every byte.
  static let highs: UInt64 = 0x8080_8080_8080_8080

  init(bits: UInt64) { self.bits = bits }

  /// The eight bytes from offset `i`, which must be within the buffer.
  @inline(__always)
  init(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) {
    bits = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
  }

  /// Whether every byte is ASCII.
  @inline(__always) var isASCII: Bool { bits & Self.highs == 0 }

  /// High bits that are not all zero exactly when some byte is below `n` (at most 0x80).
  /// A byte below `n` has its high bit set; the borrow may set the next one's too, so
  /// the bits say whether, not where. Marks of several tests can be combined with `|`.
  @inline(__always) func marks(below n: UInt8) -> UInt64 {
    (bits &- Self.ones &* UInt64(n)) & ~bits & Self.highs
  }

  /// The same for bytes equal to `b`.
  @inline(__always) func marks(of b: UInt8) -> UInt64 {
    ByteWord(bits: bits ^ (Self.ones &* UInt64(b))).marks(below: 1)
  }

  /// Whether some byte is below `n` (at most 0x80).
  @inline(__always) func hasByte(below n: UInt8) -> Bool { marks(below: n) != 0 }

  /// Whether some byte is `b`.
  @inline(__always) func hasByte(_ b: UInt8) -> Bool { marks(of: b) != 0 }

  /// The high bit of each byte that is not zero, byte by byte exactly (no borrow crosses
  /// from one byte to the next).
  @inline(__always) var nonZeroBytes: UInt64 {
    (((bits & ~Self.highs) &+ ~Self.highs) | bits) & Self.highs
  }
}

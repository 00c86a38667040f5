/// A half-open range of UTF-8 byte offsets into the text as read (after decoding).
///
/// `text.utf8[start..<end]` is the source of whatever carries the span.
public struct Span: Hashable, Comparable, Sendable {
  /// Offset of the first byte.
  public var start: Int
  /// Offset one past the last byte.
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// The number of bytes covered.
  public var length: Int { end - start }

  public static func < (lhs: Span, rhs: Span) -> Bool {
    lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
  }
}

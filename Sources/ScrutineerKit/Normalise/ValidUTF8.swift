/// Strings made from bytes already known to be valid UTF-8: a span of a validated input
/// cut at scalar boundaries, or bytes built from such spans by changing ASCII bytes only.
///
/// The standard library's initialisers check every byte again, and once a scalar is not
/// ASCII (a curly apostrophe is enough) they check it one byte at a time: more than the
/// copy itself costs. These copy the bytes as they are, after checking in constant time
/// that they were not cut inside a scalar; bytes that were are decoded, with repair, as
/// the standard library would.
enum ValidUTF8 {
  /// The string of `bytes`, which must come from valid UTF-8 (see the type's note).
  static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard !bytes.isEmpty else { return "" }
    guard isCutAtScalars(bytes) else { return String(decoding: bytes, as: UTF8.self) }
    // Debug builds, the tests among them, check what the caller promises.
    assert(String(validating: bytes, as: UTF8.self) != nil, "bytes that are not valid UTF-8")
    #if compiler(>=6.2)
      if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
        return unsafe String(copying: UTF8Span(unchecked: Swift.Span(_unsafeElements: bytes)))
      }
    #endif
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The same for bytes `range` of `bytes`.
  static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    bytes.withUnsafeBufferPointer { string(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// Whether a span of valid UTF-8 starts at a scalar's first byte and ends with a whole
  /// scalar: then it is valid UTF-8 itself.
  @inline(__always)
  static func isCutAtScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return true }
    if first & 0xC0 == 0x80 { return false }
    if last < 0x80 { return true }
    // The last scalar's first byte and how many bytes follow it.
    var k = bytes.count - 1
    var following = 0
    while k > 0, following < 3, bytes[k] & 0xC0 == 0x80 {
      k -= 1
      following += 1
    }
    let lead = bytes[k]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    return length == following + 1
  }
}

/// Case-insensitive search for ASCII needles in UTF-8 text, without building strings.
enum ASCIIMatch {
  /// Whether `haystack` contains `needle` (lowercase ASCII), ignoring ASCII case.
  static func contains(_ haystack: String, _ needle: StaticString) -> Bool {
    let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    guard let first = n.first else { return true }
    var h = haystack
    return h.withUTF8 { hb in
      guard hb.count >= n.count else { return false }
      var i = 0
      let last = hb.count - n.count
      while i <= last {
        if hb[i] | 0x20 == first {
          var k = 1
          while k < n.count, hb[i + k] | (n[k] >= 0x61 ? 0x20 : 0) == n[k] { k += 1 }
          if k == n.count { return true }
        }
        i += 1
      }
      return false
    }
  }

  /// Whether `text` starts with `needle` (lowercase ASCII), ignoring ASCII case.
  static func hasPrefix<S: StringProtocol>(_ text: S, _ needle: StaticString) -> Bool {
    let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    var k = 0
    for b in text.utf8 {
      if k == n.count { return true }
      guard b | (n[k] >= 0x61 && n[k] <= 0x7A ? 0x20 : 0) == n[k] else { return false }
      k += 1
    }
    return k == n.count
  }
}

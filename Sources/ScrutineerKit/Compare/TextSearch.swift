import Foundation

/// Substring tests for compare's hot paths: a byte search when both strings are ASCII,
/// where it finds what Foundation's `contains` finds; Foundation's `contains` otherwise,
/// whose matching of equivalent Unicode forms bytes would not reproduce.
enum TextSearch {
  static func contains(_ haystack: String, _ needle: String) -> Bool {
    var h = haystack
    var n = needle
    let fast = h.withUTF8 { hb in
      n.withUTF8 { nb -> Bool? in
        guard !nb.isEmpty, isASCII(nb), isASCII(hb) else { return nil }
        guard nb.count <= hb.count else { return false }
        return find(nb, in: hb)
      }
    }
    return fast ?? haystack.contains(needle)
  }

  /// Whether `needle` (not empty, no longer than `haystack`) occurs in `haystack`.
  private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let h = haystack.baseAddress!
    let last = haystack.count - needle.count
    var i = 0
    while i <= last {
      guard let p = memchr(h + i, Int32(needle[0]), last - i + 1) else { return false }
      let k = UnsafePointer(p.assumingMemoryBound(to: UInt8.self)) - h
      if memcmp(h + k, needle.baseAddress!, needle.count) == 0 { return true }
      i = k + 1
    }
    return false
  }

  private static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    b.allSatisfy { $0 < 0x80 }
  }
}

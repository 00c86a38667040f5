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

extension String {
  /// The text with each curly apostrophe (’) made straight ('), on bytes; the text itself
  /// when it has none.
  var straightApostrophes: String { replacingRightQuotes(with: [0x27]) }

  /// The text without apostrophes, straight or curly.
  var removingApostrophes: String {
    let s = replacingRightQuotes(with: [])
    guard s.utf8.contains(0x27) else { return s }
    return String(decoding: s.utf8.filter { $0 != 0x27 }, as: UTF8.self)
  }

  private func replacingRightQuotes(with replacement: [UInt8]) -> String {
    let u = utf8
    guard u.contains(0xE2) else { return self }
    var out: [UInt8] = []
    out.reserveCapacity(u.count)
    var i = u.startIndex
    while i != u.endIndex {
      let b = u[i]
      if b == 0xE2 {
        let j = u.index(after: i)
        if j != u.endIndex, u[j] == 0x80 {
          let k = u.index(after: j)
          if k != u.endIndex, u[k] == 0x99 {
            out += replacement
            i = u.index(after: k)
            continue
          }
        }
      }
      out.append(b)
      i = u.index(after: i)
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Several lowercase ASCII needles looked for in one pass over the text, ignoring ASCII
/// case: a table of the needles' first bytes rejects most positions with one load.
struct ASCIINeedles: Sendable {
  private let needles: [[UInt8]]
  /// For each lowercased byte, the needles that start with it.
  private let byFirst: [[Int]]

  init(_ needles: [String]) {
    self.needles = needles.map { Array($0.utf8) }
    var byFirst = Array(repeating: [Int](), count: 256)
    for (k, n) in self.needles.enumerated() where !n.isEmpty { byFirst[Int(n[0])].append(k) }
    self.byFirst = byFirst
  }

  /// Whether any needle occurs in the text.
  func occur(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { t in
      for i in 0..<t.count {
        let candidates = byFirst[Int(Self.lower(t[i]))]
        if candidates.isEmpty { continue }
        for k in candidates {
          let n = needles[k]
          guard i + n.count <= t.count else { continue }
          var j = 1
          while j < n.count && Self.lower(t[i + j]) == n[j] { j += 1 }
          if j == n.count { return true }
        }
      }
      return false
    }
  }

  @inline(__always) private static func lower(_ b: UInt8) -> UInt8 {
    b >= 0x41 && b <= 0x5A ? b | 0x20 : b
  }
}

/// Case-insensitive search for ASCII needles in UTF-8 text, without building strings.
enum ASCIIMatch {
  /// Whether `haystack` contains `needle` (lowercase ASCII), ignoring ASCII case.
  static func contains(_ haystack: some StringProtocol, _ needle: StaticString) -> Bool {
    let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    guard let first = n.first else { return true }
    var h = String(haystack)
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
    hasPrefix(bytes: text.utf8, needle)
  }

  /// The same on bytes.
  @inline(__always)
  static func hasPrefix(bytes: some Sequence<UInt8>, _ needle: StaticString) -> Bool {
    let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    var k = 0
    for b in bytes {
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
    guard utf8.contains(0xE2) else { return self }
    var text = self
    // The replacement is never longer than the quote: one allocation does.
    return text.withUTF8 { u in
      String(unsafeUninitializedCapacity: u.count) { out in
        var n = 0
        var i = 0
        while i < u.count {
          if u[i] == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0x99 {
            for b in replacement {
              out[n] = b
              n += 1
            }
            i += 3
            continue
          }
          out[n] = u[i]
          n += 1
          i += 1
        }
        return n
      }
    }
  }
}

/// Several lowercase ASCII needles looked for in one pass over the text, ignoring ASCII
/// case: a bit table of the needles' first three bytes rejects almost every position at
/// once (a table of two would let through the commonest pairs of English, "of", "st", "te").
struct ASCIINeedles: Sendable {
  /// The needles end to end, and where each ends.
  private let bytes: [UInt8]
  private let ends: [Int]
  /// One bit for each hash of three (lowercased) bytes that start a needle.
  private let triples: [UInt64]

  init(_ needles: [String]) {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var triples = [UInt64](repeating: 0, count: 1 << 10)
    for n in needles {
      let u = Array(n.utf8)
      precondition(u.count >= 3, "a needle needs three bytes")
      bytes += u
      ends.append(bytes.count)
      let h = Self.hash(u[0], u[1], u[2])
      triples[h >> 6] |= 1 << UInt64(h & 63)
    }
    self.bytes = bytes
    self.ends = ends
    self.triples = triples
  }

  @inline(__always) private static func hash(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
    (Int(a) << 10 ^ Int(b) << 5 ^ Int(c)) & 0xFFFF
  }

  /// Whether any needle occurs in the text.
  func occur(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { t in
      guard t.count >= 3 else { return false }
      return triples.withUnsafeBufferPointer { triples in
        var b1 = Self.lower(t[0])
        var b2 = Self.lower(t[1])
        for i in 0..<(t.count - 2) {
          let b0 = b1
          b1 = b2
          b2 = Self.lower(t[i + 2])
          let h = Self.hash(b0, b1, b2)
          guard triples[h >> 6] & (1 << UInt64(h & 63)) != 0 else { continue }
          var start = 0
          for end in ends {
            defer { start = end }
            let count = end - start
            guard i + count <= t.count, bytes[start] == b0 else { continue }
            var j = 1
            while j < count && Self.lower(t[i + j]) == bytes[start + j] { j += 1 }
            if j == count { return true }
          }
        }
        return false
      }
    }
  }

  @inline(__always) private static func lower(_ b: UInt8) -> UInt8 {
    b >= 0x41 && b <= 0x5A ? b | 0x20 : b
  }
}

extension StringProtocol {
  /// Whether the text holds an ASCII digit (the only digits `Int` reads, and in ASCII
  /// text the only characters that are numbers).
  @inline(__always) var hasASCIIDigit: Bool { utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

  /// The same as `lowercased()`, which maps each scalar on its own, but quicker on the
  /// text of letters: ASCII is lowercased on bytes, general punctuation (curly quotes,
  /// dashes) and the no-break space are kept as they are, having no case, and only other
  /// scalars are looked up. `lowercased()` takes its slow path for a whole string as
  /// soon as it holds one curly apostrophe.
  var quickLowercased: String {
    let lowered = utf8.withContiguousStorageIfAvailable { u -> String in
      guard Self.lowersByteForByte(u) else {
        return String(decoding: Self.quickLowercased(u), as: UTF8.self)
      }
      // ASCII, by far the commonest text, is lowered byte for byte into the string's own
      // storage; so is text whose other scalars have no case.
      return String(unsafeUninitializedCapacity: u.count) { out in
        for k in 0..<u.count { out[k] = u[k] | (u[k] >= 0x41 && u[k] <= 0x5A ? 0x20 : 0) }
        return u.count
      }
    }
    if let lowered { return lowered }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count)
    for s in unicodeScalars { ScalarCase.appendLowercased(s, to: &out) }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether every scalar of valid UTF-8 beyond ASCII is one that has no case and so
  /// lowers to itself: U+0080 to U+00BF (the no-break space, £, §) and general punctuation,
  /// U+2000 to U+206F (curly quotes, dashes, bullets).
  private static func lowersByteForByte(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < u.count {
      let b = u[i]
      if b < 0x80 {
        i += 1
      } else if b == 0xC2 {
        i += 2
      } else if b == 0xE2, i + 1 < u.count,
        u[i + 1] == 0x80 || u[i + 1] == 0x81 && i + 2 < u.count && u[i + 2] <= 0xAF
      {
        i += 3
      } else {
        return false
      }
    }
    return true
  }

  /// The lowercase of valid UTF-8, scalar by scalar.
  private static func quickLowercased(_ u: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(u.count)
    var i = 0
    while i < u.count {
      let b = u[i]
      if b < 0x80 {
        out.append(b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0))
        i += 1
        continue
      }
      guard let (s, n) = ScalarCase.scalar(at: i, in: u) else { break }
      if let s { ScalarCase.appendLowercased(s, to: &out) }
      i += n
    }
    return out
  }
}

/// How `quickLowercased` reads and lowers one scalar, for the scanners that compare with
/// its result on bytes (`LeadPhrases`).
enum ScalarCase {
  /// The scalar whose first byte is at `i` of valid UTF-8 and its length in bytes; `nil`
  /// when the text ends inside it.
  @inline(__always)
  static func scalar(at i: Int, in u: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar?, Int)? {
    let b = u[i]
    if b < 0x80 { return (Unicode.Scalar(b), 1) }
    let n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
    guard i + n <= u.count else { return nil }
    var v = UInt32(b) & (0xFF >> UInt32(n + 1))
    for k in 1..<n { v = v << 6 | UInt32(u[i + k] & 0x3F) }
    return (Unicode.Scalar(v), n)
  }

  /// Appends the scalar's lowercase: ASCII on bytes, general punctuation and the no-break
  /// space as they are (they have no case), anything else by its lowercase mapping.
  @inline(__always)
  static func appendLowercased(_ s: Unicode.Scalar, to out: inout [UInt8]) {
    let v = s.value
    if v < 0x80 {
      out.append(UInt8(truncatingIfNeeded: v) | (v >= 0x41 && v <= 0x5A ? 0x20 : 0))
    } else if v == 0xA0 || (0x2000...0x206F).contains(v) {
      UTF8.encode(s) { out.append($0) }
    } else {
      out.append(contentsOf: s.properties.lowercaseMapping.utf8)
    }
  }
}

extension String {
  /// The first place `needle` occurs, byte for byte, at or after byte `start`. Unlike
  /// `range(of:)` it does not weigh canonical equivalence, which makes no difference to the
  /// ASCII phrases searched for, and it costs a plain scan rather than a trip through
  /// Foundation.
  func byteRange(of needle: String, fromByte start: Int = 0) -> Range<String.Index>? {
    var haystack = self
    var needle = needle
    let found: Int? = haystack.withUTF8 { h in
      needle.withUTF8 { n in
        guard let first = n.first else { return start }
        guard h.count >= n.count else { return nil }
        var i = start
        let last = h.count - n.count
        while i <= last {
          if h[i] == first {
            var k = 1
            while k < n.count && h[i + k] == n[k] { k += 1 }
            if k == n.count { return i }
          }
          i += 1
        }
        return nil
      }
    }
    guard let found else { return nil }
    let start = utf8.index(startIndex, offsetBy: found)
    return start..<utf8.index(start, offsetBy: needle.utf8.count)
  }

  /// Whether `needle` occurs, byte for byte (see `byteRange(of:)`).
  func containsBytes(_ needle: String) -> Bool { byteRange(of: needle) != nil }
}

extension String {
  /// Whether the text has at most `limit` characters. Counted on bytes as scalars when
  /// every scalar is a character of its own: ASCII other than a carriage return, the
  /// Latin, Greek and other letters below the combining marks (U+0300), general
  /// punctuation (curly quotes, dashes, bullets) and private-use glyphs. Other text is
  /// counted by characters, as far as the limit.
  func hasAtMostCharacters(_ limit: Int) -> Bool {
    if utf8.count <= limit { return true }
    var text = self
    let scalars: Int? = text.withUTF8 { u in
      var count = 0
      var i = 0
      while i < u.count {
        // Eight ASCII bytes with no carriage return are eight characters; most long lines
        // pass the limit on such words alone.
        if i + 8 <= u.count {
          let w = ByteWord(u, at: i)
          if w.isASCII && !w.hasByte(0x0D) {
            count += 8
            i += 8
            if count > limit { return count }
            continue
          }
        }
        let b = u[i]
        if b < 0x80 {
          if b == 0x0D { return nil }
          i += 1
        } else if b < 0xCC {
          // U+0080 to U+02FF.
          i += 2
        } else if b == 0xE2, i + 2 < u.count,
          u[i + 1] == 0x80 && (0x90...0xA7).contains(u[i + 2]) || u[i + 1] == 0x80 && u[i + 2] >= 0xB0
            || u[i + 1] == 0x81 && u[i + 2] <= 0x9E
        {
          // U+2010 to U+2027, U+2030 to U+205E.
          i += 3
        } else if b == 0xEE || b == 0xEF && i + 1 < u.count && u[i + 1] <= 0xA3 {
          // U+E000 to U+F8FF.
          i += 3
        } else {
          return nil
        }
        count += 1
        // Every scalar so far is a character: past the limit already.
        if count > limit { return count }
      }
      return count
    }
    if let scalars { return scalars <= limit }
    var count = 0
    for _ in self {
      count += 1
      if count > limit { return false }
    }
    return true
  }
}

extension String {
  /// The same as `prefix(limit)`, without walking the characters when the text has no
  /// more bytes than the limit (a character has at least one byte).
  func prefixCharacters(_ limit: Int) -> Substring {
    utf8.count <= limit ? self[...] : prefix(limit)
  }
}

extension Substring {
  /// The first `limit` pieces that `split(separator:)` gives with an ASCII separator, found
  /// on bytes without reading past them. `split` compares characters, and a scalar beyond
  /// ASCII next to the separator might join it into a larger character: then `split`
  /// itself decides.
  func split(byte separator: UInt8, limit: Int = .max) -> [Substring] {
    var pieces: [Substring] = []
    guard eachPiece(byte: separator, limit: limit, { pieces.append(self[$0]) }) else {
      return characterPieces(separator, limit: limit)
    }
    return pieces
  }

  /// How many of the first `limit` pieces `split(byte:limit:)` gives, and the last of
  /// them, found without making the others.
  func pieces(byte separator: UInt8, limit: Int = .max) -> (count: Int, last: Substring?) {
    var count = 0
    var last: Range<Index>? = nil
    guard
      eachPiece(
        byte: separator, limit: limit,
        {
          count += 1
          last = $0
        })
    else {
      let all = characterPieces(separator, limit: limit)
      return (all.count, all.last)
    }
    return (count, last.map { self[$0] })
  }

  /// The first `limit` pieces as `split(separator:)` gives them, comparing characters.
  private func characterPieces(_ separator: UInt8, limit: Int) -> [Substring] {
    Array(split(separator: Character(Unicode.Scalar(separator))).prefix(limit))
  }

  /// Calls `body` with the range of each of the first `limit` pieces between separators,
  /// in order; false, having stopped, when a scalar beyond ASCII stands next to a
  /// separator (where `split` itself must decide).
  private func eachPiece(byte separator: UInt8, limit: Int, _ body: (Range<Index>) -> Void) -> Bool {
    precondition(separator < 0x80, "an ASCII separator")
    let u = utf8
    var count = 0
    var start = u.startIndex
    var i = u.startIndex
    var previous: UInt8 = 0
    while i < u.endIndex, count < limit {
      let b = u[i]
      let next = u.index(after: i)
      if b == separator {
        if previous >= 0x80 || next < u.endIndex && u[next] >= 0x80 { return false }
        if start < i {
          body(start..<i)
          count += 1
        }
        start = next
      }
      previous = b
      i = next
    }
    if count < limit, start < u.endIndex { body(start..<u.endIndex) }
    return true
  }
}

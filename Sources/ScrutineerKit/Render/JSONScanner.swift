/// A strict JSON parser (RFC 8259) over UTF-8 bytes, for reading Scrutineer's own output
/// back quickly: one pass that records where each value lies (a `JSONTape`), nothing
/// allocated per value, strings and numbers decoded only when they are read.
///
/// It accepts exactly what the RFC allows (whitespace around one value; strings with no
/// raw control characters and only valid escapes, surrogates paired; numbers in the RFC's
/// grammar; valid UTF-8) and fails on anything else, including nesting deeper than
/// `maximumDepth`.
struct JSONScanner {
  /// Why the bytes are not JSON, and where.
  struct Failure: Error {
    var offset: Int
    var reason: String
  }

  /// Arrays and objects nested deeper than this fail rather than exhaust the stack.
  static let maximumDepth = 512

  /// The value `bytes` hold, with nothing but whitespace around it.
  /// - Complexity: O(*n*) in the number of bytes.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> ParsedJSON {
    guard bytes.count < Int32.max else { throw Failure(offset: 0, reason: "too large") }
    let tape = JSONTape(bytes: Array(bytes))
    try tape.bytes.withUnsafeBufferPointer { (b) throws(Failure) in
      var scanner = JSONScanner(bytes: b)
      scanner.skipWhitespace()
      try scanner.value(depth: 0)
      scanner.skipWhitespace()
      guard scanner.i == b.count else { throw scanner.failure("unexpected text after the value") }
      tape.nodes = scanner.nodes
    }
    return ParsedJSON(tape: tape, index: 0)
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var i = 0
  private var nodes: [JSONTape.Node] = []

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    nodes.reserveCapacity(bytes.count / 12)
  }

  private func failure(_ reason: String) -> Failure { Failure(offset: i, reason: reason) }

  private mutating func skipWhitespace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x0A, 0x0D, 0x09: i += 1
      default: return
      }
    }
  }

  /// Appends a node; returns its index.
  private mutating func node(_ kind: JSONTape.Kind, _ start: Int, _ end: Int) -> Int {
    nodes.append(
      JSONTape.Node(kind: kind, start: Int32(start), end: Int32(end), next: Int32(nodes.count + 1)))
    return nodes.count - 1
  }

  private mutating func value(depth: Int) throws(Failure) {
    guard i < bytes.count else { throw failure("unexpected end") }
    switch bytes[i] {
    case UInt8(ascii: "{"): try object(depth: depth + 1)
    case UInt8(ascii: "["): try array(depth: depth + 1)
    case UInt8(ascii: "\""): try string()
    case UInt8(ascii: "t"): try literal("true", .true)
    case UInt8(ascii: "f"): try literal("false", .false)
    case UInt8(ascii: "n"): try literal("null", .null)
    default: try number()
    }
  }

  private mutating func literal(_ word: StaticString, _ kind: JSONTape.Kind) throws(Failure) {
    let n = word.utf8CodeUnitCount
    guard i + n <= bytes.count else { throw failure("unexpected end") }
    let w = word.utf8Start
    for k in 0..<n where bytes[i + k] != w[k] { throw failure("not a JSON value") }
    _ = node(kind, i, i + n)
    i += n
  }

  private mutating func object(depth: Int) throws(Failure) {
    guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
    let me = node(.object, i, i)
    i += 1  // {
    defer { nodes[me].next = Int32(nodes.count) }
    skipWhitespace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      return
    }
    while true {
      skipWhitespace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw failure("expected a key") }
      try string()
      skipWhitespace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw failure("expected ':'") }
      i += 1
      skipWhitespace()
      try value(depth: depth)
      guard try another(before: UInt8(ascii: "}")) else { return }
    }
  }

  private mutating func array(depth: Int) throws(Failure) {
    guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
    let me = node(.array, i, i)
    i += 1  // [
    defer { nodes[me].next = Int32(nodes.count) }
    skipWhitespace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      return
    }
    while true {
      skipWhitespace()
      try value(depth: depth)
      guard try another(before: UInt8(ascii: "]")) else { return }
    }
  }

  /// After a member of an object or array: true past a comma (another member follows),
  /// false past the closing bracket.
  private mutating func another(before closing: UInt8) throws(Failure) -> Bool {
    skipWhitespace()
    guard i < bytes.count else { throw failure("unexpected end") }
    if bytes[i] == UInt8(ascii: ",") {
      i += 1
      return true
    }
    guard bytes[i] == closing else {
      throw failure("expected ',' or '\(Character(Unicode.Scalar(closing)))'")
    }
    i += 1
    return false
  }

  /// A string from its opening quote: its escapes and UTF-8 are checked, not decoded.
  private mutating func string() throws(Failure) {
    i += 1  // "
    let start = i
    var escaped = false
    var high: UInt8 = 0
    while i < bytes.count {
      while i + 8 <= bytes.count, Self.plain(bytes, i) { i += 8 }
      guard i < bytes.count else { break }
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        // Escapes are ASCII, so the bytes between the quotes are valid UTF-8 exactly when
        // the string is; ASCII needs no check.
        if high >= 0x80, !Self.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<i])) {
          throw Failure(offset: start, reason: "invalid UTF-8 in a string")
        }
        _ = node(escaped ? .escapedString : .string, start, i)
        i += 1
        return
      }
      high |= b
      if b < 0x20 { throw failure("control character in a string") }
      if b == UInt8(ascii: "\\") {
        escaped = true
        try escape()
      } else {
        i += 1
      }
    }
    throw failure("unterminated string")
  }

  /// Whether the eight bytes at `i` are plain string content: ASCII, and neither a quote,
  /// a backslash nor a control character. (Tests on all eight at once, as in
  /// "Bit Twiddling Hacks": a byte is zero, or less than n, where subtracting borrows.)
  @inline(__always) private static func plain(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let x = ByteWord(bytes, at: i)
    return x.bits & ByteWord.highs | x.marks(of: 0x22) | x.marks(of: 0x5C) | x.marks(below: 0x20) == 0
  }

  /// Whether `b` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
  /// beyond U+10FFFF).
  static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < b.count {
      let c = b[i]
      if c < 0x80 {
        i += 1
        continue
      }
      func continuation(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
        i + k < b.count && range.contains(b[i + k])
      }
      switch c {
      case 0xC2...0xDF:
        guard continuation(1) else { return false }
        i += 2
      case 0xE0...0xEF:
        let second: ClosedRange<UInt8> = c == 0xE0 ? 0xA0...0xBF : c == 0xED ? 0x80...0x9F : 0x80...0xBF
        guard continuation(1, second), continuation(2) else { return false }
        i += 3
      case 0xF0...0xF4:
        let second: ClosedRange<UInt8> = c == 0xF0 ? 0x90...0xBF : c == 0xF4 ? 0x80...0x8F : 0x80...0xBF
        guard continuation(1, second), continuation(2), continuation(3) else { return false }
        i += 4
      default:
        return false
      }
    }
    return true
  }

  /// Checks the escape at `i` and moves past it.
  private mutating func escape() throws(Failure) {
    guard i + 1 < bytes.count else { throw failure("unterminated string") }
    switch bytes[i + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
      UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      i += 2
    case UInt8(ascii: "u"):
      guard let unit = JSONTape.hex4(bytes, at: i + 2) else { throw failure("invalid \\u escape") }
      i += 6
      if unit >= 0xD800 && unit < 0xDC00 {
        // A high surrogate must be followed by an escaped low one.
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
          let low = JSONTape.hex4(bytes, at: i + 2), low >= 0xDC00 && low < 0xE000
        else { throw failure("unpaired surrogate") }
        i += 6
      } else if unit >= 0xDC00 && unit < 0xE000 {
        throw failure("unpaired surrogate")
      }
    default: throw failure("invalid escape")
    }
  }

  /// A number in the RFC's grammar: whole when it has no fraction or exponent.
  private mutating func number() throws(Failure) {
    let start = i
    if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
    let intStart = i
    guard digits() > 0 else { throw failure("not a JSON value") }
    if bytes[intStart] == UInt8(ascii: "0"), i - intStart > 1 { throw failure("leading zero") }
    var whole = true
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      whole = false
      i += 1
      guard digits() > 0 else { throw failure("expected digits after '.'") }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      whole = false
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { throw failure("expected digits in the exponent") }
    }
    _ = node(whole ? .wholeNumber : .number, start, i)
  }

  /// Skips decimal digits; returns how many.
  private mutating func digits() -> Int {
    let start = i
    while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
    return i - start
  }
}

/// A strict JSON parser (RFC 8259) over UTF-8 bytes, for reading Scrutineer's own output
/// back quickly: one pass, no `Character` or `Any` in the way.
///
/// It accepts exactly what the RFC allows (whitespace around one value; strings of valid
/// UTF-8 with no raw control characters; escapes including surrogate pairs) and fails on
/// anything else, including nesting deeper than `maximumDepth`.
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
    var scanner = JSONScanner(bytes: bytes)
    scanner.skipWhitespace()
    let value = try scanner.value(depth: 0)
    scanner.skipWhitespace()
    guard scanner.i == bytes.count else { throw scanner.failure("unexpected text after the value") }
    return value
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var i = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
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

  private mutating func value(depth: Int) throws(Failure) -> ParsedJSON {
    guard i < bytes.count else { throw failure("unexpected end") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return .object(try object(depth: depth + 1))
    case UInt8(ascii: "["): return .array(try array(depth: depth + 1))
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default: return try number()
    }
  }

  private mutating func literal(_ word: StaticString) throws(Failure) {
    let n = word.utf8CodeUnitCount
    guard i + n <= bytes.count else { throw failure("unexpected end") }
    let w = word.utf8Start
    for k in 0..<n where bytes[i + k] != w[k] { throw failure("not a JSON value") }
    i += n
  }

  private mutating func object(depth: Int) throws(Failure) -> ParsedJSONObject {
    guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
    i += 1  // {
    var entries = ParsedJSONObject()
    skipWhitespace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      return entries
    }
    while true {
      skipWhitespace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw failure("expected a key") }
      let key = try string()
      skipWhitespace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw failure("expected ':'") }
      i += 1
      skipWhitespace()
      let v = try value(depth: depth)
      entries.keys.append(key)
      entries.values.append(v)
      skipWhitespace()
      guard i < bytes.count else { throw failure("unexpected end") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "}") {
        i += 1
        return entries
      } else {
        throw failure("expected ',' or '}'")
      }
    }
  }

  private mutating func array(depth: Int) throws(Failure) -> [ParsedJSON] {
    guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
    i += 1  // [
    var values: [ParsedJSON] = []
    skipWhitespace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      return values
    }
    while true {
      skipWhitespace()
      values.append(try value(depth: depth))
      skipWhitespace()
      guard i < bytes.count else { throw failure("unexpected end") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "]") {
        i += 1
        return values
      } else {
        throw failure("expected ',' or ']'")
      }
    }
  }

  /// A string from its opening quote; the bytes between the quotes are taken whole when
  /// they hold no escape.
  private mutating func string() throws(Failure) -> String {
    i += 1  // "
    let start = i
    var high: UInt8 = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        let s = try decode(start..<i, ascii: high < 0x80)
        i += 1
        return s
      }
      high |= b
      if b == UInt8(ascii: "\\") { return try escapedString(from: start) }
      if b < 0x20 { throw failure("control character in a string") }
      i += 1
    }
    throw failure("unterminated string")
  }

  /// The string of the bytes in `range`, which must be valid UTF-8; ASCII needs no check.
  private func decode(_ range: Range<Int>, ascii: Bool) throws(Failure) -> String {
    let slice = UnsafeBufferPointer(rebasing: bytes[range])
    if ascii { return String(decoding: slice, as: UTF8.self) }
    guard let s = String(validating: slice, as: UTF8.self) else {
      throw Failure(offset: range.lowerBound, reason: "invalid UTF-8 in a string")
    }
    return s
  }

  /// The rest of a string that holds escapes, gathered as UTF-8.
  private mutating func escapedString(from start: Int) throws(Failure) -> String {
    var out: [UInt8] = Array(bytes[start..<i])
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        guard let s = String(validating: out, as: UTF8.self) else {
          throw Failure(offset: start, reason: "invalid UTF-8 in a string")
        }
        return s
      }
      if b < 0x20 { throw failure("control character in a string") }
      guard b == UInt8(ascii: "\\") else {
        out.append(b)
        i += 1
        continue
      }
      guard i + 1 < bytes.count else { throw failure("unterminated string") }
      let e = bytes[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if scalar >= 0xD800 && scalar < 0xDC00 {
          // A high surrogate must be followed by an escaped low one.
          guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
            throw failure("unpaired surrogate")
          }
          i += 2
          let low = try hex4()
          guard low >= 0xDC00 && low < 0xE000 else { throw failure("unpaired surrogate") }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if scalar >= 0xDC00 && scalar < 0xE000 {
          throw failure("unpaired surrogate")
        }
        out.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
      default: throw failure("invalid escape")
      }
    }
    throw failure("unterminated string")
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard i + 4 <= bytes.count else { throw failure("unexpected end") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i]
      let d: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
      default: throw failure("invalid \\u escape")
      }
      v = v << 4 | UInt32(d)
      i += 1
    }
    return v
  }

  /// A number: an `Int` when written as a whole number that fits, else a `Double`.
  private mutating func number() throws(Failure) -> ParsedJSON {
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
    if whole, let n = Self.int(UnsafeBufferPointer(rebasing: bytes[start..<i])) { return .int(n) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    guard let d = Double(text) else { throw Failure(offset: start, reason: "not a number") }
    return .double(d)
  }

  /// The value of an optional minus sign and decimal digits; nil when it overflows.
  private static func int(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    let negative = text[0] == UInt8(ascii: "-")
    var n = 0
    for b in text[(negative ? 1 : 0)...] {
      let (m, o1) = n.multipliedReportingOverflow(by: 10)
      let (s, o2) =
        negative ? m.subtractingReportingOverflow(Int(b &- 0x30)) : m.addingReportingOverflow(Int(b &- 0x30))
      guard !o1, !o2 else { return nil }
      n = s
    }
    return n
  }

  /// Skips decimal digits; returns how many.
  private mutating func digits() -> Int {
    let start = i
    while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
    return i - start
  }
}

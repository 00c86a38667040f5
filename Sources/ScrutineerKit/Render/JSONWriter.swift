/// A small streaming JSON writer: keys come out in the order written, numbers in a
/// fixed format, strings escaped per RFC 8259, so the same values give the same bytes.
package struct JSONWriter {
  /// The UTF-8 bytes written so far.
  private let bytes = ByteBuffer()
  /// Whether the innermost open container already has a member, so the next needs a comma.
  private var needsComma = false
  /// The same for each enclosing container, outermost first.
  private var enclosing: [Bool] = []
  private var isAfterKey = false
  let pretty: Bool

  package init(pretty: Bool) {
    self.pretty = pretty
  }

  /// The JSON text written so far.
  package var output: String { bytes.string }

  /// The JSON text written so far, as UTF-8 bytes.
  package var outputBytes: [UInt8] { bytes.bytes }

  @inline(__always) private func append(_ s: StaticString) { bytes.append(s) }

  /// Ends a line of JSON Lines: a line feed after a complete top-level value, after which
  /// the next value starts a new line.
  package mutating func endJSONLine() {
    precondition(enclosing.isEmpty, "a JSON line ends only after a complete value")
    bytes.append(0x0A)
    needsComma = false
  }

  private mutating func newline() {
    guard pretty else { return }
    bytes.append(0x0A)
    bytes.append(repeating: 0x20, count: 2 * enclosing.count)
  }

  @inline(__always) private mutating func separator() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    needsComma = true
  }

  @inline(__always) private mutating func valuePrefix() {
    if !isAfterKey {
      separator()
      if !enclosing.isEmpty { newline() }
    }
    isAfterKey = false
  }

  package mutating func beginObject() { open(UInt8(ascii: "{")) }
  package mutating func endObject() { close(UInt8(ascii: "}")) }
  package mutating func beginArray() { open(UInt8(ascii: "[")) }
  package mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func open(_ bracket: UInt8) {
    valuePrefix()
    bytes.append(bracket)
    enclosing.append(needsComma)
    needsComma = false
  }

  private mutating func close(_ bracket: UInt8) {
    let had = needsComma
    needsComma = enclosing.removeLast()
    if had { newline() }
    bytes.append(bracket)
  }

  /// A key the code spells out, which never needs escaping.
  package mutating func key(_ k: StaticString) {
    separator()
    newline()
    bytes.append(UInt8(ascii: "\""))
    append(k)
    if pretty { append("\": ") } else { append("\":") }
    isAfterKey = true
  }

  /// A key made at run time.
  package mutating func key(text k: String) {
    separator()
    newline()
    appendString(k)
    if pretty { append(": ") } else { append(":") }
    isAfterKey = true
  }

  package mutating func string(_ s: String) {
    valuePrefix()
    appendString(s)
  }

  package mutating func int(_ n: Int) {
    valuePrefix()
    if n < 0 { bytes.append(UInt8(ascii: "-")) }
    digits(n.magnitude)
  }

  /// An unsigned number (device and inode numbers).
  package mutating func uint(_ n: UInt64) {
    valuePrefix()
    digits(UInt(n))
  }

  private func digits(_ magnitude: UInt) {
    // The digits, last first, then turned round in place.
    let start = bytes.count
    var v = magnitude
    repeat {
      bytes.append(0x30 + UInt8(truncatingIfNeeded: v % 10))
      v /= 10
    } while v > 0
    bytes.reverseTail(from: start)
  }

  mutating func double(_ d: Double) {
    valuePrefix()
    var text = Self.format(d)
    text.withUTF8 { bytes.append($0) }
  }

  mutating func bool(_ b: Bool) {
    valuePrefix()
    if b { append("true") } else { append("false") }
  }

  /// A line feed after the value, for a file that ends its last line.
  package func endLine() { bytes.append(0x0A) }

  package mutating func null() {
    valuePrefix()
    append("null")
  }

  // Conveniences.
  mutating func field(_ k: StaticString, _ s: String?) {
    key(k)
    if let s { string(s) } else { null() }
  }

  mutating func field(_ k: StaticString, _ n: Int?) {
    key(k)
    if let n { int(n) } else { null() }
  }

  mutating func field(_ k: StaticString, _ strings: [String]) {
    key(k)
    beginArray()
    for s in strings { string(s) }
    endArray()
  }

  /// Integers print without a fraction; others with up to six decimals, no exponent.
  static func format(_ d: Double) -> String {
    if d.isNaN || d.isInfinite { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    var s = String(Int((d * 1_000_000).rounded()))
    let negative = s.hasPrefix("-")
    if negative { s.removeFirst() }
    while s.count < 7 { s = "0" + s }
    var whole = String(s.dropLast(6))
    var frac = String(s.suffix(6))
    while frac.hasSuffix("0") { frac.removeLast() }
    if whole.isEmpty { whole = "0" }
    return (negative ? "-" : "") + whole + (frac.isEmpty ? "" : "." + frac)
  }

  /// A string, quoted, escaped per RFC 8259: a quote, a backslash and control characters,
  /// and U+2028/U+2029 (E2 80 A8/A9 in UTF-8), which some JavaScript readers take for
  /// line ends. Runs of bytes that need nothing are copied whole.
  private mutating func appendString(_ s: String) {
    var s = s
    s.withUTF8 { u in
      bytes.append(UInt8(ascii: "\""))
      var copied = 0
      var i = 0
      while i < u.count {
        // Eight bytes at a time while none of them needs a look.
        if i + 8 <= u.count,
          !Self.mayNeedEscape(ByteWord(u, at: i))
        {
          i += 8
          continue
        }
        let b = u[i]
        guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 else {
          i += 1
          continue
        }
        let separator =
          b == 0xE2 && i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)
        if b == 0xE2 && !separator {
          i += 1
          continue
        }
        bytes.append(UnsafeBufferPointer(rebasing: u[copied..<i]))
        switch b {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0xE2:
          append(u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
          i += 2
        default:
          append("\\u00")
          bytes.append(Self.hexDigits[Int(b >> 4)])
          bytes.append(Self.hexDigits[Int(b & 0xF)])
        }
        i += 1
        copied = i
      }
      bytes.append(UnsafeBufferPointer(rebasing: u[copied..<u.count]))
      bytes.append(UInt8(ascii: "\""))
    }
  }

  /// Whether any of eight bytes may need escaping: a control character, a quote, a
  /// backslash or 0xE2 (which starts U+2028 and U+2029).
  @inline(__always)
  private static func mayNeedEscape(_ x: ByteWord) -> Bool {
    x.marks(below: 0x20) | x.marks(of: 0x22) | x.marks(of: 0x5C) | x.marks(of: 0xE2) != 0
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// A small streaming JSON writer: keys come out in the order written, numbers in a
/// fixed format, strings escaped per RFC 8259, so the same values give the same bytes.
struct JSONWriter {
  /// The UTF-8 bytes written so far.
  private var bytes: [UInt8] = []
  private var needsComma: [Bool] = [false]
  let pretty: Bool

  init(pretty: Bool) {
    self.pretty = pretty
    bytes.reserveCapacity(4096)
  }

  /// The JSON text written so far.
  var output: String { String(decoding: bytes, as: UTF8.self) }

  @inline(__always) private mutating func append(_ s: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
  }

  private mutating func newline() {
    guard pretty else { return }
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: 2 * (needsComma.count - 1)))
  }

  private mutating func separator() {
    if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
  }

  private mutating func valuePrefix() {
    if !isAfterKey {
      separator()
      if needsComma.count > 1 { newline() }
    }
    isAfterKey = false
  }

  private var isAfterKey = false

  mutating func beginObject() {
    valuePrefix()
    bytes.append(UInt8(ascii: "{"))
    needsComma.append(false)
  }

  mutating func endObject() {
    let had = needsComma.removeLast()
    if had { newline() }
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func beginArray() {
    valuePrefix()
    bytes.append(UInt8(ascii: "["))
    needsComma.append(false)
  }

  mutating func endArray() {
    let had = needsComma.removeLast()
    if had { newline() }
    bytes.append(UInt8(ascii: "]"))
  }

  mutating func key(_ k: String) {
    separator()
    newline()
    appendString(k)
    if pretty { append(": ") } else { append(":") }
    isAfterKey = true
  }

  mutating func string(_ s: String) {
    valuePrefix()
    appendString(s)
  }

  mutating func int(_ n: Int) {
    valuePrefix()
    bytes.append(contentsOf: String(n).utf8)
  }

  mutating func double(_ d: Double) {
    valuePrefix()
    bytes.append(contentsOf: Self.format(d).utf8)
  }

  mutating func bool(_ b: Bool) {
    valuePrefix()
    if b { append("true") } else { append("false") }
  }

  mutating func null() {
    valuePrefix()
    append("null")
  }

  // Conveniences.
  mutating func field(_ k: String, _ s: String?) {
    key(k)
    if let s { string(s) } else { null() }
  }

  mutating func field(_ k: String, _ n: Int?) {
    key(k)
    if let n { int(n) } else { null() }
  }

  mutating func field(_ k: String, _ strings: [String]) {
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

  private mutating func appendString(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    if !Self.needsEscaping(s) {
      bytes.append(contentsOf: s.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    let utf8 = Array(s.utf8)
    var i = 0
    while i < utf8.count {
      let b = utf8[i]
      switch b {
      case UInt8(ascii: "\""): append("\\\"")
      case UInt8(ascii: "\\"): append("\\\\")
      case 0x0A: append("\\n")
      case 0x0D: append("\\r")
      case 0x09: append("\\t")
      case 0x08: append("\\b")
      case 0x0C: append("\\f")
      case 0xE2
      where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
        // U+2028 and U+2029, which some JavaScript readers take for line ends.
        append(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
        i += 2
      default:
        if b < 0x20 {
          append("\\u00")
          bytes.append(hex[Int(b >> 4)])
          bytes.append(hex[Int(b & 0xF)])
        } else {
          bytes.append(b)
        }
      }
      i += 1
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether `s` holds anything `appendString` escapes: a quote, a backslash, a control
  /// character, or U+2028/U+2029 (E2 80 A8/A9 in UTF-8). A quick byte scan, so that most
  /// strings are appended whole.
  private static func needsEscaping(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { bytes in
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        if b < 0x20 || b == 0x22 || b == 0x5C { return true }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9
        {
          return true
        }
        i += 1
      }
      return false
    }
  }
}

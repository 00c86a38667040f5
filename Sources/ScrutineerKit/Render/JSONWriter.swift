/// A small streaming JSON writer: keys come out in the order written, numbers in a
/// fixed format, strings escaped per RFC 8259, so the same values give the same bytes.
struct JSONWriter {
  private(set) var output = ""
  private var needsComma: [Bool] = [false]
  let pretty: Bool

  init(pretty: Bool) {
    self.pretty = pretty
  }

  private mutating func newline() {
    guard pretty else { return }
    output.append("\n")
    output.append(String(repeating: "  ", count: needsComma.count - 1))
  }

  private mutating func separator() {
    if needsComma[needsComma.count - 1] { output.append(",") }
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
    output.append("{")
    needsComma.append(false)
  }

  mutating func endObject() {
    let had = needsComma.removeLast()
    if had { newline() }
    output.append("}")
  }

  mutating func beginArray() {
    valuePrefix()
    output.append("[")
    needsComma.append(false)
  }

  mutating func endArray() {
    let had = needsComma.removeLast()
    if had { newline() }
    output.append("]")
  }

  mutating func key(_ k: String) {
    separator()
    newline()
    appendString(k)
    output.append(pretty ? ": " : ":")
    isAfterKey = true
  }

  mutating func string(_ s: String) {
    valuePrefix()
    appendString(s)
  }

  mutating func int(_ n: Int) {
    valuePrefix()
    output.append(String(n))
  }

  mutating func double(_ d: Double) {
    valuePrefix()
    output.append(Self.format(d))
  }

  mutating func bool(_ b: Bool) {
    valuePrefix()
    output.append(b ? "true" : "false")
  }

  mutating func null() {
    valuePrefix()
    output.append("null")
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
    output.append("\"")
    if !Self.needsEscaping(s) {
      output.append(s)
      output.append("\"")
      return
    }
    for u in s.unicodeScalars {
      switch u {
      case "\"": output.append("\\\"")
      case "\\": output.append("\\\\")
      case "\n": output.append("\\n")
      case "\r": output.append("\\r")
      case "\t": output.append("\\t")
      case "\u{08}": output.append("\\b")
      case "\u{0C}": output.append("\\f")
      default:
        if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
          let hex = String(u.value, radix: 16)
          output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          output.unicodeScalars.append(u)
        }
      }
    }
    output.append("\"")
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

import ScrutineerKit

/// A JSON value whose objects keep their keys in the order given, printed the way
/// `JSONRenderer` prints (two-space indent, `"key": value`), for `summary.json`.
enum JSONValue {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  case int(Int)

  /// An object with the entries of `dictionary` in key order.
  static func sorted(_ dictionary: [String: Int]) -> JSONValue {
    .object(
      dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
        ($0.key, .int($0.value))
      })
  }

  /// The value as pretty JSON, ending in a newline.
  func pretty() -> String {
    var out = ""
    write(into: &out, indent: "")
    return out + "\n"
  }

  private func write(into out: inout String, indent: String) {
    let inner = indent + "  "
    switch self {
    case .object(let entries):
      guard !entries.isEmpty else {
        out += "{}"
        return
      }
      out += "{"
      for (k, (key, value)) in entries.enumerated() {
        out += (k > 0 ? ",\n" : "\n") + inner
        Self.quote(key, into: &out)
        out += ": "
        value.write(into: &out, indent: inner)
      }
      out += "\n" + indent + "}"
    case .array(let values):
      guard !values.isEmpty else {
        out += "[]"
        return
      }
      out += "["
      for (k, value) in values.enumerated() {
        out += (k > 0 ? ",\n" : "\n") + inner
        value.write(into: &out, indent: inner)
      }
      out += "\n" + indent + "]"
    case .string(let s): Self.quote(s, into: &out)
    case .int(let n): out += String(n)
    }
  }

  /// `s` as a JSON string, escaped as every other output of the tool escapes it
  /// (`JSONWriter`, RFC 8259).
  static func quote(_ s: String, into out: inout String) {
    var w = JSONWriter(pretty: false)
    w.string(s)
    out += w.output
  }
}

/// A JSON value as `JSONScanner` reads it: objects keep their entries in the order given,
/// integers stay integers.
///
/// It stands in for `JSONSerialization` where Scrutineer reads its own output back
/// (`JSONReader`, `EvidenceLoader`): the same values for valid JSON, at a fraction of the
/// cost, and without the casts from `Any`.
enum ParsedJSON {
  case null
  case bool(Bool)
  /// A number written without a fraction or exponent that fits an `Int`.
  case int(Int)
  /// Any other number.
  case double(Double)
  case string(String)
  case array([ParsedJSON])
  case object(ParsedJSONObject)

  /// The string, or nil for any other value.
  var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The integer; a number with a fraction or exponent counts when its value is whole
  /// and fits, as `NSNumber` bridging to `Int` allows.
  var int: Int? {
    switch self {
    case .int(let n): return n
    case .double(let d): return Int(exactly: d)
    default: return nil
    }
  }

  /// The number as a `Double`.
  var double: Double? {
    switch self {
    case .int(let n): return Double(n)
    case .double(let d): return d
    default: return nil
    }
  }

  var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  var array: [ParsedJSON]? {
    if case .array(let a) = self { return a }
    return nil
  }

  var object: ParsedJSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }
}

/// A JSON object: its keys and values in the order written.
struct ParsedJSONObject {
  var keys: [String] = []
  var values: [ParsedJSON] = []

  /// The value of `key`; of the last entry when a key is repeated, as a dictionary
  /// built from the entries would hold.
  subscript(key: String) -> ParsedJSON? {
    var k = keys.count
    while k > 0 {
      k -= 1
      if keys[k] == key { return values[k] }
    }
    return nil
  }
}

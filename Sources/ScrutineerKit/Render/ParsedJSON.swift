import Foundation

/// JSON as `JSONScanner` records it: the bytes, and for each value in document order its
/// kind, where it lies and where the next value after it starts.
final class JSONTape {
  enum Kind: UInt8 {
    case object, array, string, escapedString, wholeNumber, number, `true`, `false`, null
  }

  struct Node {
    var kind: Kind
    /// For strings, the bytes between the quotes; for numbers and literals, their text.
    var start: Int32
    var end: Int32
    /// The index of the node after this value and everything inside it.
    var next: Int32
  }

  let bytes: [UInt8]
  var nodes: [Node] = []

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The value of four hex digits at `at`, or nil.
  static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32? {
    guard at + 4 <= bytes.count else { return nil }
    var v: UInt32 = 0
    for b in bytes[at..<at + 4] {
      let d: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
      default: return nil
      }
      v = v << 4 | UInt32(d)
    }
    return v
  }
}

/// A JSON value as `JSONScanner` reads it: a place in a `JSONTape`, decoded as it is read.
///
/// It stands in for `JSONSerialization` where Scrutineer reads its own output back
/// (`JSONReader`, `EvidenceLoader`): the same values for valid JSON, at a fraction of the
/// cost, and without the casts from `Any`. Objects keep their keys in order; a repeated
/// key reads as its last value, as a dictionary built from the object would hold.
struct ParsedJSON {
  let tape: JSONTape
  let index: Int

  private var node: JSONTape.Node { tape.nodes[index] }

  /// The string, or nil for any other value. (The scanner has checked its UTF-8.)
  var string: String? {
    let n = node
    switch n.kind {
    case .string:
      return tape.bytes.withUnsafeBufferPointer { b in
        String(decoding: UnsafeBufferPointer(rebasing: b[Int(n.start)..<Int(n.end)]), as: UTF8.self)
      }
    case .escapedString:
      return String(decoding: unescaped(Int(n.start)..<Int(n.end)), as: UTF8.self)
    default:
      return nil
    }
  }

  /// The UTF-8 of a string with escapes, which the scanner has checked.
  private func unescaped(_ range: Range<Int>) -> [UInt8] {
    tape.bytes.withUnsafeBufferPointer { b in
      var out: [UInt8] = []
      out.reserveCapacity(range.count)
      var i = range.lowerBound
      while i < range.upperBound {
        let c = b[i]
        guard c == UInt8(ascii: "\\") else {
          out.append(c)
          i += 1
          continue
        }
        let e = b[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = JSONTape.hex4(b, at: i)!
          i += 4
          if scalar >= 0xD800 && scalar < 0xDC00 {
            let low = JSONTape.hex4(b, at: i + 2)!
            i += 6
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          out.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
        default: out.append(e)  // " \ /
        }
      }
      return out
    }
  }

  private var text: String {
    let n = node
    return String(decoding: tape.bytes[Int(n.start)..<Int(n.end)], as: UTF8.self)
  }

  /// The integer; a number with a fraction or exponent counts when its value is whole
  /// and fits, as `NSNumber` bridging to `Int` allows.
  var int: Int? {
    switch node.kind {
    case .wholeNumber: return wholeValue ?? Double(text).flatMap { Int(exactly: $0) }
    case .number: return Double(text).flatMap { Int(exactly: $0) }
    default: return nil
    }
  }

  /// The number as a `Double`.
  var double: Double? {
    switch node.kind {
    case .wholeNumber: return wholeValue.map(Double.init) ?? Double(text)
    case .number: return Double(text)
    default: return nil
    }
  }

  /// A whole number's value; nil when it does not fit an `Int`.
  private var wholeValue: Int? {
    let n = node
    return tape.bytes.withUnsafeBufferPointer { b in
      var i = Int(n.start)
      let negative = b[i] == UInt8(ascii: "-")
      if negative { i += 1 }
      var value = 0
      while i < Int(n.end) {
        let digit = Int(b[i] &- UInt8(ascii: "0"))
        let (m, o1) = value.multipliedReportingOverflow(by: 10)
        let (s, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
        guard !o1, !o2 else { return nil }
        value = s
        i += 1
      }
      return value
    }
  }

  var bool: Bool? {
    switch node.kind {
    case .true: return true
    case .false: return false
    default: return nil
    }
  }

  var isNull: Bool { node.kind == .null }

  /// The elements of an array, or nil for any other value.
  var array: [ParsedJSON]? {
    let n = node
    guard n.kind == .array else { return nil }
    var out: [ParsedJSON] = []
    var c = index + 1
    while c < Int(n.next) {
      out.append(ParsedJSON(tape: tape, index: c))
      c = Int(tape.nodes[c].next)
    }
    return out
  }

  /// The value itself when it is an object, or nil.
  var object: ParsedJSON? { node.kind == .object ? self : nil }

  /// An object's keys and values in order, or nil for any other value.
  var entries: [(key: String, value: ParsedJSON)]? {
    let n = node
    guard n.kind == .object else { return nil }
    var out: [(key: String, value: ParsedJSON)] = []
    var c = index + 1
    while c < Int(n.next) {
      guard let key = ParsedJSON(tape: tape, index: c).string else { return nil }
      out.append((key, ParsedJSON(tape: tape, index: c + 1)))
      c = Int(tape.nodes[c + 1].next)
    }
    return out
  }

  /// The value of `key` in an object (the last, when it is repeated); nil when there is
  /// none or this is not an object.
  subscript(key: String) -> ParsedJSON? {
    let n = node
    guard n.kind == .object else { return nil }
    var found: Int?
    var key = key
    key.withUTF8 { k in
      tape.bytes.withUnsafeBufferPointer { b in
        tape.nodes.withUnsafeBufferPointer { nodes in
          var c = index + 1
          while c < Int(n.next) {
            let keyNode = nodes[c]
            if keyNode.kind == .string {
              let count = Int(keyNode.end - keyNode.start)
              if count == k.count,
                count == 0 || memcmp(b.baseAddress! + Int(keyNode.start), k.baseAddress!, count) == 0
              {
                found = c + 1
              }
            } else if ParsedJSON(tape: tape, index: c).string.map({ Array($0.utf8) == Array(k) }) == true {
              found = c + 1
            }
            c = Int(nodes[c + 1].next)
          }
        }
      }
    }
    return found.map { ParsedJSON(tape: tape, index: $0) }
  }
}

/// Builds CSV text in RFC 4180's form, made safe to open in a spreadsheet.
///
/// - Rows end with CRLF, the last one included.
/// - A cell holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
/// - A cell a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`,
///   a tab or CR) gets a leading `'`, which spreadsheets show as plain text.
struct CSVWriter {
  /// U+FEFF, which tells Excel the file is UTF-8.
  static let byteOrderMark = "\u{FEFF}"

  private(set) var output = ""

  /// Starts the text with the byte order mark when `byteOrderMark` is true.
  init(byteOrderMark: Bool = false) {
    if byteOrderMark { output = Self.byteOrderMark }
  }

  /// Appends one row.
  mutating func row(_ cells: [String]) {
    for (k, cell) in cells.enumerated() {
      if k > 0 { output.append(",") }
      output.append(Self.cell(cell))
    }
    output.append("\r\n")
  }

  /// One cell, neutralised and quoted as needed.
  /// - Complexity: O(*n*); one pass over the UTF-8 bytes when nothing needs changing.
  static func cell(_ value: String) -> String {
    var value = value
    let (neutralise, quote) = value.withUTF8 { bytes -> (Bool, Bool) in
      var quote = false
      for b in bytes where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A {
        quote = true
        break
      }
      switch bytes.first {
      case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return (true, quote)  // = + - @ tab CR
      default: return (false, quote)
      }
    }
    guard neutralise || quote else { return value }
    return value.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 8)
      if quote { out.append(0x22) }
      if neutralise { out.append(0x27) }
      // A quote byte never occurs inside a multi-byte UTF-8 sequence, so doubling bytes
      // doubles exactly the quote characters.
      for b in bytes {
        out.append(b)
        if quote, b == 0x22 { out.append(0x22) }
      }
      if quote { out.append(0x22) }
      return String(decoding: out, as: UTF8.self)
    }
  }
}

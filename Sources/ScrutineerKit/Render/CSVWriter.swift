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
  static func cell(_ value: String) -> String {
    var s = value
    if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      s = "'" + s
    }
    guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
      return s
    }
    return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension String {
  /// Every occurrence of the scalar `target` replaced (scalar by scalar, so a quote
  /// followed by a combining mark is still found).
  fileprivate func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
    var out = ""
    out.reserveCapacity(utf8.count + 8)
    for u in unicodeScalars {
      if u == target { out.append(replacement) } else { out.unicodeScalars.append(u) }
    }
    return out
  }
}

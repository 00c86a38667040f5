/// Builds CSV text in RFC 4180's form, made safe to open in a spreadsheet.
///
/// - Rows end with CRLF, the last one included.
/// - A cell holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
/// - A cell a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`,
///   a tab or CR) gets a leading `'`, which spreadsheets show as plain text.
struct CSVWriter {
  /// U+FEFF, which tells Excel the file is UTF-8.
  static let byteOrderMark = "\u{FEFF}"

  private let bytes = ByteBuffer()

  /// The CSV text written so far.
  var output: String { bytes.string }

  /// The text written so far, as UTF-8 bytes.
  var outputBytes: [UInt8] { bytes.bytes }

  /// Starts the text with the byte order mark when `byteOrderMark` is true.
  init(byteOrderMark: Bool = false) {
    if byteOrderMark { bytes.append("\u{FEFF}") }
  }

  /// Appends one row.
  mutating func row(_ cells: [String]) {
    for (k, cell) in cells.enumerated() {
      if k > 0 { bytes.append(UInt8(ascii: ",")) }
      var cell = cell
      cell.withUTF8 { Self.write($0, to: bytes) }
    }
    bytes.append("\r\n")
  }

  /// One cell, neutralised and quoted as needed.
  static func cell(_ value: String) -> String {
    let out = ByteBuffer(capacity: value.utf8.count + 8)
    var value = value
    value.withUTF8 { write($0, to: out) }
    return out.string
  }

  /// Writes one cell: as it is when nothing needs changing, which one pass over its bytes
  /// tells; otherwise with a leading `'` and in quotes as needed.
  /// - Complexity: O(*n*).
  private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
    var quote = false
    for b in bytes where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A {
      quote = true
      break
    }
    let neutralise: Bool
    switch bytes.first {
    case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: neutralise = true  // = + - @ tab CR
    default: neutralise = false
    }
    guard neutralise || quote else { return out.append(bytes) }
    if quote { out.append(0x22) }
    if neutralise { out.append(0x27) }
    guard quote else { return out.append(bytes) }
    // A quote byte never occurs inside a multi-byte UTF-8 sequence, so doubling bytes
    // doubles exactly the quote characters. The runs between quotes are copied whole.
    var start = 0
    for i in bytes.indices where bytes[i] == 0x22 {
      out.append(UnsafeBufferPointer(rebasing: bytes[start...i]))
      out.append(0x22)
      start = i + 1
    }
    out.append(UnsafeBufferPointer(rebasing: bytes[start...]))
    out.append(0x22)
  }
}

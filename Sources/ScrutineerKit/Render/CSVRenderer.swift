/// Renders the items of analysed files as CSV, one row an item, for spreadsheets.
///
/// The columns are `CSVRenderer.columns`; `themes` holds theme ids separated by `;`.
/// The text follows RFC 4180 (CRLF line ends, quoted cells, doubled quotes), and cells a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR)
/// are prefixed with `'`.
public enum CSVRenderer {
  /// The header: file, document kind, authority, date, segment kind, item number within
  /// the document, item text, themes, polarity, quantifier, and the item's UTF-8 byte
  /// span in the file.
  public static let columns = [
    "file", "kind", "authority", "date", "segment", "item", "text", "themes", "polarity", "quantifier",
    "start",
    "end",
  ]

  /// The header row and one row per item of every file.
  /// - Parameter byteOrderMark: start with U+FEFF so Excel reads the text as UTF-8.
  public static func render(_ files: [AnalysedFile], byteOrderMark: Bool = false) -> String {
    var out = header(byteOrderMark: byteOrderMark)
    for f in files { out += rows(f) }
    return out
  }

  /// The header row alone, CRLF-terminated.
  public static func header(byteOrderMark: Bool = false) -> String {
    var w = CSVWriter(byteOrderMark: byteOrderMark)
    w.row(columns)
    return w.output
  }

  /// The rows of one file's items, without the header; `file.path` fills the first
  /// column.
  /// - Complexity: O(*n*) in the number and length of the items.
  public static func rows(_ file: AnalysedFile) -> String {
    String(decoding: rowBytes(file), as: UTF8.self)
  }

  /// The same rows as UTF-8 bytes.
  package static func rowBytes(_ file: AnalysedFile) -> [UInt8] {
    var w = CSVWriter()
    for d in file.documents {
      let m = d.metadata
      for s in d.segments {
        for item in s.items {
          let a = item.analysis
          w.row([
            file.path, d.kind.rawValue, m.localAuthority ?? "", m.date?.description ?? "", s.kind.rawValue,
            String(item.number), item.text, a.map { $0.themes.map(\.id).joined(separator: ";") } ?? "",
            a?.polarity.rawValue ?? "", a?.quantifier?.rawValue ?? "", String(item.span.start),
            String(item.span.end),
          ])
        }
      }
    }
    return w.outputBytes
  }
}

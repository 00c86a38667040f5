import Foundation

/// The formats Scrutineer reads, told apart by content, not by extension alone.
public enum InputFormat: String, Sendable {
  case text
  case html
  case pdf
  case docx

  /// Sniffs the first bytes (and, for a zip, the name).
  static func detect(_ bytes: ArraySlice<UInt8>, path: String) -> InputFormat {
    if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
    var head = bytes.prefix(2048)
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
    // Every page starts with a tag after any white space; text is told at its first byte.
    guard let first = head.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
      head[first] == UInt8(ascii: "<")
    else { return .text }
    let start = String(decoding: head[first...], as: UTF8.self).quickLowercased
    if start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
      || start.hasPrefix("<?xml") && start.containsBytes("<html")
      || start.containsBytes("<body") || start.containsBytes("<head")
    {
      return .html
    }
    return .text
  }
}

/// PDFs through `pdftotext` (Debian's poppler-utils), in its default layout, as Ofsted's
/// letters are usually extracted: page breaks come out as form feeds.
enum PDFText {
  static func extract(path: String, timeout: TimeInterval, maxBytes: Int) throws(ScrutineerError) -> String {
    let data: Data
    do {
      data = try ExternalProgram(name: "pdftotext", timeout: timeout, maxOutput: maxBytes).run([
        "-enc", "UTF-8", "-q", path, "-",
      ])
    } catch {
      switch error {
      case .missing:
        throw .needsProgram(path: path, program: "pdftotext", install: "apt-get install poppler-utils")
      case .timedOut(let s):
        throw .unreadable(path: path, reason: "pdftotext took longer than \(s) seconds")
      case .outputTooLarge(let limit):
        throw .tooLarge(path: path, bytes: limit + 1, limit: limit)
      case .failed(_, let message):
        throw .unreadable(path: path, reason: "not a readable PDF" + (message.isEmpty ? "" : ": " + message))
      }
    }
    let text = String(decoding: data, as: UTF8.self)
    if text.unicodeScalars.allSatisfy({
      $0 == " " || $0 == "\n" || $0 == "\u{0C}" || $0 == "\t" || $0 == "\r"
    }) {
      throw .needsOCR(path: path)
    }
    return text
  }
}

/// Word documents: `word/document.xml` read from the archive with the system `unzip`,
/// after checking that it does not expand beyond the limit (a zip bomb).
enum DocxText {
  static func extract(path: String, timeout: TimeInterval, maxBytes: Int) throws(ScrutineerError) -> String {
    let listing: Data
    do {
      listing = try ExternalProgram(name: "unzip", timeout: timeout, maxOutput: 8 << 20).run(["-l", path])
    } catch {
      throw mapped(error, path: path)
    }
    // "  Length      Date    Time    Name" lines: find word/document.xml's size.
    var size: Int?
    for line in String(decoding: listing, as: UTF8.self).split(separator: "\n")
    where line.hasSuffix("word/document.xml") {
      size = Int(line.split(separator: " ").first ?? "")
    }
    guard let size else {
      throw .unreadable(path: path, reason: "not a Word document (no word/document.xml inside)")
    }
    guard size <= maxBytes else { throw .tooLarge(path: path, bytes: size, limit: maxBytes) }
    let xml: Data
    do {
      xml = try ExternalProgram(name: "unzip", timeout: timeout, maxOutput: maxBytes).run([
        "-p", path, "word/document.xml",
      ])
    } catch {
      throw mapped(error, path: path)
    }
    return WordXML.text(String(decoding: xml, as: UTF8.self))
  }

  private static func mapped(_ e: ExternalProgram.Failure, path: String) -> ScrutineerError {
    switch e {
    case .missing: .needsProgram(path: path, program: "unzip", install: "apt-get install unzip")
    case .timedOut(let s): .unreadable(path: path, reason: "unzip took longer than \(s) seconds")
    case .outputTooLarge(let limit): .tooLarge(path: path, bytes: limit + 1, limit: limit)
    case .failed:
      .unreadable(path: path, reason: "not a readable Word document (a damaged or foreign zip archive)")
    }
  }
}

/// The text of WordprocessingML: a paragraph a line, list items marked with a bullet,
/// table rows a line with cells separated by tabs.
enum WordXML {
  static func text(_ xml: String) -> String {
    var out = ""
    var inText = false
    var paragraph = ""
    var isListItem = false
    var cells: [String]? = nil
    var s = xml[...]
    func endParagraph() {
      let p = paragraph.trimmingCharacters(in: " ")
      if var row = cells {
        if !p.isEmpty { row.append(p) }
        cells = row
      } else if !p.isEmpty || !out.isEmpty {
        out += (isListItem && !p.isEmpty ? "• " : "") + p + "\n"
        if !isListItem && !p.isEmpty { out += "\n" }
      }
      paragraph = ""
      isListItem = false
    }
    while let lt = s.firstIndex(of: "<") {
      if inText { paragraph += decode(s[s.startIndex..<lt]) }
      guard let gt = s[lt...].firstIndex(of: ">") else { break }
      let tag = s[s.index(after: lt)..<gt]
      s = s[s.index(after: gt)...]
      let name = tag.prefix { $0 != " " && $0 != "/" || $0 == "/" && tag.first == "/" }
      switch name {
      case "w:t": inText = !tag.hasSuffix("/")
      case "/w:t": inText = false
      case "w:tab/", "w:tab": paragraph += " "
      case "w:br", "w:br/", "w:cr/": paragraph += " "
      case "w:numPr": isListItem = true
      case "/w:p": endParagraph()
      case "w:tr": cells = []
      case "/w:tc":
        if var row = cells {
          row.append("\u{1}")
          cells = row
        }
      case "/w:tr":
        if let row = cells {
          // Cells end with a marker; join each cell's paragraphs.
          var joined: [String] = []
          var current: [String] = []
          for piece in row {
            if piece == "\u{1}" {
              joined.append(current.joined(separator: " "))
              current = []
            } else {
              current.append(piece)
            }
          }
          out += joined.joined(separator: "\t") + "\n"
        }
        cells = nil
      default: break
      }
    }
    return out
  }

  private static func decode(_ s: Substring) -> String {
    guard s.contains("&") else { return String(s) }
    return String(s).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}

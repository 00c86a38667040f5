import Foundation
import Testing

@testable import ScrutineerKit

@Suite("Inputs in every format and encoding, and hostile ones")
struct InputFormatTests {
  /// Reads `bytes` as a file called `name` in a temporary folder, which is removed after.
  static func read(_ name: String, _ bytes: [UInt8]) throws -> SourceText {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scrutineer-input-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return try InputReader().read(path: url.path)
  }

  @Test func encodingsAreDetectedAndNamed() throws {
    let text = "Findings\n\n• The council’s response costs £2m.\n"
    let cases: [([UInt8], String)] = [
      (Array(text.utf8), "UTF-8"),
      ([0xEF, 0xBB, 0xBF] + Array(text.utf8), "UTF-8 (with BOM)"),
      ([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16LE"),
      ([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "UTF-16BE"),
    ]
    for (bytes, encoding) in cases {
      let s = try Self.read("letter.txt", bytes)
      #expect(s.encoding == encoding)
      #expect(s.text == text)
    }
    // Windows-1252: a curly apostrophe (0x92) and a pound sign (0xA3) as single bytes.
    let cp1252: [UInt8] =
      Array("The council".utf8) + [0x92] + Array("s plan costs ".utf8) + [0xA3] + Array("2m.\r\n".utf8)
    let s = try Self.read("old.txt", cp1252)
    #expect(s.encoding == "Windows-1252")
    #expect(s.text == "The council’s plan costs £2m.\r\n")
  }

  @Test func utf16WithALoneSurrogateIsRefusedNotCutShort() {
    // "ab", a high surrogate with no low one after it, then "cd": nothing may be dropped.
    let units: [UInt16] = [0x61, 0x62, 0xD800, 0x63, 0x64]
    let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(TextDecoding.decode(bytes) == nil)
    let whole: [UInt16] = [0x61, 0x62, 0xD83D, 0xDE00, 0x63]
    let good: [UInt8] = [0xFF, 0xFE] + whole.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(TextDecoding.decode(good)?.utf8 == Array("ab\u{1F600}c".utf8))
  }

  @Test func crlfAndCRLineEnds() {
    for sep in ["\r\n", "\r"] {
      let text =
        ["Findings", "", "- Thresholds are applied well.", "- Partners attend conferences."].joined(
          separator: sep) + sep
      let docs = DocumentParser.parse(text)
      let items = docs.flatMap(\.items)
      #expect(items.map(\.text) == ["Thresholds are applied well.", "Partners attend conferences."])
      for i in items { #expect(Array(text.utf8)[i.span.start] == UInt8(ascii: "-")) }
    }
  }

  @Test func htmlKeepsTheArticleAndDropsTheRest() {
    let html = """
      <!DOCTYPE html><html><head><title>x</title><style>p{}</style><script>alert('x')</script></head>
      <body><nav><a href="/">Home</a></nav><div class="cookie-banner">We use cookies <button>OK</button></div>
      <h1>Council responds to Ofsted</h1><p>The council&rsquo;s plan &amp; budget: &pound;2m&#8230;</p>
      <ul><li>Ensure partners attend conferences</li><li>Improve &lt;assessments&gt;</li></ul>
      <table><tr><th>KPI</th><th>Target</th></tr><tr><td>KPI 1</td><td>85%</td></tr></table>
      <footer>© Council</footer></body></html>
      """
    let text = HTMLText.text(html)
    #expect(text.contains("Council responds to Ofsted"))
    #expect(text.contains("The council’s plan & budget: £2m…"))
    #expect(text.contains("• Ensure partners attend conferences\n• Improve <assessments>"))
    #expect(text.contains("KPI\tTarget\nKPI 1\t85%"))
    #expect(
      !text.contains("alert") && !text.contains("cookies") && !text.contains("Home") && !text.contains("©"))
  }

  @Test func deeplyNestedAndMalformedHTMLIsReadInLinearTime() {
    let nested =
      String(repeating: "<div><span>", count: 20000) + "Findings text"
      + String(repeating: "</span></div>", count: 20000)
    #expect(HTMLText.text(nested).contains("Findings text"))
    let broken = "<p>Unclosed <b>bold <i>and <a href='x>never closed &amp &#xZZ; &unknown; < > text"
    #expect(!HTMLText.text(broken).isEmpty)
  }

  @Test func formatsAreDetectedByContent() {
    #expect(InputFormat.detect(Array("%PDF-1.7\n".utf8)[...], path: "letter.txt") == .pdf)
    #expect(InputFormat.detect([0x50, 0x4B, 0x03, 0x04, 0, 0][...], path: "letter.txt") == .docx)
    #expect(InputFormat.detect(Array("\n  <!doctype html><html>".utf8)[...], path: "page.txt") == .html)
    #expect(InputFormat.detect(Array("Dear Sir".utf8)[...], path: "letter.html") == .text)
    // A page saved on Windows: CR LF before the doctype, which is one Character in Swift.
    #expect(InputFormat.detect(Array("\r\n<!DOCTYPE html>\r\n<html>".utf8)[...], path: "page.txt") == .html)
    #expect(InputFormat.detect(Array("<p>a fragment</p><body>".utf8)[...], path: "page.txt") == .html)
    #expect(InputFormat.detect(Array("1 < 2 and <body> tags".utf8)[...], path: "notes.txt") == .text)
  }

  @Test func wordXMLGivesParagraphsListsAndTables() {
    let xml = """
      <w:document><w:body><w:p><w:r><w:t>Findings</w:t></w:r></w:p>
      <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Partners &amp; police </w:t></w:r><w:r><w:t>attend.</w:t></w:r></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>KPI 1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>85%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      </w:body></w:document>
      """
    let text = WordXML.text(xml)
    #expect(text.contains("Findings\n"))
    #expect(text.contains("• Partners & police attend.\n"))
    #expect(text.contains("KPI 1\t85%\n"))
  }

  @Test func windows1252RefusesItsUndefinedBytes() {
    #expect(TextDecoding.windows1252([0x41, 0x81, 0x42][...]) == nil)
    #expect(TextDecoding.windows1252([0x80][...]) == "€")
  }
}

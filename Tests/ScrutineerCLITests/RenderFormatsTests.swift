import Foundation
import ScrutineerKit
import Testing

@Suite("Markdown and CSV output, and per-file JSON read back")
struct RenderFormatsTests {
  static let letter = BatchFolders.corpus.appendingPathComponent("2020-11-27-focused-visit.txt").path

  @Test func markdownEscapesWhatWouldTurnIntoFormatting() {
    #expect(MarkdownRenderer.escape("plain words, 3.21 and 50%") == "plain words, 3.21 and 50%")
    #expect(MarkdownRenderer.escape("*all* of the _plans_") == "\\*all\\* of the \\_plans\\_")
    #expect(MarkdownRenderer.escape("<b>bold</b> [link](x)") == "\\<b\\>bold\\</b\\> \\[link\\](x)")
    #expect(MarkdownRenderer.escape("a | b ~ c `d` \\ e # f") == "a \\| b \\~ c \\`d\\` \\\\ e \\# f")
    #expect(MarkdownRenderer.escape("- not a bullet") == "\\- not a bullet")
    #expect(MarkdownRenderer.escape("+ nor this") == "\\+ nor this")
    #expect(MarkdownRenderer.escape("12. nor a numbered item") == "12\\. nor a numbered item")
    #expect(MarkdownRenderer.escape("3) nor this") == "3\\) nor this")
    #expect(MarkdownRenderer.escape("2020 was a year") == "2020 was a year")
    #expect(MarkdownRenderer.escape("AT&T &amp; P&G & co") == "AT\\&T \\&amp; P\\&G & co")
    #expect(MarkdownRenderer.escape("two\nlines") == "two lines")
  }

  @Test func analyseAsMarkdown() throws {
    let r = try Binary.run(["analyse", "--format", "markdown", Self.letter])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix(
        "# Focused visit to Wyverley children’s services\n\n- **Document:** Focused visit letter\n"))
    #expect(r.stdout.contains("\n- **Local authority:** Wyverley\n- **Date:** 2020-11-27 (printed)\n"))
    #expect(
      r.stdout.contains(
        "\n## What needs to improve in this area of social work practice\n\n*Areas for improvement*\n\n"))
    #expect(r.stdout.contains("\n   *Themes: "))
    #expect(!r.stdout.contains("\n## Boilerplate\n\n1."))
  }

  @Test func analyseAsCSVHasTheColumnsOfItemsCSV() throws {
    let r = try Binary.run(["analyse", "--format", "csv", Self.letter])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix(
        "file,kind,authority,date,segment,item,text,themes,polarity,quantifier,start,end\r\n"))
    let json = try Binary.run(["analyse", "--format", "json", Self.letter])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    let documents = (object["files"] as! [[String: Any]])[0]["documents"] as! [[String: Any]]
    let items = documents.flatMap { $0["segments"] as! [[String: Any]] }.reduce(0) {
      $0 + ($1["items"] as! [Any]).count
    }
    #expect(r.stdout.components(separatedBy: "\r\n").count - 2 == items)
    let filtered = try Binary.run([
      "analyse", "--format", "csv", "--segment", "areas-for-improvement", Self.letter,
    ])
    #expect(
      filtered.stdout.components(separatedBy: "\r\n").dropFirst().dropLast().allSatisfy {
        $0.contains(",areas-for-improvement,")
      })
  }

  @Test(arguments: BatchFolders.corpusFiles.map(\.lastPathComponent))
  func perFileJSONReadsBackToTheSameOutputs(name: String) throws {
    let analyser = Analyser()
    let file = try analyser.analyse(path: BatchFolders.corpus.appendingPathComponent(name).path)
    let json = JSONRenderer.renderFile(file)
    let back = try #require(JSONReader.file(from: Data(json.utf8)))
    #expect(JSONRenderer.renderFile(back) == json)
    #expect(CSVRenderer.rows(back) == CSVRenderer.rows(file))
    #expect(
      back.documents.map { JSONRenderer.documentLine($0, file: back) }
        == file.documents.map { JSONRenderer.documentLine($0, file: file) })
    // The bytes batch writes are the same lines, each ended by a line feed.
    #expect(
      JSONRenderer.documentLineBytes(file)
        == Array(file.documents.map { JSONRenderer.documentLine($0, file: file) + "\n" }.joined().utf8))
    #expect(CSVRenderer.rowBytes(file) == Array(CSVRenderer.rows(file).utf8))
  }

  @Test func damagedJSONIsNotReadBack() {
    #expect(JSONReader.file(from: Data("{\"schemaVersion\": 1, \"path\": \"a\"".utf8)) == nil)
    #expect(
      JSONReader.file(
        from: Data(
          "{\"schemaVersion\": 99, \"path\": \"a\", \"encoding\": \"UTF-8\", \"bytes\": 1, \"documents\": []}"
            .utf8)) == nil)
    #expect(
      JSONReader.file(
        from: Data(
          "{\"schemaVersion\": 1, \"path\": \"a\", \"encoding\": \"UTF-8\", \"bytes\": 1, \"documents\": []}"
            .utf8))?.path == "a")
  }
}

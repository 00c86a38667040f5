import Foundation
import Testing

@Suite("compare, timeline, diff and report, run as a user runs them")
struct CompareCommandTests {
  static let corpus = AnalyseCommandTests.corpus

  @Test func compareInEveryFormat() throws {
    let text = try Binary.run(["compare", Self.corpus.path])
    #expect(text.status == 0)
    #expect(text.stdout.contains("Wyverley (8 documents, 2017–2023)"))
    #expect(text.stdout.contains("Recurring concerns"))
    let json = try Binary.run(["compare", Self.corpus.path, "--format", "json"])
    let o = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    #expect((o["authorities"] as! [[String: Any]]).count == 1)
    let csv = try Binary.run(["compare", Self.corpus.path, "--format", "csv"])
    #expect(
      csv.stdout.hasPrefix(
        "section,authority,theme,status,date,kind,path,item,polarity,similarity,start,end,text\r\n"))
    let md = try Binary.run(["compare", Self.corpus.path, "--format", "markdown"])
    #expect(md.stdout.hasPrefix("# Wyverley"))
    // The same bytes whatever order the paths are given in.
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted().map {
      Self.corpus.appendingPathComponent($0).path
    }
    let a = try Binary.run(["compare", "--format", "json"] + files)
    let b = try Binary.run(["compare", "--format", "json"] + files.reversed())
    #expect(a.stdout == b.stdout)
  }

  @Test func unknownAuthorityAndThemeAreNamed() throws {
    let r = try Binary.run(["compare", Self.corpus.path, "--authority", "Atlantis"])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("Error: no documents about 'Atlantis' (authorities found: Wyverley)"))
    let t = try Binary.run(["timeline", Self.corpus.path, "--theme", "no-such-theme"])
    #expect(t.status == 64)
  }

  @Test func timelineAndDiff() throws {
    let t = try Binary.run(["timeline", "--theme", "partner-attendance", Self.corpus.path])
    #expect(t.status == 0)
    #expect(t.stdout.contains("2017-06-16 council response"))
    let d = try Binary.run([
      "diff", Self.corpus.appendingPathComponent("2018-01-26-monitoring-visit.txt").path,
      Self.corpus.appendingPathComponent("2018-07-20-monitoring-visit.txt").path,
    ])
    #expect(d.status == 0)
    #expect(d.stdout.contains("Concerns resolved:"))
    #expect(d.stdout.contains("Concerns not looked at again:"))
  }

  @Test func reportIsSelfContainedAndEscapesText() throws {
    let dir = try Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let hostile = dir.appendingPathComponent("2024-01-01-letter.txt")
    try Data(
      """
      Ofsted
      Piccadilly Gate
      1 March 2024
      Dear Ms Smith
      Focused visit to Wyverley children’s services
      Findings
      - Partners do not always attend conferences <script>alert('x')</script> & more.

      """.utf8
    ).write(to: hostile)
    let out = dir.appendingPathComponent("report.html")
    let r = try Binary.run(["report", Self.corpus.path, hostile.path, "--out", out.path])
    #expect(r.status == 0)
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
    #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(!html.contains("<link ") && !html.contains("src=\""))
    #expect(html.contains("class=\"heatmap\""))
    let brief = dir.appendingPathComponent("brief.md")
    let m = try Binary.run(["report", Self.corpus.path, "--format", "markdown", "--out", brief.path])
    #expect(m.status == 0)
    #expect(try String(contentsOf: brief, encoding: .utf8).hasPrefix("# Scrutineer brief\n\n## Summary"))
  }
}

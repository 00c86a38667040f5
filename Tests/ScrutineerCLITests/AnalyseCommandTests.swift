import Foundation
import Testing

@Suite("scrutineer analyse, run as a user runs it")
struct AnalyseCommandTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpus/documents")

  @Test func analysesTheCorpusAsText() throws {
    let letter = Self.corpus.appendingPathComponent("2020-11-27-focused-visit.txt").path
    let r = try Binary.run(["analyse", letter])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    #expect(r.stdout.contains("Focused visit letter · Wyverley · 2020-11-27 (printed)"))
    #expect(
      r.stdout.contains(
        "== areas-for-improvement: What needs to improve in this area of social work practice"))
  }

  @Test func jsonHasTheSchemaVersionAndEveryDocument() throws {
    let paper = Self.corpus.appendingPathComponent("2019-03-15-committee-paper.txt").path
    let r = try Binary.run(["analyse", "--format=json", paper])
    #expect(r.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect(json["schemaVersion"] as? Int == 1)
    let files = json["files"] as! [[String: Any]]
    let documents = files[0]["documents"] as! [[String: Any]]
    #expect(documents.map { $0["kind"] as! String } == ["committee-paper", "monitoring-visit-letter"])
    let kpis = documents[0]["kpis"] as! [[String: Any]]
    #expect(kpis.count == 10)
  }

  @Test func spansPointIntoTheTextAsRead() throws {
    let path = Self.corpus.appendingPathComponent("2018-01-26-monitoring-visit.txt").path
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let r = try Binary.run(["analyse", "--format", "json", path])
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    let document = ((json["files"] as! [[String: Any]])[0]["documents"] as! [[String: Any]])[0]
    var previousEnd = 0
    for segment in document["segments"] as! [[String: Any]] {
      let start = segment["start"] as! Int
      let end = segment["end"] as! Int
      #expect(start == previousEnd, "segments leave no gaps")
      previousEnd = end
      for item in segment["items"] as! [[String: Any]] {
        let s = item["start"] as! Int
        let e = item["end"] as! Int
        #expect(start <= s && e <= end)
        let source = String(decoding: bytes[s..<e], as: UTF8.self)
        let firstWord = (item["text"] as! String).split(separator: " ").first.map(String.init) ?? ""
        #expect(source.contains(firstWord))
      }
    }
    #expect(previousEnd == bytes.count, "segments cover the whole text")
  }

  @Test func readsStandardInput() throws {
    let r = try Binary.run(
      ["analyse", "-"], stdin: Data("Dear Sir\nFocused visit to Anytown children’s services\n".utf8))
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("<stdin>"))
  }

  @Test func badInputsGetOneLineErrorsAndTheRestIsAnalysed() throws {
    let dir = try Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let empty = dir.appendingPathComponent("empty.txt")
    let binary = dir.appendingPathComponent("binary.txt")
    let latin1 = dir.appendingPathComponent("latin1.txt")
    let good = dir.appendingPathComponent("good.txt")
    try Data().write(to: empty)
    try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x10]).write(to: binary)
    try Data([0x43, 0x61, 0x66, 0x81, 0x0A, 0x0A, 0x41, 0x20, 0x6C, 0x65, 0x74, 0x74, 0x65, 0x72]).write(
      to: latin1)
    try Data("Findings\n\nInspectors found that thresholds are applied well.\n".utf8).write(to: good)
    let missing = dir.appendingPathComponent("missing.txt").path
    let r = try Binary.run(["analyse", empty.path, binary.path, latin1.path, missing, dir.path, good.path])
    #expect(r.status == 1)
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines.contains("Error: \(empty.path): is empty"))
    #expect(lines.contains("Error: \(binary.path): is not text (it holds NUL bytes or other binary data)"))
    #expect(lines.contains("Error: \(latin1.path): is not valid UTF-8 (first bad byte at offset 3)"))
    #expect(lines.contains("Error: \(missing): no such file"))
    #expect(lines.contains("Error: \(dir.path): is a directory, not a file"))
    #expect(r.stdout.contains("thresholds are applied well"))
    #expect(!r.stderr.contains("Fatal"))
  }

  @Test func unreadableFilesAreNamed() throws {
    guard getuid() != 0 else { return }  // root reads everything
    let dir = try Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let f = dir.appendingPathComponent("secret.txt")
    try Data("text".utf8).write(to: f)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: f.path)
    let r = try Binary.run(["analyse", f.path])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("Error: \(f.path): cannot be read"))
  }

  @Test func usageErrorsExit64WithAHint() throws {
    let r = try Binary.run(["analyse", "--fromat", "json", "x.txt"])
    #expect(r.status == 64)
    #expect(
      r.stderr.hasPrefix(
        "Error: Unknown option '--fromat'. Did you mean '--format'?\nUsage: scrutineer analyse"))
    let none = try Binary.run(["analyse"])
    #expect(none.status == 64)
    let format = try Binary.run(["analyse", "--format", "yaml", "x.txt"])
    #expect(format.status == 64)
  }

  @Test func helpAndVersion() throws {
    let help = try Binary.run(["analyse", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.hasPrefix("OVERVIEW: "))
    #expect(help.stdout.contains("USAGE: scrutineer analyse"))
    #expect(try Binary.run(["help", "analyse"]).stdout == help.stdout)
    let version = try Binary.run(["--version"])
    #expect(version.status == 0)
    #expect(!version.stdout.isEmpty)
    let unknown = try Binary.run(["analyze-this"])
    #expect(unknown.status == 64)
  }

  @Test func theSameInputGivesTheSameBytes() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted().map {
      Self.corpus.appendingPathComponent($0).path
    }
    let a = try Binary.run(["analyse", "--format", "json"] + files)
    let b = try Binary.run(["analyse", "--format", "json"] + files)
    #expect(a.status == 0)
    #expect(a.stdout == b.stdout)
  }
}

import Foundation
import Testing

@Suite("scrutineer batch, run as a scheduled job runs it")
struct BatchCommandTests {
  typealias F = BatchFolders

  @Test func analysesTheCorpusIntoEveryOutput() throws {
    let out = try Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try Binary.run(["batch", F.corpus.path, "--out", out.path])
    #expect(r.status == 0)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.hasPrefix("Analysed 7 files (0 reused, 7 new) in "))
    #expect(r.stderr.hasSuffix(": 8 documents, 209 items; 0 failed.\n"))

    // One JSON per file, the shape of one element of `analyse --format json`'s files.
    let letter = F.corpus.appendingPathComponent("2019-03-15-committee-paper.txt")
    let perFile = try F.json(out.appendingPathComponent("files/2019-03-15-committee-paper.txt.json"))
    let analysed =
      try JSONSerialization.jsonObject(
        with: Data(Binary.run(["analyse", "--format=json", letter.path]).stdout.utf8)) as! [String: Any]
    var element = (analysed["files"] as! [[String: Any]])[0]
    element["path"] = "2019-03-15-committee-paper.txt"
    element["schemaVersion"] = 1
    #expect(NSDictionary(dictionary: perFile) == NSDictionary(dictionary: element))

    // documents.jsonl: a line per document; items.csv: a row per item, BOM and CRLF.
    let lines = try F.lines(out.appendingPathComponent("documents.jsonl"))
    #expect(lines.count == 8)
    var items = 0
    for line in lines {
      let d = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      #expect(d["schemaVersion"] as? Int == 1)
      items += (d["segments"] as! [[String: Any]]).reduce(0) { $0 + ($1["items"] as! [Any]).count }
    }
    #expect(items == 209)
    let csv = try Data(contentsOf: out.appendingPathComponent("items.csv"))
    #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
    #expect(
      text.hasPrefix("file,kind,authority,date,segment,item,text,themes,polarity,quantifier,start,end\r\n"))
    #expect(text.hasSuffix("\r\n"))

    let summary = try F.json(out.appendingPathComponent("summary.json"))
    #expect(summary["documents"] as? Int == 8)
    #expect(summary["items"] as? Int == 209)
    #expect((summary["byKind"] as! [String: Int])["monitoring-visit-letter"] == 3)
    #expect((summary["byYear"] as! [String: Int])["2018"] == 2)
    #expect((summary["files"] as! [String: Int]) == ["total": 7, "analysed": 7, "skipped": 0, "failed": 0])
    #expect(
      summary["scrutineerVersion"] as? String
        == (try Binary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    let manifest = try F.json(out.appendingPathComponent(".scrutineer-manifest.json"))
    #expect((manifest["files"] as! [String: Any]).count == 7)
  }

  @Test func aSecondRunReusesEveryFileAndWritesTheSameBytes() throws {
    let input = try F.copiesOfCorpus()
    let out = try Binary.temporaryDirectory()
    defer { for d in [input, out] { try? FileManager.default.removeItem(at: d) } }
    let first = try Binary.run(["batch", input.path, "--out", out.path])
    #expect(first.status == 0)
    let before = try F.snapshot(out)
    let second = try Binary.run(["batch", input.path, "--out", out.path])
    #expect(second.status == 0)
    #expect(second.stderr.hasPrefix("Analysed 7 files (7 reused, 0 new) in "))
    #expect(try F.snapshot(out) == before)
    let summary = try F.json(out.appendingPathComponent("summary.json"))
    #expect(summary["run"] as? [String: Int] == ["new": 0, "reused": 7])

    let forced = try Binary.run(["batch", input.path, "--out", out.path, "--force", "--quiet"])
    #expect(forced.status == 0)
    #expect(forced.stderr.isEmpty)
    #expect(try F.snapshot(out) == before)
  }

  @Test func changedNewAndRemovedFilesAreFollowed() throws {
    let input = try F.copiesOfCorpus()
    let out = try Binary.temporaryDirectory()
    let clean = try Binary.temporaryDirectory()
    defer { for d in [input, out, clean] { try? FileManager.default.removeItem(at: d) } }
    #expect(try Binary.run(["batch", input.path, "--out", out.path]).status == 0)
    let changed = input.appendingPathComponent("2021-01-08-news-release.txt")
    try (Data(contentsOf: changed) + Data("\nInspectors found that supervision is regular.\n".utf8)).write(
      to: changed)
    try FileManager.default.createDirectory(
      at: input.appendingPathComponent("new"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: F.corpus.appendingPathComponent("2020-11-27-focused-visit.txt"),
      to: input.appendingPathComponent("new/letter.md"))
    try FileManager.default.removeItem(at: input.appendingPathComponent("2017-06-16-council-response.txt"))

    let r = try Binary.run(["batch", input.path, "--out", out.path])
    #expect(r.status == 0)
    #expect(r.stderr.hasPrefix("Analysed 7 files (5 reused, 2 new) in "))
    #expect(
      !FileManager.default.fileExists(
        atPath: out.appendingPathComponent("files/2017-06-16-council-response.txt.json").path))
    #expect(
      FileManager.default.fileExists(atPath: out.appendingPathComponent("files/new/letter.md.json").path))
    #expect(try Binary.run(["batch", input.path, "--out", clean.path]).status == 0)
    #expect(try F.snapshot(out) == F.snapshot(clean))

    // Other rules make other results: nothing is reused.
    let rules = out.deletingLastPathComponent().appendingPathComponent("rules-\(UUID().uuidString).txt")
    try Data("theme visits\n  label: Visits\n  rule words: visit*\n".utf8).write(to: rules)
    defer { try? FileManager.default.removeItem(at: rules) }
    let withRules = try Binary.run(["batch", input.path, "--out", out.path, "--rules", rules.path])
    #expect(withRules.status == 0, "\(withRules.stderr)")
    #expect(withRules.stderr.hasPrefix("Analysed 7 files (0 reused, 7 new) in "))
  }

  @Test func aFileChangedBehindItsSizeAndModificationTimeIsStillAnalysedAgain() throws {
    let input = try F.copiesOfCorpus()
    let out = try Binary.temporaryDirectory()
    let clean = try Binary.temporaryDirectory()
    defer { for d in [input, out, clean] { try? FileManager.default.removeItem(at: d) } }
    #expect(try Binary.run(["batch", input.path, "--out", out.path]).status == 0)
    // The same size and modification time, other bytes: only the status-change time tells.
    let changed = input.appendingPathComponent("2020-11-27-focused-visit.txt")
    let modified = try FileManager.default.attributesOfItem(atPath: changed.path)[.modificationDate] as! Date
    var text = try String(contentsOf: changed, encoding: .utf8)
    text = text.replacingOccurrences(of: "Inspectors", with: "INSPECTORS")
    try Data(text.utf8).write(to: changed)
    try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: changed.path)
    let r = try Binary.run(["batch", input.path, "--out", out.path])
    #expect(r.stderr.hasPrefix("Analysed 7 files (6 reused, 1 new) in "), "\(r.stderr)")
    #expect(try Binary.run(["batch", input.path, "--out", clean.path]).status == 0)
    #expect(try F.snapshot(out) == F.snapshot(clean))
  }

  @Test func combinedOutputsEditedByHandAreWrittenAgain() throws {
    let input = try F.copiesOfCorpus()
    let out = try Binary.temporaryDirectory()
    defer { for d in [input, out] { try? FileManager.default.removeItem(at: d) } }
    #expect(try Binary.run(["batch", input.path, "--out", out.path]).status == 0)
    let before = try F.snapshot(out)
    let jsonl = out.appendingPathComponent("documents.jsonl")
    let csv = out.appendingPathComponent("items.csv")
    // Same sizes, other bytes; and a per-file JSON removed.
    try Data(
      String(decoding: Data(contentsOf: jsonl), as: UTF8.self).replacingOccurrences(of: "a", with: "b").utf8
    )
    .write(to: jsonl)
    try Data(count: try Data(contentsOf: csv).count).write(to: csv)
    try FileManager.default.removeItem(at: out.appendingPathComponent("files/2023-02-10-inspection.txt.json"))
    let r = try Binary.run(["batch", input.path, "--out", out.path])
    #expect(r.stderr.hasPrefix("Analysed 7 files (6 reused, 1 new) in "), "\(r.stderr)")
    #expect(try F.snapshot(out) == before)
  }

  @Test func theSameBytesWhateverTheThreadsOrListingOrder() throws {
    let a = try F.copiesOfCorpus(2)
    let b = try F.copiesOfCorpus(2, reversed: true)
    let outA = try Binary.temporaryDirectory()
    let outB = try Binary.temporaryDirectory()
    defer { for d in [a, b, outA, outB] { try? FileManager.default.removeItem(at: d) } }
    #expect(try Binary.run(["batch", a.path, "--out", outA.path, "--jobs", "1"]).status == 0)
    #expect(try Binary.run(["batch", b.path, "--out", outB.path, "--jobs", "5"]).status == 0)
    let snapshot = try F.snapshot(outA)
    #expect(snapshot.keys.filter { $0.hasPrefix("files/") }.count == 14)
    #expect(snapshot == (try F.snapshot(outB)))
  }

  @Test func badFilesAreListedAndTheRestIsWritten() throws {
    let dir = try Binary.temporaryDirectory()
    let out = try Binary.temporaryDirectory()
    defer {
      chmod(dir.appendingPathComponent("sub/secret.txt").path, 0o644)
      for d in [dir, out] { try? FileManager.default.removeItem(at: d) }
    }
    let fm = FileManager.default
    try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    func write(_ name: String, _ bytes: [UInt8]) throws {
      try Data(bytes).write(to: dir.appendingPathComponent(name))
    }
    try fm.copyItem(
      at: F.corpus.appendingPathComponent("2020-11-27-focused-visit.txt"),
      to: dir.appendingPathComponent("good.txt"))
    try fm.copyItem(
      at: F.corpus.appendingPathComponent("2018-01-26-monitoring-visit.txt"),
      to: dir.appendingPathComponent("sub/NOTES"))
    try write("empty.txt", [])
    try write("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00])
    // 0x81 is neither UTF-8 nor Windows-1252.
    try write("latin1.md", Array("Caf".utf8) + [0x81, 0x0A, 0x0A] + Array("A letter".utf8))
    try write("scan", Array("%PDF-1.4\n".utf8))
    try write("report.pdf", Array("%PDF-1.4".utf8))
    try write("letter.docx", [0x50, 0x4B, 0x03, 0x04])
    try write("a.out", [0x7F, 0x45, 0x4C, 0x46, 0x00])
    try write("tool", [0x7F, 0x45, 0x4C, 0x46, 0x00])
    try write("large.txt", Array(repeating: 0x41, count: 300_000))
    try fm.createSymbolicLink(atPath: dir.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
    try fm.createSymbolicLink(
      atPath: dir.appendingPathComponent("sub/alias.txt").path, withDestinationPath: "../good.txt")
    try fm.createSymbolicLink(
      atPath: dir.appendingPathComponent("gone.txt").path, withDestinationPath: "nowhere.txt")
    let unreadable = getuid() != 0  // root reads everything
    if unreadable {
      try write("sub/secret.txt", Array("Findings\n\nInspectors found that plans are clear.\n".utf8))
      chmod(dir.appendingPathComponent("sub/secret.txt").path, 0)
    }

    let r = try Binary.run(["batch", dir.path, "--out", out.path, "--max-bytes", "200000"])
    #expect(r.status == 2)
    var expected = [
      "Error: \(dir.path)/binary.txt: is not text (it holds NUL bytes or other binary data)",
      "Error: \(dir.path)/empty.txt: is empty",
      "Error: \(dir.path)/gone.txt: is a broken symbolic link",
      "Error: \(dir.path)/large.txt: is too large (300000 bytes; the limit is 200000 bytes, raise it with --max-bytes)",
      "Error: \(dir.path)/latin1.md: is not valid UTF-8 (first bad byte at offset 3)",
    ]
    if unreadable { expected.append("Error: \(dir.path)/sub/secret.txt: cannot be read (permission denied)") }
    expected += [
      "Skipped: \(dir.path)/a.out: unsupported file type (.out)",
      "Skipped: \(dir.path)/scan: has no extension and is not text",
      "Skipped: \(dir.path)/sub/loop: is a symbolic link loop back to the top of the input folder; not followed",
      "Skipped: \(dir.path)/tool: has no extension and is not text",
    ]
    var lines = r.stderr.split(separator: "\n").map(String.init)
    // A damaged PDF and Word document are read, and fail with their reasons.
    let pdfLine = lines.first { $0.hasPrefix("Error: \(dir.path)/report.pdf: ") }
    let docxLine = lines.first { $0.hasPrefix("Error: \(dir.path)/letter.docx: ") }
    #expect(pdfLine != nil && docxLine != nil)
    lines.removeAll { $0 == pdfLine || $0 == docxLine }
    #expect(Array(lines.dropLast()) == expected)
    #expect(lines.last?.hasPrefix("Analysed 3 files (0 reused, 3 new) in ") == true)
    #expect(lines.last?.hasSuffix("; \(unreadable ? 8 : 7) failed, 4 skipped.") == true)

    let summary = try F.json(out.appendingPathComponent("summary.json"))
    let failed = (summary["failed"] as! [[String: String]]).map { $0["path"]! }
    #expect(
      failed == [
        "binary.txt", "empty.txt", "gone.txt", "large.txt", "latin1.md", "letter.docx", "report.pdf",
      ]
        + (unreadable ? ["sub/secret.txt"] : []))
    let skipped = summary["skipped"] as! [[String: String]]
    #expect(
      skipped.map { $0["path"]! } == ["a.out", "scan", "sub/loop", "tool"])
    #expect(skipped[0]["reason"] == "unsupported file type (.out)")
    let made = try F.snapshot(out).keys.filter { $0.hasPrefix("files/") }.sorted()
    #expect(made == ["files/good.txt.json", "files/sub/NOTES.json", "files/sub/alias.txt.json"])
  }

  @Test func anInterruptedBatchResumesToTheSameOutputs() throws {
    let input = try F.copiesOfCorpus(3)
    let out = try Binary.temporaryDirectory()
    let clean = try Binary.temporaryDirectory()
    defer { for d in [input, out, clean] { try? FileManager.default.removeItem(at: d) } }

    // A slowed batch, killed once it has written some files.
    let p = Process()
    p.executableURL = Binary.url
    p.arguments = ["batch", input.path, "--out", out.path, "--jobs", "2"]
    p.environment = ProcessInfo.processInfo.environment.merging(["SCRUTINEER_TEST_DELAY_MS": "100"]) { $1 }
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let files = out.appendingPathComponent("files")
    let deadline = Date(timeIntervalSinceNow: 60)
    func written() -> Int {
      let names = FileManager.default.enumerator(atPath: files.path)?.allObjects as? [String] ?? []
      return names.filter { $0.hasSuffix(".txt.json") && !($0 as NSString).lastPathComponent.hasPrefix(".") }
        .count
    }
    // A file's journal line follows its JSON: wait for both, or the kill can fall between
    // the fourth file and its line.
    let journal = out.appendingPathComponent(".scrutineer-journal.jsonl")
    func journalled() -> Int { (try? F.lines(journal).count) ?? 0 }
    while Date() < deadline, written() < 4 || journalled() < 4 { usleep(20_000) }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(p.terminationReason == .uncaughtSignal)
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
    // No manifest yet: the journal names the files finished.
    #expect(
      !FileManager.default.fileExists(atPath: out.appendingPathComponent(".scrutineer-manifest.json").path))
    #expect(try F.lines(journal).count >= 4)
    // What is there is whole.
    for case let rel as String in FileManager.default.enumerator(atPath: files.path)!
    where rel.hasSuffix(".json") {
      let data = try Data(contentsOf: files.appendingPathComponent(rel))
      #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(rel) is complete")
    }

    let resumed = try Binary.run(["batch", input.path, "--out", out.path])
    #expect(resumed.status == 0)
    let reused =
      Int(resumed.stderr.split(separator: "(").dropFirst().first?.split(separator: " ").first ?? "") ?? 0
    #expect(reused > 0 && reused < 21, "\(resumed.stderr)")
    #expect(try Binary.run(["batch", input.path, "--out", clean.path]).status == 0)
    let a = try F.snapshot(out)
    #expect(a.count == 21 + 5)
    #expect(a == (try F.snapshot(clean)))
  }

  @Test func theOutputFolderInsideTheInputIsLeftAlone() throws {
    let input = try F.copiesOfCorpus()
    defer { try? FileManager.default.removeItem(at: input) }
    let out = input.appendingPathComponent("results")
    #expect(try Binary.run(["batch", input.path, "--out", out.path]).status == 0)
    let again = try Binary.run(["batch", input.path, "--out", out.path])
    #expect(again.status == 0)
    #expect(again.stderr.hasPrefix("Analysed 7 files (7 reused, 0 new)"))
  }

  @Test func severalFoldersGoUnderTheirOwnNames() throws {
    let a = try F.copiesOfCorpus()
    let out = try Binary.temporaryDirectory()
    defer { for d in [a, out] { try? FileManager.default.removeItem(at: d) } }
    let r = try Binary.run(["batch", a.path, F.corpus.path, "--out", out.path])
    #expect(r.status == 0)
    let made = try F.snapshot(out).keys.filter { $0.hasPrefix("files/") }
    #expect(made.filter { $0.hasPrefix("files/documents/") }.count == 7)
    #expect(made.filter { $0.hasPrefix("files/\(a.lastPathComponent)/") }.count == 7)
  }

  @Test func usageErrorsAndFailures() throws {
    let missingOut = try Binary.run(["batch", F.corpus.path])
    #expect(missingOut.status == 64)
    #expect(
      missingOut.stderr.hasPrefix("Error: Missing expected option '--out <folder>'\nUsage: scrutineer batch"))
    #expect(try Binary.run(["batch", "--out", "/tmp/x"]).status == 64)
    #expect(try Binary.run(["batch", F.corpus.path, "--out", "/tmp/x", "--jobs", "0"]).status == 64)
    let typo = try Binary.run(["batch", F.corpus.path, "--out", "/tmp/x", "--forse"])
    #expect(typo.status == 64)
    #expect(typo.stderr.hasPrefix("Error: Unknown option '--forse'. Did you mean '--force'?"))

    let dir = try Binary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let missing = dir.appendingPathComponent("no-such-folder").path
    let none = try Binary.run(["batch", missing, "--out", dir.appendingPathComponent("out").path])
    #expect(none.status == 1)
    #expect(none.stderr == "Error: \(missing): no such file or folder\n")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))

    let file = dir.appendingPathComponent("file.txt")
    try Data("x".utf8).write(to: file)
    let blocked = try Binary.run(["batch", F.corpus.path, "--out", file.path + "/out"])
    #expect(blocked.status == 1)
    #expect(blocked.stderr.hasPrefix("Error: \(file.path)/out: cannot create the output folder"))
  }

  @Test func help() throws {
    let help = try Binary.run(["batch", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.hasPrefix("OVERVIEW: Analyse every text file in folders"))
    for section in [
      "\nUSAGE: scrutineer batch", "\nARGUMENTS:\n", "\nOPTIONS:\n", "--out <folder>", "--jobs <n>",
      "--force", "--quiet",
    ] {
      #expect(help.stdout.contains(section))
    }
    #expect(try Binary.run(["help", "batch"]).stdout == help.stdout)
    #expect(try Binary.run(["--help"]).stdout.contains("\n  batch "))
  }

  @Test(
    "the whole Ofsted corpus",
    .enabled(if: BatchFolders.ofstedAvailable, "../shared/corpus/ofsted is absent: full-corpus batch skipped")
  )
  func ofstedCorpus() throws {
    // The output folder stays in .build between test runs, so after the first run (about
    // two minutes of CPU in a debug build) the batch is incremental: it reuses the results
    // of unchanged files (without reading those nobody has touched) and writes
    // summary.json afresh, and documents.jsonl and items.csv when their bytes change. A
    // new version or other rules redo everything; delete the folder to force it.
    let out = F.repository.appendingPathComponent(".build/scrutineer-tests/ofsted-batch")
    let r = try Binary.run(["batch", F.ofsted.path, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("Analysed 841 files ("))
    let summary = try F.json(out.appendingPathComponent("summary.json"))
    #expect((summary["failed"] as! [Any]).isEmpty)
    #expect((summary["files"] as! [String: Int])["analysed"] == 841)
    // items.csv loads with Python's csv module, a row per item of documents.jsonl.
    let script = """
      import csv, json, sys
      d = sys.argv[1]
      with open(d + "/items.csv", newline="", encoding="utf-8-sig") as f:
          rows = list(csv.reader(f, strict=True))
      assert rows[0][0] == "file" and all(len(r) == 12 for r in rows), "ragged rows"
      items = 0
      with open(d + "/documents.jsonl", encoding="utf-8") as f:
          for line in f:
              items += sum(len(s["items"]) for s in json.loads(line)["segments"])
      print(len(rows) - 1, items)
      """
    let py = try F.python(script, out.path)
    #expect(py.status == 0, "\(py.stderr)")
    let counts = py.stdout.split(separator: " ").map {
      Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    #expect(counts.count == 2 && counts[0] == counts[1] && (counts[0] ?? 0) > 0, "\(py.stdout)")
    #expect(counts.first ?? 0 == summary["items"] as? Int)
  }
}

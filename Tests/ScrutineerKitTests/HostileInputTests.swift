import Foundation
import Testing

@testable import ScrutineerKit

/// Inputs built on the fly that must give a one-line error or a sensible result: never a
/// crash, a hang or unbounded memory.
@Suite("Hostile inputs")
struct HostileInputTests {
  static func dir() throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scrutineer-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
  }

  static func error(_ path: String, reader: InputReader = InputReader()) -> ScrutineerError? {
    do {
      _ = try reader.read(path: path)
      return nil
    } catch {
      return error
    }
  }

  @Test func nulBytesAndRandomBinary() throws {
    let d = try Self.dir()
    defer { try? FileManager.default.removeItem(at: d) }
    let nul = d.appendingPathComponent("nul.txt")
    try Data(count: 4096).write(to: nul)
    #expect(Self.error(nul.path) == .binary(path: nul.path))
    var rng = SplitMix64(seed: 7)
    let random = d.appendingPathComponent("random.bin")
    try Data((0..<65536).map { _ in UInt8(truncatingIfNeeded: rng.next()) }).write(to: random)
    #expect(Self.error(random.path) != nil)
  }

  @Test func aHugeFileIsRefusedWithTheLimitAndHowToRaiseIt() throws {
    let d = try Self.dir()
    defer { try? FileManager.default.removeItem(at: d) }
    // 500 MB, sparse: nothing is written, and the reader stops at its limit.
    let big = d.appendingPathComponent("huge.txt")
    FileManager.default.createFile(atPath: big.path, contents: Data("Findings\n".utf8))
    let h = try FileHandle(forWritingTo: big)
    try h.truncate(atOffset: 500 << 20)
    try h.close()
    let e = Self.error(big.path)
    #expect(e == .tooLarge(path: big.path, bytes: 500 << 20, limit: 64 << 20))
    #expect(e?.description.contains("raise it with --max-bytes") == true)
  }

  /// The reader reads a file at the limit whole and refuses one byte more with its size;
  /// a pipe, which has no size to read, is read until it ends; a missing file, a broken
  /// link and a directory get their own errors.
  @Test func theReaderReadsFilesAndPipesUpToTheLimit() throws {
    let d = try Self.dir()
    defer { try? FileManager.default.removeItem(at: d) }
    let reader = InputReader(maxBytes: 100_000)
    let text = Array(
      String(repeating: "Partners attend strategy meetings.\n", count: 2_860).utf8.prefix(100_000))
    let atLimit = d.appendingPathComponent("at-limit.txt")
    try Data(text).write(to: atLimit)
    #expect(try reader.readBytes(path: atLimit.path) == text)
    let over = d.appendingPathComponent("over.txt")
    try Data(text + [0x0A]).write(to: over)
    #expect(
      Self.error(over.path, reader: reader) == .tooLarge(path: over.path, bytes: 100_001, limit: 100_000))
    #expect(
      Self.error(d.appendingPathComponent("none.txt").path)
        == .notFound(path: d.appendingPathComponent("none.txt").path))
    let broken = d.appendingPathComponent("broken.txt")
    try FileManager.default.createSymbolicLink(atPath: broken.path, withDestinationPath: "nowhere.txt")
    #expect(Self.error(broken.path) == .notFound(path: broken.path))
    #expect(Self.error(d.path) == .isDirectory(path: d.path))
    // A pipe: what a writer puts in, in pieces, comes out whole.
    let fifo = d.appendingPathComponent("pipe.txt").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // (Only under the limit. A reader that stopped early would leave the writer a broken
    // pipe: with SIGPIPE ignored and a throwing write, that fails this test instead of
    // ending the test process.)
    signal(SIGPIPE, SIG_IGN)
    let writer = Thread {
      guard let h = FileHandle(forWritingAtPath: fifo) else { return }
      for piece in stride(from: 0, to: 70_000, by: 7_000) {
        guard (try? h.write(contentsOf: Data(text[piece..<(piece + 7_000)]))) != nil else { break }
      }
      try? h.close()
    }
    writer.start()
    #expect(try reader.readBytes(path: fifo) == Array(text.prefix(70_000)))
  }

  @Test func aSingleVeryLongLineParsesInLinearTime() {
    // 400 kB on one line here (a debug build is slow); Scripts/hostile runs 50 MB against a
    // release build.
    let line = String(
      repeating: "Inspectors found that thresholds are applied well and partners attend. ", count: 5_600)
    let docs = DocumentParser.parse(line)
    #expect(ParserInvariantTests.violations(line) == [])
    #expect(docs.flatMap(\.items).count == 1)
  }

  @Test func namesWithSpacesQuotesNewlinesAndNonASCII() throws {
    let d = try Self.dir()
    defer { try? FileManager.default.removeItem(at: d) }
    for name in ["a letter 2020.txt", "quote\"d 'name'.txt", "new\nline.txt", "Ōfsted – café.txt"] {
      let f = d.appendingPathComponent(name)
      try Data("Findings\n\n- Thresholds are applied well.\n".utf8).write(to: f)
      let a = try Analyser().analyse(path: f.path)
      #expect(a.documents.flatMap(\.items).count == 1)
    }
  }

  @Test func aZipBombPosingAsAWordDocumentIsRefused() throws {
    guard ExternalProgram.find("unzip") != nil, ExternalProgram.find("python3") != nil else { return }
    let d = try Self.dir()
    defer { try? FileManager.default.removeItem(at: d) }
    let bomb = d.appendingPathComponent("minutes.docx")
    // 200 MB of spaces that compress to a few hundred kilobytes.
    let script = """
      import zipfile
      with zipfile.ZipFile(r'\(bomb.path)', 'w', zipfile.ZIP_DEFLATED) as z:
          with z.open('word/document.xml', 'w', force_zip64=True) as f:
              chunk = b' ' * (1 << 20)
              for _ in range(200):
                  f.write(chunk)
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: ExternalProgram.find("python3")!)
    p.arguments = ["-c", script]
    try p.run()
    p.waitUntilExit()
    let size = (try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int) ?? 0
    #expect(size < 2 << 20)
    let e = Self.error(bomb.path)
    #expect(e == .tooLarge(path: bomb.path, bytes: 200 << 20, limit: 64 << 20))
  }

  @Test func aMissingProgramIsNamedWithHowToInstallIt() throws {
    let d = try Self.dir()
    defer { try? FileManager.default.removeItem(at: d) }
    let pdf = d.appendingPathComponent("letter.pdf")
    try Data("%PDF-1.4\n".utf8).write(to: pdf)
    let saved = ProcessInfo.processInfo.environment["PATH"]
    setenv("PATH", d.path, 1)
    defer { setenv("PATH", saved ?? "/usr/bin:/bin", 1) }
    #expect(
      Self.error(pdf.path)
        == .needsProgram(path: pdf.path, program: "pdftotext", install: "apt-get install poppler-utils"))
  }
}

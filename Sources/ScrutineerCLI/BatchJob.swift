import Foundation
import ScrutineerKit

/// What became of one input file in a batch.
enum FileOutcome: Sendable {
  case analysed(FileResult)
  /// Not analysed by design (an extensionless file that is not text); not a failure.
  case skipped(String)
  /// The reason, without the path.
  case failed(String)
}

/// One file's share of the batch outputs, already rendered.
struct FileResult: Sendable {
  var entry: Manifest.Entry
  /// The result came from the previous run's `files/<path>.json`.
  var reused: Bool
  /// The file's lines of `documents.jsonl`, each ending in a newline.
  var documentLines: String
  /// The file's rows of `items.csv`.
  var csvRows: String
  var tally: Tally
}

/// The work done on each input file, on any thread: read, hash, then reuse the stored
/// result or analyse and write a new one.
struct BatchJob: Sendable {
  var analyser: Analyser
  var outFolder: String
  /// The manifest of earlier runs.
  var previous: [String: Manifest.Entry]
  var force: Bool
  var rulesFingerprint: String
  var journal: Journal
  /// Microseconds to wait before analysing each file: a test hook
  /// (`SCRUTINEER_TEST_DELAY_MS`) so a test can kill a batch half-way.
  var delay: UInt32 = 0

  /// Where the JSON for the file at `relativePath` goes.
  static func jsonPath(_ outFolder: String, _ relativePath: String) -> String {
    outFolder + "/files/" + relativePath + ".json"
  }

  func run(_ input: FileWalker.Input) -> FileOutcome {
    let reader = analyser.reader
    let bytes: [UInt8]
    do {
      bytes = try reader.readBytes(path: input.path)
    } catch {
      return .failed(error.reason)
    }
    let entry = Manifest.Entry(
      sha256: SHA256.hex(bytes), size: bytes.count, version: CLI.version, rules: rulesFingerprint)
    let jsonPath = Self.jsonPath(outFolder, input.relativePath)
    if !force, previous[input.relativePath] == entry,
      let data = FileManager.default.contents(atPath: jsonPath),
      let file = JSONReader.file(from: data), file.path == input.relativePath
    {
      return .analysed(Self.result(file, entry: entry, reused: true))
    }
    // The reader tells PDFs and Word documents by content; batch reads only text, so an
    // extensionless one is passed over like a .pdf or .docx.
    if input.needsTextCheck,
      bytes.starts(with: Array("%PDF-".utf8)) || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    {
      return .skipped("has no extension and is not text")
    }
    let source: SourceText
    do {
      source = try reader.decode(bytes, path: input.path)
    } catch {
      switch error {
      case .binary, .invalidUTF8:
        return input.needsTextCheck ? .skipped("has no extension and is not text") : .failed(error.reason)
      default: return .failed(error.reason)
      }
    }
    if delay > 0 { usleep(delay) }
    let file = analyser.analyse(source, path: input.relativePath)
    if previous[input.relativePath] != nil { journal.append(path: input.relativePath, entry: nil) }
    do {
      try AtomicFile.write(JSONRenderer.renderFile(file), to: jsonPath)
    } catch {
      return .failed(error.reason)
    }
    journal.append(path: input.relativePath, entry: entry)
    return .analysed(Self.result(file, entry: entry, reused: false))
  }

  static func result(_ file: AnalysedFile, entry: Manifest.Entry, reused: Bool) -> FileResult {
    var lines = ""
    for d in file.documents { lines += JSONRenderer.documentLine(d, file: file) + "\n" }
    return FileResult(
      entry: entry, reused: reused, documentLines: lines, csvRows: CSVRenderer.rows(file), tally: Tally(file))
  }
}

/// Counts for `summary.json`: documents by kind and year, items by theme.
struct Tally: Sendable {
  var documents = 0
  var items = 0
  var byKind: [String: Int] = [:]
  /// By the year of the document's date; "unknown" when it has none.
  var byYear: [String: Int] = [:]
  /// Items per theme id.
  var byTheme: [String: Int] = [:]

  init() {}

  init(_ file: AnalysedFile) {
    for d in file.documents {
      documents += 1
      byKind[d.kind.rawValue, default: 0] += 1
      byYear[d.metadata.date.map { String($0.year) } ?? "unknown", default: 0] += 1
      for item in d.items {
        items += 1
        for t in item.analysis?.themes ?? [] { byTheme[t.id, default: 0] += 1 }
      }
    }
  }

  mutating func add(_ other: Tally) {
    documents += other.documents
    items += other.items
    byKind.merge(other.byKind, uniquingKeysWith: +)
    byYear.merge(other.byYear, uniquingKeysWith: +)
    byTheme.merge(other.byTheme, uniquingKeysWith: +)
  }
}

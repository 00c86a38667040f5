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

/// One file's share of the batch outputs, already rendered or kept from the last run.
struct FileResult: Sendable {
  var entry: Manifest.Entry
  /// The stamps for the reuse cache; the byte ranges are filled in when the combined
  /// outputs are written. Nil when the file's JSON could not be found after writing.
  var stamps: ReuseCache.Entry?
  /// The result came from the previous run (its `files/<path>.json`, or its outputs).
  var reused: Bool
  /// The file's lines of `documents.jsonl`, each ending in a newline.
  var documentLines: OutputPiece
  /// The file's rows of `items.csv`.
  var csvRows: OutputPiece
  var tally: Tally
}

/// Bytes of `documents.jsonl` or `items.csv`: rendered in this run (held in a spool, or
/// in memory when there is none), or a range of the file the previous run wrote.
enum OutputPiece: Sendable {
  case rendered([UInt8])
  case spooled(Spool, Range<Int>)
  case previous(Range<Int>)

  /// The bytes, put in the spool when there is one.
  static func rendered(_ bytes: [UInt8], spool: Spool?) -> OutputPiece {
    if let spool, let range = spool.append(bytes) { return .spooled(spool, range) }
    return .rendered(bytes)
  }
}

/// The work done on each input file, on any thread: read, hash, then reuse the stored
/// result or analyse and write a new one.
struct BatchJob: Sendable {
  var analyser: Analyser
  var outFolder: String
  /// The manifest of earlier runs.
  var previous: [String: Manifest.Entry]
  /// The reuse cache of the last run.
  var cache: [String: ReuseCache.Entry] = [:]
  var force: Bool
  var rulesFingerprint: String
  var journal: Journal
  /// Whether `documents.jsonl` and `items.csv` are as the previous run wrote them, so
  /// that byte ranges of them stand for an unchanged file's results.
  var previousOutputsIntact = false
  /// Where rendered pieces of `documents.jsonl` and `items.csv` wait for the end.
  var documentsSpool: Spool?
  var itemsSpool: Spool?
  /// Microseconds to wait before analysing each file: a test hook
  /// (`SCRUTINEER_TEST_DELAY_MS`) so a test can kill a batch half-way.
  var delay: UInt32 = 0

  /// Where the JSON for the file at `relativePath` goes.
  static func jsonPath(_ outFolder: String, _ relativePath: String) -> String {
    outFolder + "/files/" + relativePath + ".json"
  }

  func run(_ input: FileWalker.Input) -> FileOutcome {
    let jsonPath = Self.jsonPath(outFolder, input.relativePath)
    if !force, let unread = reuseUntouched(input, jsonPath: jsonPath) { return .analysed(unread) }
    let reader = analyser.reader
    let bytes: [UInt8]
    do {
      bytes = try reader.readBytes(path: input.path)
    } catch {
      return .failed(error.reason)
    }
    // The stamp was taken while walking, before the bytes were read: if the file changes
    // after that, the next run finds another stamp and reads it again.
    let entry = Manifest.Entry(
      sha256: SHA256.hex(bytes), size: bytes.count, version: CLI.version, rules: rulesFingerprint)
    if !force, previous[input.relativePath] == entry, let jsonStamp = FileStamp.of(jsonPath),
      let data = FileManager.default.contents(atPath: jsonPath),
      let file = JSONReader.file(from: data), file.path == input.relativePath
    {
      return .analysed(result(file, entry: entry, source: input.stamp, json: jsonStamp, reused: true))
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
    let jsonStamp: FileStamp?
    do {
      try AtomicFile.write(bytes: JSONRenderer.renderFileBytes(file), to: jsonPath)
      jsonStamp = FileStamp.of(jsonPath)
    } catch {
      return .failed(error.reason)
    }
    journal.append(path: input.relativePath, entry: entry)
    return .analysed(result(file, entry: entry, source: input.stamp, json: jsonStamp, reused: false))
  }

  /// The previous run's result for a file nobody has touched since, taken without reading
  /// the file or its JSON: when the input's stamp is the one it had when it was hashed
  /// (its bytes cannot have changed, see `FileStamp`), the version and rules are the same,
  /// its JSON has the stamp it had when written, and the combined outputs its byte ranges
  /// point into are intact. Anything else, and the file is read and hashed as usual.
  private func reuseUntouched(_ input: FileWalker.Input, jsonPath: String) -> FileResult? {
    guard previousOutputsIntact, let stamps = cache[input.relativePath], stamps.source == input.stamp,
      let old = previous[input.relativePath], old.sha256 == stamps.sha256, old.size == input.stamp.size,
      old.version == CLI.version, old.rules == rulesFingerprint, input.stamp.size <= analyser.reader.maxBytes,
      FileStamp.of(jsonPath) == stamps.json
    else { return nil }
    return FileResult(
      entry: old, stamps: stamps, reused: true, documentLines: .previous(stamps.documents),
      csvRows: .previous(stamps.items), tally: stamps.tally)
  }

  /// The outputs of an analysed file; `source` and `json` are the stamps of the input and
  /// its JSON, for the reuse cache.
  func result(
    _ file: AnalysedFile, entry: Manifest.Entry, source: FileStamp, json: FileStamp?, reused: Bool
  )
    -> FileResult
  {
    let lines = JSONRenderer.documentLineBytes(file)
    let tally = Tally(file)
    let stamps = json.map {
      ReuseCache.Entry(
        source: source, sha256: entry.sha256, json: $0, documents: 0..<0, items: 0..<0, tally: tally)
    }
    return FileResult(
      entry: entry, stamps: stamps, reused: reused, documentLines: .rendered(lines, spool: documentsSpool),
      csvRows: .rendered(CSVRenderer.rowBytes(file), spool: itemsSpool),
      tally: tally)
  }
}

/// Counts for `summary.json`: documents by kind and year, items by theme.
struct Tally: Codable, Equatable, Sendable {
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
      for segment in d.segments {
        items += segment.items.count
        for item in segment.items {
          for t in item.analysis?.themes ?? [] { byTheme[t.id, default: 0] += 1 }
        }
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

import Foundation

/// What a batch remembers about the files it has analysed, so the next run can reuse
/// their results: `.scrutineer-manifest.json` in the output folder.
///
/// A result is reused when the file's SHA-256, size, the Scrutineer version and the rules
/// fingerprint all match, and its `files/<path>.json` still reads back.
///
/// While a batch runs, each file whose JSON has been written is also appended to
/// `.scrutineer-journal.jsonl`; the manifest is rewritten (atomically) only at the end
/// and the journal then removed. A batch killed half-way leaves the old manifest and a
/// journal naming every file it finished, so the next run reuses those.
struct Manifest: Codable, Equatable {
  /// What the manifest knows of one file.
  struct Entry: Codable, Equatable, Sendable {
    /// SHA-256 of the file's bytes, as `sha256sum` prints it.
    var sha256: String
    var size: Int
    var version: String
    var rules: String
  }

  /// The format of this file.
  var manifestVersion = 1
  /// Entries by relative path.
  var files: [String: Entry] = [:]

  static let fileName = ".scrutineer-manifest.json"
  static let journalName = ".scrutineer-journal.jsonl"

  /// The manifest in `folder` with its journal replayed; empty when there is none or it
  /// cannot be read (every file is then analysed again).
  static func load(folder: String) -> Manifest {
    var manifest = Manifest()
    if let data = FileManager.default.contents(atPath: folder + "/" + fileName),
      let m = try? JSONDecoder().decode(Manifest.self, from: data), m.manifestVersion == 1
    {
      manifest = m
    }
    if let journal = FileManager.default.contents(atPath: folder + "/" + journalName) {
      for line in journal.split(separator: UInt8(ascii: "\n")) {
        // A line cut short by a kill does not decode and is ignored.
        if let record = try? JSONDecoder().decode(JournalRecord.self, from: Data(line)) {
          manifest.files[record.path] = record.entry
        }
      }
    }
    return manifest
  }

  /// Writes the manifest atomically, then removes the journal.
  func save(folder: String) throws(AtomicFile.Failure) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else {
      throw AtomicFile.Failure(reason: "cannot encode the manifest")
    }
    try AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: folder + "/" + Self.fileName)
    unlink(folder + "/" + Self.journalName)
  }
}

/// One line of the journal: a file finished, or (`entry` nil) a file whose old result is
/// about to be overwritten and must no longer be trusted.
struct JournalRecord: Codable {
  var path: String
  var entry: Manifest.Entry?
}

/// The journal of a running batch: appends one line per finished file, from any thread.
final class Journal: @unchecked Sendable {
  private let lock = NSLock()
  private let fd: Int32

  /// Opens (creating) the journal in `folder` for appending.
  init(folder: String) throws(AtomicFile.Failure) {
    let path = folder + "/" + Manifest.journalName
    fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw AtomicFile.Failure(reason: "cannot write \(path) (\(AtomicFile.lastError()))")
    }
  }

  deinit { close(fd) }

  /// Records that `path`'s JSON is written and what it was made from, or with `entry`
  /// nil, that its old entry is void. One `write` call per line, so a kill cannot
  /// interleave two lines.
  func append(path: String, entry: Manifest.Entry?) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(JournalRecord(path: path, entry: entry)) else { return }
    let line = [UInt8](data) + [UInt8(ascii: "\n")]
    lock.lock()
    defer { lock.unlock() }
    _ = line.withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, $0.count) }
  }
}

import Foundation

/// What lets a batch skip reading a file nobody has touched since the last run:
/// `.scrutineer-reuse.json` in the output folder.
///
/// The manifest says what each result was made from (the file's SHA-256, the version, the
/// rules); reusing a result still means reading and hashing the file, and reading back and
/// rendering again its JSON, which is most of the work of a run with little changed. For
/// each file this cache keeps the file's `FileStamp` when it was hashed and the hash it
/// had, its JSON's stamp, and its share of `documents.jsonl` and `items.csv` (byte ranges)
/// and of the summary's counts. A run takes those instead of reading anything only while
/// every stamp still matches: the input's (else it is read and hashed as before), its
/// JSON's, and those of the two combined files (else the JSON is read back as before);
/// and only when the manifest's entry is for the same hash, version and rules.
///
/// Stamps hold device numbers, inodes and times, so unlike the manifest the cache differs
/// between two output folders with the same results. Losing it costs time, never results.
struct ReuseCache: Codable {
  /// One file's stamps and share of the outputs.
  struct Entry: Codable, Sendable {
    /// The input as `stat` saw it before it was read and hashed to `sha256`.
    var source: FileStamp
    var sha256: String
    /// `files/<path>.json` as written or read back.
    var json: FileStamp
    /// Byte ranges of the file's lines in `documents.jsonl` and of its rows in `items.csv`.
    var documents: Range<Int>
    var items: Range<Int>
    var tally: Tally
  }

  /// `documents.jsonl` and `items.csv` as the run that wrote the cache left them.
  struct Combined: Codable, Equatable, Sendable {
    var documents: FileStamp
    var items: FileStamp
  }

  /// The format of this file.
  var cacheVersion = 1
  var combined: Combined?
  /// Entries by relative path.
  var files: [String: Entry] = [:]

  static let fileName = ".scrutineer-reuse.json"

  /// The cache in `folder`; empty when there is none or it cannot be read.
  static func load(folder: String) -> ReuseCache {
    guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
      let cache = try? JSONDecoder().decode(ReuseCache.self, from: data), cache.cacheVersion == 1
    else { return ReuseCache() }
    return cache
  }

  /// Writes the cache atomically.
  func save(folder: String) throws(AtomicFile.Failure) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else {
      throw AtomicFile.Failure(reason: "cannot encode the reuse cache")
    }
    try AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: folder + "/" + Self.fileName)
  }
}

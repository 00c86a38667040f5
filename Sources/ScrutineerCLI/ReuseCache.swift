import Foundation
import ScrutineerKit

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

  /// Writes the cache atomically, as compact JSON with sorted keys (what `JSONEncoder`
  /// gave), streamed: a batch over tens of thousands of files would otherwise build the
  /// whole document as a tree of values first.
  func save(folder: String) throws(AtomicFile.Failure) {
    var w = JSONWriter(pretty: false)
    w.beginObject()
    w.key("cacheVersion")
    w.int(cacheVersion)
    if let combined {
      w.key("combined")
      w.beginObject()
      w.key("documents")
      Self.write(combined.documents, &w)
      w.key("items")
      Self.write(combined.items, &w)
      w.endObject()
    }
    w.key("files")
    w.beginObject()
    for (path, e) in files.sorted(by: { $0.key < $1.key }) {
      w.key(text: path)
      w.beginObject()
      w.key("documents")
      Self.write(e.documents, &w)
      w.key("items")
      Self.write(e.items, &w)
      w.key("json")
      Self.write(e.json, &w)
      w.key("sha256")
      w.string(e.sha256)
      w.key("source")
      Self.write(e.source, &w)
      w.key("tally")
      Self.write(e.tally, &w)
      w.endObject()
    }
    w.endObject()
    w.endObject()
    w.endLine()
    try AtomicFile.write(bytes: w.outputBytes, to: folder + "/" + Self.fileName)
  }

  private static func write(_ s: FileStamp, _ w: inout JSONWriter) {
    w.beginObject()
    w.key("changed")
    w.int(s.changed)
    w.key("device")
    w.uint(s.device)
    w.key("inode")
    w.uint(s.inode)
    w.key("modified")
    w.int(s.modified)
    w.key("size")
    w.int(s.size)
    w.endObject()
  }

  private static func write(_ r: Range<Int>, _ w: inout JSONWriter) {
    w.beginArray()
    w.int(r.lowerBound)
    w.int(r.upperBound)
    w.endArray()
  }

  private static func write(_ t: Tally, _ w: inout JSONWriter) {
    func counts(_ d: [String: Int]) {
      w.beginObject()
      for (k, n) in d.sorted(by: { $0.key < $1.key }) {
        w.key(text: k)
        w.int(n)
      }
      w.endObject()
    }
    w.beginObject()
    w.key("byKind")
    counts(t.byKind)
    w.key("byTheme")
    counts(t.byTheme)
    w.key("byYear")
    counts(t.byYear)
    w.key("documents")
    w.int(t.documents)
    w.key("items")
    w.int(t.items)
    w.endObject()
  }
}

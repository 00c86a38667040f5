import Foundation

/// Folders for the batch tests: the repository's corpus, the shared corpus beside it, and
/// snapshots of output folders to compare byte for byte.
enum BatchFolders {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let corpus = repository.appendingPathComponent("Corpus/documents")
  /// `../shared/corpus/ofsted`, which a fresh clone does not have.
  static let ofsted = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/ofsted")
  static var ofstedAvailable: Bool { FileManager.default.fileExists(atPath: ofsted.path) }

  static var corpusFiles: [URL] {
    ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted().map {
      corpus.appendingPathComponent($0)
    }
  }

  /// A fresh folder holding `copies` copies of every corpus file, copy `k` in `set-k/`
  /// (the first in the top folder), created in reverse order when `reversed`.
  static func copiesOfCorpus(_ copies: Int = 1, reversed: Bool = false) throws -> URL {
    let dir = try Binary.temporaryDirectory()
    var jobs: [(URL, URL)] = []
    for k in 0..<copies {
      let folder = k == 0 ? dir : dir.appendingPathComponent("set-\(k)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for f in corpusFiles { jobs.append((f, folder.appendingPathComponent(f.lastPathComponent))) }
    }
    for (from, to) in reversed ? jobs.reversed() : jobs { try FileManager.default.copyItem(at: from, to: to) }
    return dir
  }

  /// Every regular file under `dir` (hidden ones too) by relative path, with its bytes;
  /// `summary.json` without its `run` object, which alone depends on earlier runs; not the
  /// reuse cache, whose stamps (inodes, times) differ from one folder to another.
  static func snapshot(_ dir: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let root = dir.resolvingSymlinksInPath().path
    guard let e = FileManager.default.enumerator(atPath: root) else { return out }
    while let rel = e.nextObject() as? String {
      var isDir: ObjCBool = false
      let path = root + "/" + rel
      guard rel != ".scrutineer-reuse.json" else { continue }
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
        continue
      }
      var data = try Data(contentsOf: URL(fileURLWithPath: path))
      if rel == "summary.json" { data = try withoutRun(data) }
      out[rel] = data
    }
    return out
  }

  static func withoutRun(_ summary: Data) throws -> Data {
    var object = try JSONSerialization.jsonObject(with: summary) as! [String: Any]
    object["run"] = nil
    return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  }

  static func json(_ url: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  }

  /// The lines of a text file.
  static func lines(_ url: URL) throws -> [String] {
    try String(decoding: Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// Runs a Python 3 script through `/usr/bin/env`, with its output.
  static func python(_ script: String, _ arguments: String...) throws -> Binary.Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script] + arguments
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Binary.Result(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }
}

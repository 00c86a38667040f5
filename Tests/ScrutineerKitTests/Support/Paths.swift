import Foundation

/// Locations of the repository, its corpus and the shared real corpus beside it.
enum Paths {
  static let repository: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let corpus = repository.appendingPathComponent("Corpus")
  static let ownDocuments = corpus.appendingPathComponent("documents")
  static let gold = corpus.appendingPathComponent("gold")
  /// `../shared/corpus`, which a fresh clone does not have.
  static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  static var sharedAvailable: Bool {
    FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path)
  }

  static func files(in dir: URL, suffix: String) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(suffix) }.sorted().map { dir.appendingPathComponent($0) }
  }
}

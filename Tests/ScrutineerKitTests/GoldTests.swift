import Foundation
import ScrutineerKit
import Testing

@Suite("Parser against gold annotations")
struct GoldTests {
  @Test(
    "the five shared seed documents",
    .enabled(if: Paths.sharedAvailable, "../shared/corpus is absent: seed gold skipped"))
  func seeds() throws {
    let score = try run(goldDir: Paths.gold.appendingPathComponent("seeds"), sourceDir: Paths.shared)
    print(score.table(title: "Seed documents (../shared/corpus/seeds): items by segment kind"))
    assertThresholds(score)
  }

  @Test("our fictional corpus")
  func ownCorpus() throws {
    let score = try run(goldDir: Paths.gold.appendingPathComponent("corpus"), sourceDir: Paths.ownDocuments)
    print(score.table(title: "Corpus/documents: items by segment kind"))
    assertThresholds(score)
  }

  private func run(goldDir: URL, sourceDir: URL) throws -> Score {
    var score = Score()
    let golds = Paths.files(in: goldDir, suffix: ".gold.json")
    #expect(!golds.isEmpty, "no gold files in \(goldDir.path)")
    for url in golds {
      let gold = try GoldFile(url: url)
      try GoldComparison.compare(gold, source: sourceDir.appendingPathComponent(gold.file), score: &score)
    }
    for f in score.failures { print("  mismatch: \(f)") }
    return score
  }

  private func assertThresholds(_ score: Score) {
    // Metadata (kinds, dates, authorities, people) must all be right.
    let metadata = score.failures.filter {
      !$0.contains(" item at ") && !$0.contains("response at") && !$0.contains("KPI '")
    }
    #expect(metadata.isEmpty, "metadata mismatches: \(metadata)")
    for kind in Score.measured where score.gold[kind, default: 0] > 0 {
      #expect(score.precision(kind) >= 0.95, "\(kind) precision \(score.precision(kind))")
      #expect(score.recall(kind) >= 0.95, "\(kind) recall \(score.recall(kind))")
    }
  }
}

import Foundation
import Testing

@testable import ScrutineerKit

@Suite("Comparison across years")
struct CompareTests {
  static func evidence(_ dir: URL, prefix: String) throws -> [EvidenceDocument] {
    let analyser = Analyser()
    var docs: [EvidenceDocument] = []
    for url in Paths.files(in: dir, suffix: ".txt") {
      let f = try analyser.analyse(path: url.path)
      docs += f.documents.map { EvidenceDocument($0, path: prefix + url.lastPathComponent) }
    }
    return docs
  }

  @Test(
    "the seeds: partner attendance and early help recur, thresholds are resolved",
    .enabled(if: Paths.sharedAvailable, "../shared/corpus is absent: seed comparison skipped"))
  func seeds() throws {
    let docs = try Self.evidence(Paths.shared.appendingPathComponent("seeds"), prefix: "seeds/")
    let c = Comparer.compare(docs, themes: RuleSet.defaults.themes)
    #expect(c.authorities.map(\.authority) == ["Birmingham"])
    let a = try #require(c.authorities.first)
    let partner = try #require(a.chains.first { $0.theme == "partner-attendance" })
    #expect(partner.timesRaised >= 2)
    #expect(partner.firstRaised?.year == 2012)
    #expect(partner.quotes.contains { a.documents[$0.document].date?.year == 2018 })
    #expect(partner.quotes.allSatisfy { !$0.text.isEmpty && $0.span.end > $0.span.start })
    let early = try #require(a.chains.first { $0.theme == "early-help" })
    #expect(early.timesRaised >= 2)
    let thresholds = try #require(a.timeline.first { $0.theme == "thresholds" })
    #expect(thresholds.status == .resolved)
    // Statuses never rest on the authority's own documents: a news release that quotes
    // only praise is listed but does not count.
    let news = try #require(a.documents.firstIndex { $0.kind == .newsRelease })
    #expect(!a.documents[news].isInspectorate)
    // Every recommendation of 2012 is followed up or said to be not taken up.
    #expect(a.followUps.filter { a.documents[$0.recommendation.document].date?.year == 2012 }.count == 14)
    // Questions cite their evidence.
    #expect(a.questions.allSatisfy { !$0.evidence.isEmpty })
  }

  @Test func ourCorpusTellsTheStoryOfWyverley() throws {
    let docs = try Self.evidence(Paths.ownDocuments, prefix: "")
    let c = Comparer.compare(docs, themes: RuleSet.defaults.themes, authority: "wyverley")
    let a = try #require(c.authorities.first)
    #expect(a.documents.count == 8)
    #expect(a.documents.map { $0.date?.year ?? 0 } == a.documents.map { $0.date?.year ?? 0 }.sorted())
    // KPIs from the committee paper, with values outside tolerance flagged.
    #expect(a.kpis.count == 10)
    #expect(a.kpis.contains { $0.readings.contains { $0.outsideTolerance == true } })
    // Partner attendance was a recommendation in 2017 and is raised again in the letters.
    let partner = try #require(a.chains.first { $0.theme == "partner-attendance" })
    #expect(partner.firstRaised?.year == 2017)
    #expect(partner.timesRaised >= 3)
    #expect(a.timeline.first { $0.theme == "partner-attendance" }?.cells.last?.strengths ?? 0 > 0)
    let output = ComparisonRenderer.text(c)
    #expect(output.contains("Recurring concerns"))
    #expect(
      ComparisonRenderer.json(c)
        == ComparisonRenderer.json(
          Comparer.compare(docs.reversed(), themes: RuleSet.defaults.themes, authority: "Wyverley")))
  }

  @Test func similarityIsTheOverlapOfContentWords() {
    let a = Similarity.words("Partners do not attend child protection conferences")
    let b = Similarity.words("Attendance of partners at conferences remains inconsistent")
    #expect(a.contains("partner") && a.contains("conference"))
    #expect(!a.contains("not"))
    let o = Similarity.overlap(a, b)
    #expect(o.shared == 2)
    #expect(o.score == 2.0 / Double(min(a.count, b.count)))
  }

  @Test func diffFindsCarriedOverAreas() throws {
    let docs = try Self.evidence(Paths.ownDocuments, prefix: "")
    let letters = docs.filter { $0.kind == .monitoringVisitLetter }.sorted { $0.date! < $1.date! }
    let d = DocumentDiff.between(letters[0], letters[1], themes: RuleSet.defaults.themes.map(\.id))
    #expect(Set(d.concernsContinuing).isDisjoint(with: d.concernsNew))
    #expect(Set(d.concernsResolved).isDisjoint(with: d.concernsContinuing))
  }
}

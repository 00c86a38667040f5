import Foundation
import Testing

@testable import ScrutineerKit

/// A deterministic mutation fuzzer over the reader, normaliser and segmenter. It runs for
/// a few seconds in the ordinary suite; `SCRUTINEER_FUZZ_SECONDS=600 swift test -c release
/// --filter Fuzz` runs it for ten minutes (see the README for the recorded runs).
@Suite("Fuzzing the reader, normaliser and segmenter")
struct FuzzTests {
  /// Fragments the real documents are made of, spliced in to reach the segmenter's rules.
  static let fragments = [
    "\u{0C}", "\n\n\n", "◼ ", "\u{F0B7} ", "- ", "1.", "1.1 ", "a) ", "Dear Sir\n", "Yours sincerely\n",
    "What needs to improve?\n", "Recommendations\n", "Findings\n", "Overview\n",
    "Inspection dates: 3 to 14 June 2019\n",
    "Judgement\nGrade\nRequires improvement\nto be good\n", "**", "<sup>1</sup>", "KPI 1\t85%\t75–95%\t90%\n",
    "Response: ", "\r\n", "\t", "’", "\u{00A0}", "Contents\n",
    "Ofsted\nPiccadilly Gate\n13 March 2020\nDear Tim\n",
  ]

  @Test func mutationsKeepTheInvariants() throws {
    let seconds = Double(ProcessInfo.processInfo.environment["SCRUTINEER_FUZZ_SECONDS"] ?? "") ?? 3
    var seeds = Paths.files(in: Paths.ownDocuments, suffix: ".txt").compactMap { try? Data(contentsOf: $0) }
      .map { Array($0) }
    if Paths.sharedAvailable {
      let ofsted = Paths.shared.appendingPathComponent("ofsted")
      let authorities = ((try? FileManager.default.contentsOfDirectory(atPath: ofsted.path)) ?? []).sorted()
      for a in authorities.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
        for f in Paths.files(in: ofsted.appendingPathComponent(a), suffix: ".txt").prefix(2) {
          if let d = try? Data(contentsOf: f) { seeds.append(Array(d)) }
        }
      }
    }
    #expect(!seeds.isEmpty)
    var rng = SplitMix64(seed: 20_261_121)
    let deadline = Date().addingTimeInterval(seconds)
    var runs = 0
    var bytesTried = 0
    var findings: [String] = []
    while Date() < deadline {
      var m = seeds[Int(rng.next() % UInt64(seeds.count))]
      // Sometimes start from a small slice, so that many shapes are tried quickly.
      if rng.next() % 3 == 0, m.count > 2000 {
        let a = Int(rng.next() % UInt64(m.count - 1000))
        m = Array(m[a..<min(m.count, a + 500 + Int(rng.next() % 3000))])
      }
      for _ in 0..<Int(1 + rng.next() % 8) {
        let pos = m.isEmpty ? 0 : Int(rng.next() % UInt64(m.count))
        switch rng.next() % 6 {
        case 0 where !m.isEmpty: m.remove(at: pos)
        case 1:
          m.insert(
            contentsOf: Array(Self.fragments[Int(rng.next() % UInt64(Self.fragments.count))].utf8), at: pos)
        case 2 where !m.isEmpty: m.removeSubrange(pos..<min(m.count, pos + Int(rng.next() % 300)))
        case 3 where !m.isEmpty: m[pos] = UInt8(truncatingIfNeeded: rng.next())
        case 4:
          let other = seeds[Int(rng.next() % UInt64(seeds.count))]
          let a = other.isEmpty ? 0 : Int(rng.next() % UInt64(other.count))
          m.insert(contentsOf: other[a..<min(other.count, a + 400)], at: pos)
        default:
          if !m.isEmpty { m.insert(m[pos], at: pos) }
        }
      }
      runs += 1
      bytesTried += m.count
      // The reader either refuses the bytes with an error or gives text.
      guard let source = try? InputReader().decode(m, path: "fuzz") else { continue }
      let problems = ParserInvariantTests.violations(source.text)
      if !problems.isEmpty { findings.append("run \(runs): \(problems.prefix(2))") }
      if DocumentParser.parse(source.text) != DocumentParser.parse(source.text) {
        findings.append("run \(runs): not deterministic")
      }
      if findings.count > 5 { break }
    }
    print("fuzz: \(runs) inputs, \(bytesTried) bytes, \(findings.count) findings in \(Int(seconds)) s")
    for f in findings { print("  \(f)") }
    #expect(findings.isEmpty)
  }
}

import Foundation
import Testing

@testable import ScrutineerKit

/// The parser is total and its spans are sound, whatever the text.
@Suite("Parser invariants")
struct ParserInvariantTests {
  /// Checks that documents cover the text, segments cover their document, and items lie
  /// inside their segment; returns a description of the first violation.
  static func violations(_ text: String) -> [String] {
    let count = text.utf8.count
    let documents = DocumentParser.parse(text)
    var problems: [String] = []
    var previous = 0
    for d in documents {
      if d.span.start != previous { problems.append("document gap at \(previous)..\(d.span.start)") }
      previous = d.span.end
      var segmentEnd = d.span.start
      for s in d.segments {
        if s.span.start != segmentEnd { problems.append("segment gap at \(segmentEnd)..\(s.span.start)") }
        if s.span.end < s.span.start { problems.append("segment reversed at \(s.span.start)") }
        segmentEnd = s.span.end
        for item in s.items {
          if item.span.start < s.span.start || item.span.end > s.span.end || item.span.end < item.span.start {
            problems.append("item \(item.span) outside segment \(s.span)")
          }
        }
      }
      if segmentEnd != d.span.end {
        problems.append("segments end at \(segmentEnd), document at \(d.span.end)")
      }
    }
    if count > 0, previous != count { problems.append("documents end at \(previous) of \(count)") }
    return problems
  }

  @Test(arguments: [
    "", "\n", "\u{0C}", "Dear Sir\nFocused visit to Anytown children’s services\n", "1.\n", "- \n-\n•",
    "**\n**",
    "Recommendations\n", "What needs to improve?\n◼\n◼ \n", "KPI 1\t\t\t\n\t\t", "Yours sincerely\n",
    "Inspection dates: 31 February to 40 March 2020\n", "Lead inspector:\n", "Judgement\nGrade\nRequires\n",
    "Dear\n", "\r\n\r\n\r", "a\u{0301}\u{0301}\n\u{1F600}", String(repeating: "word ", count: 5000),
    String(repeating: "- a\n", count: 2000), "Clive House\nDear X\n", "<sup>1</sup>\n<sup>\n[link](",
  ])
  func oddInputs(text: String) {
    #expect(Self.violations(text) == [])
  }

  @Test func deterministicMutationsOfTheCorpus() throws {
    let files = Paths.files(in: Paths.ownDocuments, suffix: ".txt")
    #expect(!files.isEmpty)
    var rng = SplitMix64(seed: 2026)
    for url in files {
      let bytes = Array(try Data(contentsOf: url))
      for _ in 0..<10 {
        var m = bytes
        for _ in 0..<Int(rng.next() % 20) {
          let pos = Int(rng.next() % UInt64(max(m.count, 1)))
          switch rng.next() % 4 {
          case 0 where !m.isEmpty: m.remove(at: pos)
          case 1:
            m.insert([0x0A, 0x0C, 0x09, 0x2D, 0x20, 0x2E, 0x3A][Int(rng.next() % 7)], at: min(pos, m.count))
          case 2 where !m.isEmpty:
            // Cut a slice out.
            let end = min(m.count, pos + Int(rng.next() % 400))
            m.removeSubrange(pos..<end)
          default:
            if !m.isEmpty { m[pos] = UInt8(truncatingIfNeeded: rng.next() % 128) }
          }
        }
        let text = String(decoding: m, as: UTF8.self)
        let problems = Self.violations(text)
        #expect(problems.isEmpty, "\(url.lastPathComponent) mutated: \(problems.prefix(3))")
        // The same input gives the same output.
        #expect(DocumentParser.parse(text) == DocumentParser.parse(text))
      }
    }
  }
}

/// A small deterministic random number generator for reproducible mutations.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

import Foundation
import Testing

@testable import ScrutineerKit

/// The fast paths of `compare` give what the slow ones gave: the JSON parser what
/// `JSONSerialization` reads, the word splitter the tokenizer's words, word sets the
/// overlaps of sets of strings, byte-level excerpts the `Character` ones.
@Suite("Compare's fast paths")
struct CompareSpeedTests {
  static func parse(_ s: String) -> ParsedJSON? {
    Array(s.utf8).withUnsafeBufferPointer { try? JSONScanner.parse($0) }
  }

  @Test func parsesWhatJSONSerializationReads() throws {
    let text = #"""
       {"a": [1, -2, 3.5, 1e2, -0.25E-1, true, false, null, {}, []], "s": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00y",
        "nested": {"k": "caf\u00E9 ☕"}, "big": 12345678901234567890, "a": "last"}
      """#
    let parsed = try #require(Self.parse(text)?.object)
    let reference = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(parsed["a"]?.string == reference["a"] as? String)
    #expect(parsed["s"]?.string == reference["s"] as? String)
    #expect(parsed["nested"]?.object?["k"]?.string == "café ☕")
    #expect(parsed["big"]?.double == 12_345_678_901_234_567_890)
    #expect(parsed["big"]?.int == nil)
    let array = try #require(Self.parse("[1, -2, 3.5, 1e2, -0.25E-1, true, false, null]")?.array)
    #expect(array.map(\.int) == [1, -2, nil, 100, nil, nil, nil, nil])
    #expect(array.map(\.double) == [1, -2, 3.5, 100, -0.025, nil, nil, nil])
    #expect(array.map(\.bool) == [nil, nil, nil, nil, nil, true, false, nil])
  }

  @Test(arguments: [
    "", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "[01]", "[1.]", "[.5]", "[-]", "[1e]", "tru", "nul",
    "\"a", "\"\u{01}\"", "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u12g4\"", "{} {}", "[1] x",
    "{'a': 1}",
  ])
  func rejectsWhatIsNotJSON(_ text: String) {
    #expect(Self.parse(text) == nil)
  }

  @Test func stringsAreScannedAlikeWhereverTheirSpecialBytesFall() {
    for offset in 0..<20 {
      let pad = String(repeating: "x", count: offset)
      #expect(Self.parse("[\"\(pad)\\\"\(pad)\"]")?.array?.first?.string == pad + "\"" + pad)
      #expect(Self.parse("[\"\(pad)é\(pad)\"]")?.array?.first?.string == pad + "é" + pad)
      #expect(Self.parse("[\"\(pad)\"]")?.array?.first?.string == pad)
      #expect(Self.parse("[\"\(pad)\u{1F}\(pad)\"]") == nil)
      #expect(Self.parse("[\"\(pad)\(pad)") == nil)
    }
  }

  @Test func rejectsDeepNesting() {
    #expect(Self.parse(String(repeating: "[", count: 600) + String(repeating: "]", count: 600)) == nil)
    #expect(Self.parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500)) != nil)
  }

  @Test func rejectsInvalidUTF8InStrings() {
    let bad: [[UInt8]] = [
      [0xFF], [0xC0, 0x80], [0xC3], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xF0, 0x90, 0x80], [0x80],
    ]
    for b in bad {
      let bytes: [UInt8] = Array("[\"a".utf8) + b + Array("\\n\"]".utf8)
      #expect(bytes.withUnsafeBufferPointer { try? JSONScanner.parse($0) } == nil, "\(b)")
    }
    let good = "[\"é ’ € 😀 \u{10FFFF}\\n\"]"
    #expect(Self.parse(good)?.array?.first?.string == "é ’ € 😀 \u{10FFFF}\n")
    for text in Self.samples + Self.corpusTexts() {
      #expect(Array(text.utf8).withUnsafeBufferPointer { JSONScanner.isValidUTF8($0) })
    }
  }

  static let samples = [
    "Children's services' front door: MASH; re-referrals (x2) <sup>12</sup> and 2024's plans.",
    "Café staff’s “views” — naïve ÉCOLES cases classes glasses policies boss’s bus’s is 123 45th",
    "Ωmega ΣΤΟΙΧΕΙΑ Привет детей, mixed: don't ‘quote’ it's <b>bold</b> <not a tag at all ok",
    "e\u{301} combining, emoji 👩‍👩‍👧 and tabs\tand\nnewlines. Trailing s",
  ]

  static func corpusTexts() -> [String] {
    Paths.files(in: Paths.ownDocuments, suffix: ".txt").compactMap {
      try? String(contentsOf: $0, encoding: .utf8)
    }
  }

  @Test func foldedWordsAreTheTokenizersWords() {
    for text in Self.samples + Self.corpusTexts() {
      var tokens: [WordToken] = []
      let bytes = Array(text.utf8)
      WordTokenizer.tokens(bytes, ranges: [0..<bytes.count], into: &tokens)
      #expect(Similarity.foldedWords(text) == tokens.map(\.folded))
    }
  }

  @Test func wordSetsOverlapAsSetsOfStrings() {
    let texts =
      Self.samples
      + Self.corpusTexts().flatMap { $0.split(separator: "\n\n").prefix(40).map(String.init) }
    var vocabulary = WordVocabulary()
    let sets = texts.map { vocabulary.words($0) }
    let strings = texts.map(Similarity.words)
    for a in texts.indices {
      #expect(sets[a].count == strings[a].count)
      for b in texts.indices where b % 7 == a % 7 {
        let fast = Similarity.overlap(sets[a], sets[b])
        let slow = Similarity.overlap(strings[a], strings[b])
        #expect(fast.shared == slow.shared && fast.score == slow.score)
      }
    }
  }

  @Test func excerptsAsSplittingCharacters() {
    func slow(_ text: String) -> String {
      let words = text.split(separator: " ")
      return words.count > 60 ? words.prefix(60).joined(separator: " ") + " …" : text
    }
    let long = (1...70).map { "w\($0)" }.joined(separator: "  ")
    let texts = [
      "", " ", "a", "  a  b  ", long, " " + long + " ",
      long.replacingOccurrences(of: "w3 ", with: "w3 \u{301}"),
      long.replacingOccurrences(of: "w5 ", with: "“w5” "), "\u{600} " + long, long + " \u{301}",
    ]
    for text in texts + Self.samples + Self.corpusTexts() {
      #expect(ComparisonRenderer.excerpt(text) == slow(text))
    }
  }

  @Test func badLinesAreNumberedAcrossTheRunsReadConcurrently() {
    // About 2 MB of lines, so that they are read in several runs.
    var text = ""
    var expected: [String] = []
    for n in 1...150_000 {
      switch n % 7 {
      case 0: text += "\n"
      case 3:
        text += "not json\n"
        expected.append("f: line \(n): not a JSON object")
      default:
        text += "{\"schemaVersion\": 2}\n"
        expected.append("f: line \(n): not a Scrutineer document (schema version 1)")
      }
    }
    text += "[1]"
    expected.append("f: line 150001: not a JSON object")
    let read = EvidenceLoader.documents(jsonLines: Data(text.utf8), source: "f")
    #expect(read.documents.isEmpty)
    #expect(read.problems == expected)
  }

  @Test func paddingAsFoundationPads() {
    for s in ["", "a", "Front door", "·", "3/12", "é", "Leadership, management and governance overall", "👩‍👩‍👧"] {
      for n in [0, 1, 5, 14, 34] {
        #expect(ComparisonRenderer.padded(s, n) == s.padding(toLength: n, withPad: " ", startingAt: 0))
      }
    }
  }

  @Test func searchesAsFoundationSearches() {
    let texts = Self.samples + ["", "a", "not met", "Café", "cafe\u{301}", "e\u{301}", "ﬁle"]
    let needles = ["", "a", "not ", "need", "e", "é", "cafe", "café", "file", "fi", " "]
    for t in texts + Self.corpusTexts().map({ String($0.prefix(3000)).lowercased() }) {
      for n in needles {
        #expect(TextSearch.contains(t, n) == t.contains(n), "\(t.prefix(20)) / \(n)")
      }
    }
  }
}

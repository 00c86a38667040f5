import Foundation
import Testing

@testable import ScrutineerKit

/// The byte paths of the line and heading tests, each against the string reading it
/// replaces, on many made-up lines (ASCII, curly quotes, no-break spaces, combining marks,
/// scalars canonically equivalent to ASCII).
@Suite("Segment speed paths")
struct SegmentSpeedTests {
  /// Pieces the made-up lines are put together from.
  static let pieces = [
    "Findings", "findings", "Main", "main", "section", "Section", "3", "12a", "a3b", "area2", "ab",
    "Inspection",
    "of", "Focused", "visit", "to", "The", "what", "needs", "improve", "Recommendations", "Grade", "Grade 4",
    "inadequate", "Monitoring", "letter", "Joint", "responsibilities", "abcdefghijklmnopq", "Ofsted's",
    "ofsted’s", "(", "[", ".", ",", ";", ":", "!", "?", "'", "’", "\"", "”", ")", "*", "_", "-", " ", "  ",
    "\t",
    "é", "e\u{301}", "\u{301}", "\u{A0}", "–", "•", "İ", "ß", "\u{600}", "\u{212A}", "\u{37E}", "\u{2019}s",
    "\u{E000}", "Ä", "x",
  ]

  /// Deterministic made-up lines, one to seven pieces each.
  static let lines: [String] = {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var lines: [String] = ["", " ", "Grade ", "Grade 4 (inadequate)", "(Recommendation)", "[1]"]
    for _ in 0..<20_000 {
      var s = ""
      for k in 0..<(1 + next(7)) {
        if k > 0 && next(3) == 0 { s += " " }
        s += pieces[next(pieces.count)]
      }
      lines.append(s)
    }
    for phrase in HeadingVocabulary.phrases.map(\.0) {
      lines += [
        phrase, phrase.capitalized, "1. " + phrase, "Section 2 " + phrase, phrase + " and more", phrase + "2",
      ]
    }
    return lines
  }()

  @Test func leadWordIsTheFirstWordOfTheNormalisedText() {
    for line in Self.lines {
      guard let word = HeadingVocabulary.withLeadWord(line, { String(decoding: $0, as: UTF8.self) }) else {
        continue
      }
      let key = HeadingVocabulary.normalise(line)
      #expect(
        key.split(separator: " ", omittingEmptySubsequences: false).first.map(String.init) == word, "\(line)")
    }
  }

  @Test func judgementOpeningsAgreeWithTheNormalisedText() {
    let starts = [
      "the experiences and progress of", "the impact of leaders", "the effectiveness of leaders",
      "leadership management and governance", "overall effectiveness",
      "children who need help and protection",
      "the effectiveness of the local safeguarding", "the effectiveness of the lscb",
      "children looked after and achieving permanence", "adoption performance",
      "experiences and progress of care leavers", "experiences and progress of", "impact of leaders",
    ]
    var lines =
      Self.lines + [
        "The  experiences and progress of", "The experiences2 and progress of", "Overall effectivenesses",
        "Adoption performance's", "Adoption performancé", "the impact’s of leaders", "The Impact Of Leaders",
        "the effectiveness", "the effectivenessxxxxxxxxxxxxxxxxxx of", "Children who", "children whom",
      ]
    for s in starts {
      lines += [
        s, s.capitalized, s + " good", "The’" + s, s.replacingOccurrences(of: " ", with: "\u{A0}"), "3 " + s,
      ]
    }
    for line in lines {
      let first = line.utf8.first.map { "teclaioTECLAIO".utf8.contains($0) } ?? false
      let key = HeadingVocabulary.normalise(line)
      #expect(
        JudgementHeading.startsJudgement(line) == (first && starts.contains { key.hasPrefix($0) }), "\(line)")
    }
  }

  @Test func headingKindsAgreeWithTheNormalisedText() {
    for line in Self.lines {
      let key = HeadingVocabulary.normalise(line)
      for exact in [false, true] {
        let reference = HeadingVocabulary.phrases.first { phrase, _ in
          key == phrase || !exact && key.hasPrefix(phrase + " ")
        }?.1
        #expect(HeadingVocabulary.kind(of: line, exact: exact) == reference, "\(line)")
      }
    }
  }

  @Test func titlesAgreeWithTheNormalisedText() {
    let starts = [
      "focused visit to ", "focused visit of ", "monitoring visit to ", "monitoring visit of ",
      "monitoring visit letter", "joint targeted area inspection", "inspection of ",
    ]
    for line in Self.lines + [
      "Inspection of Anytown", "Focused visit to Anytown", "Joint targeted area inspection",
    ] {
      let first = line.utf8.first.map { "FfMmJjIi".utf8.contains($0) } ?? false
      let key = HeadingVocabulary.normalise(line)
      #expect(TitlePatterns.isTitle(line) == (first && starts.contains { key.hasPrefix($0) }), "\(line)")
    }
  }

  @Test func sentenceEndsAgreeWithTheScalars() {
    for line in Self.lines {
      var reference = false
      for s in line.unicodeScalars.reversed() {
        if ["\"", "'", "\u{201D}", "\u{2019}", ")", "*", "_"].contains(s) { continue }
        reference = [".", "?", "!", ":"].contains(s)
        break
      }
      if let ascii = DocumentText.endsSentenceASCII(line) { #expect(ascii == reference, "\(line)") }
    }
  }

  @Test func firstAndLastScalarsAndCaseAgreeWithTheScalars() {
    for line in Self.lines {
      let info = LineInfo(kind: .text, marker: nil, text: line, textStart: 0)
      let first = line.unicodeScalars.first
      #expect(info.first == first)
      #expect(info.last == line.unicodeScalars.last)
      #expect(info.startsLowercase == (first?.properties.isLowercase ?? false), "\(line)")
      #expect(info.startsWithCapital == (first?.properties.isUppercase ?? false), "\(line)")
      let upper =
        first.map {
          $0.properties.isUppercase || ("0"..."9").contains($0) || $0 == "\u{2018}" || $0 == "\u{201C}"
            || $0 == "'" || $0 == "\"" || $0 == "("
        } ?? false
      #expect(info.startsUppercase == upper, "\(line)")
    }
  }

  @Test func openingsAgreeWithHasPrefix() {
    for line in Self.lines + ["(\u{301}x", "[\u{301}", "(", "[", "((", "Grade \u{301}4"] {
      #expect(BlockBuilder.startsWith(line, ascii: UInt8(ascii: "(")) == line.hasPrefix("("), "\(line)")
      #expect(BlockBuilder.startsWith(line, ascii: UInt8(ascii: "[")) == line.hasPrefix("["), "\(line)")
      let grade =
        line.hasPrefix("Grade ") && line.hasAtMostCharacters(40)
        && (line.dropFirst(6).first.map { ("1"..."4").contains($0) } ?? false)
      #expect(BlockBuilder.isGradeLine(line) == grade, "\(line)")
    }
  }

  @Test func asciiLinesCountCharactersAsBytes() {
    let text = Self.lines.joined(separator: "\n")
    let bytes = Array(text.utf8)
    let doc = DocumentText(bytes: bytes, lines: LineSplitter.lines(bytes))
    let builder = BlockBuilder(doc: doc)
    for (i, info) in doc.info.enumerated() where info.kind == .text {
      if info.isASCII { #expect(info.text.count == info.text.utf8.count, "\(info.text)") }
      for limit in [0, 2, 3, 30, 60] {
        #expect(info.hasAtMostCharacters(limit) == (info.text.count <= limit), "\(info.text)")
      }
      #expect(builder.firstWordLength(i) == info.text.prefix { $0 != " " }.count, "\(info.text)")
    }
  }

  @Test func gradesAndOverallJudgementsAgreeWithTheStringReadings() {
    let grades = [
      "Outstanding", "Good", "Requires improvement to be good", "Inadequate", "Adequate", "good.",
    ]
    for line in Self.lines + grades + grades.map { "3 " + $0 } {
      // The first-word refusal gives what normalising the whole line would.
      #expect(Grade.exact(line) == Grade.named(normalised: HeadingVocabulary.normalise(line)), "\(line)")
      for opening in [
        "The overall judgement is", "THE OVERALL JUDGEMENT IS", "The overall judgement is\u{301}",
      ] {
        let t = opening + line
        #expect(
          Segmenter.startsOverallJudgement(t) == t.quickLowercased.hasPrefix("the overall judgement is"),
          "\(t)")
      }
    }
  }

  @Test func lengthQuantilesAgreeWithSorting() {
    var state: UInt64 = 12_345
    for round in 0..<200 {
      var lines: [Line] = []
      for _ in 0..<(round % 50) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let length = Int(state >> 33) % (round % 7 == 0 ? 5_000 : 200)
        let blank = (state >> 20) % 5 == 0
        lines.append(
          Line(
            start: 0, end: 0, next: 0, contentStart: 0, contentEnd: blank ? 0 : 1, pageBreak: false,
            indent: 0,
            length: length))
      }
      let qs = [0.5, 0.75, 0.9]
      let lengths = lines.compactMap { $0.isBlank ? nil : $0.length }.sorted()
      let reference = qs.map {
        lengths.isEmpty ? 0 : lengths[min(lengths.count - 1, Int(Double(lengths.count) * $0))]
      }
      #expect(DocumentText.lengthQuantiles(lines, qs) == reference)
    }
  }

  @Test func hashesThreeTimesAgreeWithSorting() {
    var state: UInt64 = 987
    for round in 0..<200 {
      var hashes: [UInt64] = []
      for _ in 0..<(round * 3) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        // Few distinct values, so that many repeat; zero and colliding slots among them.
        hashes.append(round % 3 == 0 ? (state >> 60) << 40 : state % UInt64(round + 1))
      }
      let sorted = hashes.sorted()
      var reference: [UInt64] = []
      var run = 0
      while run < sorted.count {
        var end = run + 1
        while end < sorted.count && sorted[end] == sorted[run] { end += 1 }
        if end - run >= 3 { reference.append(sorted[run]) }
        run = end
      }
      #expect(RunningFurniture.hashesThreeTimes(hashes).sorted() == reference)
    }
  }
}

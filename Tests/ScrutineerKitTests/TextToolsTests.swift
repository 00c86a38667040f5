import Foundation
import Testing

@testable import ScrutineerKit

/// The small general-purpose pieces the engine is built from, each against a plain
/// reference: hash tables, the multi-needle search, apostrophes, folding, JSON escaping.
@Suite("Text tools")
struct TextToolsTests {
  @Test func byteStringTableFindsWhatWasInsertedThroughGrowth() {
    var table = ByteStringTable()
    var words: [[UInt8]] = []
    for k in 0..<2_000 { words.append(Array("w\(k * 7919 % 100_003)".utf8)) }
    for (k, w) in words.enumerated() { #expect(table.insert(w) == Int32(k)) }
    // Inserting again gives the same number.
    #expect(table.insert(words[17]) == 17)
    for (k, w) in words.enumerated() {
      let found = w.withUnsafeBufferPointer { table.find($0, keep: $0.count, y: false) }
      #expect(found == Int32(k))
    }
    let absent = Array("nowhere".utf8)
    #expect(absent.withUnsafeBufferPointer { table.find($0, keep: $0.count, y: false) } == -1)
  }

  @Test func byteStringTableLooksUpAFoldedPrefix() {
    var table = ByteStringTable()
    let agency = table.insert(Array("agency".utf8))
    let service = table.insert(Array("service".utf8))
    // "agencies" folds to "agenc" + "y"; "services" to its first seven bytes.
    let agencies = Array("agencies".utf8)
    let services = Array("services".utf8)
    #expect(agencies.withUnsafeBufferPointer { table.find($0, keep: 5, y: true) } == agency)
    #expect(services.withUnsafeBufferPointer { table.find($0, keep: 7, y: false) } == service)
    #expect(services.withUnsafeBufferPointer { table.find($0, keep: 6, y: false) } == -1)
    #expect(agencies.withUnsafeBufferPointer { table.find($0, keep: 5, y: false) } == -1)
  }

  @Test func lexiconAgreesWithASetOfWordsAndPrefixes() {
    // Words and prefixes over a small alphabet (so that they share paths), some with a
    // two-byte letter, checked against plain lookups for every word and every prefix of it.
    var seed: UInt64 = 7
    func next(_ n: UInt64) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % n)
    }
    let letters: [[UInt8]] = ["a", "b", "c", "s", "y", "é"].map { Array($0.utf8) }
    func word() -> [UInt8] { (0..<(1 + next(6))).flatMap { _ in letters[next(UInt64(letters.count))] } }
    var builder = Lexicon.Builder()
    var numbers: [[UInt8]: Int32] = [:]
    var prefixes: [[UInt8]: Int32] = [:]
    for k in 0..<400 {
      let w = word()
      if k % 3 == 0 {
        let symbol = Int32(k)
        if builder.prefixSymbol(w) == nil { builder.insertPrefix(w, symbol: symbol) }
        if prefixes[w] == nil { prefixes[w] = symbol }
        #expect(builder.prefixSymbol(w) == prefixes[w])
      } else {
        let n = builder.insert(w)
        if numbers[w] == nil { numbers[w] = Int32(numbers.count) }
        #expect(n == numbers[w])
      }
    }
    let lexicon = builder.freeze()
    #expect(lexicon.count == numbers.count)
    for _ in 0..<2_000 {
      let w = word()
      #expect(lexicon.find(w) == (numbers[w] ?? -1))
      lexicon.withWalker { walker in
        var state = Lexicon.root
        var passed = false
        for (k, b) in w.enumerated() {
          state = walker.step(state, b)
          let prefix = Array(w[0...k])
          if let p = prefixes[prefix] {
            passed = true
            #expect(walker.prefix(state) == p)
          } else if state > Lexicon.deadAfterPrefix {
            #expect(walker.prefix(state) == -1)
          }
          #expect(walker.passedPrefix(state) == passed)
          #expect(walker.entry(state) == (numbers[prefix] ?? -1))
        }
      }
    }
  }

  @Test func cuesWeighAsTheyWouldInTheirSentenceAlone() {
    // What weighs a cue (negation, concession, a turn, an aim) reaches no further than its
    // sentence, and the judge reads only the sentences that hold cues: an item's scores
    // are the sums of its sentences' scores, whatever sentences stand between them.
    let tagger = Tagger(rules: .defaults)
    let sentences = [
      "Although plans are in place, they are not always effective.",
      "The council has appointed a new director.",
      "Social workers do not consider risk well enough.",
      "However, management oversight is strong and effective.",
      "Further work is needed to ensure that practice is consistently good.",
      "No children were found to be at immediate risk of harm.",
      "Children are seen without delay.",
      "Meetings happen on Tuesdays",
      "Assessments are thorough, and plans are not always timely.",
    ]
    var seed: UInt64 = 11
    var weighed = 0.0
    for _ in 0..<40 {
      var picked: [String] = []
      for _ in 0..<(1 + Int(seed % 5)) {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        picked.append(sentences[Int((seed >> 33) % UInt64(sentences.count))])
      }
      let whole = tagger.analyse(text: picked.joined(separator: " "))
      let alone = picked.map { tagger.analyse(text: $0) }
      #expect(abs(whole.strengthScore - alone.reduce(0) { $0 + $1.strengthScore }) < 1e-9, "\(picked)")
      #expect(abs(whole.concernScore - alone.reduce(0) { $0 + $1.concernScore }) < 1e-9, "\(picked)")
      weighed += whole.strengthScore + whole.concernScore
    }
    // The sentences hold cues of every kind, so the items weigh something.
    #expect(weighed > 10)
  }

  @Test func aScanKeptFromItemToItemGivesWhatAFreshOneGives() {
    // The matcher's buffers are lent to each item's sink and taken back grown: a long item
    // after short ones, and short ones after it, must see none of the others' words.
    let tagger = Tagger(rules: .defaults)
    let texts = [
      "Early help is not always timely.",
      String(repeating: "Children in care do not always see their social workers. However, ", count: 300)
        + "the early help offer is strong and step-down to early help is well managed.",
      "Thresholds are understood; partners attend strategy meetings.",
      "",
      "Care leavers said that their personal advisers know them well.",
    ]
    var kept = TextScan()
    for text in texts + texts.reversed() {
      let bytes = Array(text.utf8)
      var fresh = TextScan()
      let a = tagger.analyse(bytes: bytes, ranges: [0..<bytes.count], segment: .findings, scan: &kept)
      let b = tagger.analyse(bytes: bytes, ranges: [0..<bytes.count], segment: .findings, scan: &fresh)
      #expect(a.themes.map(\.id) == b.themes.map(\.id))
      #expect(a.fired.map(\.span) == b.fired.map(\.span))
      #expect(a.polarity == b.polarity)
      #expect(kept.words.count == fresh.words.count)
      #expect(kept.occurrences.count == fresh.occurrences.count)
    }
    #expect(!tagger.analyse(text: texts[1]).themes.isEmpty)
  }

  @Test func rawBufferKeepsWhatWasAppendedThroughGrowth() {
    var buffer = RawBuffer<Int32>(capacity: 3)
    var reference: [Int32] = []
    for k in 0..<10_000 {
      let v = Int32(truncatingIfNeeded: k &* 2_654_435_761)
      buffer.append(v)
      reference.append(v)
    }
    #expect(Array(buffer.elements) == reference)
    buffer.free()
  }

  @Test func transitionTableAgreesWithADictionary() {
    var table = TransitionTable()
    var reference: [Int64: Int32] = [:]
    var seed: UInt64 = 42
    for k in 0..<5_000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let node = Int32(truncatingIfNeeded: (seed >> 33) % 700)
      let label = Int32(truncatingIfNeeded: (seed >> 13) % 300)
      table.set(node, label, to: Int32(k))
      reference[Int64(node) << 32 | Int64(label)] = Int32(k)
    }
    for (key, value) in reference {
      #expect(table.target(Int32(key >> 32), Int32(key & 0xFFFF_FFFF)) == value)
    }
    #expect(table.count == reference.count)
    #expect(table.target(701, 0) == -1)
  }

  @Test func foldingMatchesTheWordRules() {
    let cases = [
      ("services", "service"), ("agencies", "agency"), ("processes", "process"), ("class", "class"),
      ("status", "status"), ("analysis", "analysis"), ("gas", "gas"), ("childrens", "children"),
      ("plans", "plan"), ("ties", "tie"), ("babies", "baby"),
    ]
    for (word, folded) in cases {
      #expect(String(decoding: WordTokenizer.fold(Array(word.utf8)), as: UTF8.self) == folded, "\(word)")
    }
  }

  @Test func needlesAreFoundInAnyCaseAndOnlyWhole() {
    let needles = ASCIINeedles(["ofsted.gov.uk", "piccadilly gate", "agora"])
    #expect(needles.occur(in: "www.OFSTED.GOV.UK"))
    #expect(needles.occur(in: "Piccadilly Gate, Store Street"))
    #expect(needles.occur(in: "The Agora"))
    #expect(!needles.occur(in: "ofsted.gov"))
    #expect(!needles.occur(in: "agor"))
    #expect(!needles.occur(in: ""))
    #expect(needles.occur(in: "£ agora £"))
  }

  @Test func quickLowercasingAgreesWithTheStandardLibrary() {
    // Every scalar of the first planes' blocks a letter might use, in runs, with ASCII
    // between them, and a few that lowercase to more than one scalar.
    var samples = [
      "", "Plain ASCII Text", "Children\u{2019}s Services \u{2013} OFSTED", "\u{130}STANBUL",
      "\u{3A3}\u{391}\u{3A3}",
      "Every ASCII byte: " + String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self),
      "AZ@[`{", "SHORT LINE",
    ]
    for start in stride(from: 0x80, to: 0x3000, by: 64) {
      let scalars = (start..<start + 64).compactMap(Unicode.Scalar.init)
      samples.append("A" + String(String.UnicodeScalarView(scalars)) + "Z")
    }
    samples.append(String(String.UnicodeScalarView((0xFF00..<0xFF60).compactMap(Unicode.Scalar.init))))
    samples.append(String(String.UnicodeScalarView((0x10400..<0x10450).compactMap(Unicode.Scalar.init))))
    for s in samples {
      #expect(
        s.quickLowercased == s.lowercased(),
        "\(s.unicodeScalars.first.map { String($0.value, radix: 16) } ?? "")")
      #expect(s.dropFirst().quickLowercased == s.dropFirst().lowercased())
    }
  }

  @Test func byteSearchFindsTheFirstPlaceOrNone() {
    let text = "The lead inspector was Jane Doe. The lead inspector was"
    let r = text.byteRange(of: "inspector was")
    #expect(r.map { text.distance(from: text.startIndex, to: $0.lowerBound) } == 9)
    #expect(r.map { String(text[$0]) } == "inspector was")
    #expect(text.containsBytes("Jane"))
    #expect(!text.containsBytes("jane"))
    #expect(!"insp".containsBytes("inspector"))
    #expect("caf\u{E9} visit".byteRange(of: "visit").map { "caf\u{E9} visit"[$0] } == "visit")
    #expect(text.containsBytes(""))
  }

  @Test func characterLimitsAndPrefixesAgreeWithCounting() {
    let samples = [
      "", "short", "Children\u{2019}s services \u{2013} a \u{201C}quoted\u{201D} line \u{2022} here",
      "caf\u{E9} cafe\u{301} na\u{EF}ve \u{F0B7} bullet", "line\r\nbreak",
      "\u{1F468}\u{200D}\u{1F469} family",
      "\u{3A3}\u{3B1}\u{3C2} \u{2028} \u{200D}", "\u{1100}\u{1161} hangul", "\u{1F1EC}\u{1F1E7} flag",
      "a long plain line of ASCII text, then\r\na break and more plain text after it",
      "twenty-four plain bytes!\r\n", "plain ASCII for a while, then caf\u{E9} and cafe\u{301} and more",
    ]
    for s in samples {
      for limit in 0...(s.utf8.count + 1) {
        #expect(s.hasAtMostCharacters(limit) == (s.count <= limit), "\(s) \(limit)")
        #expect(s.prefixCharacters(limit) == s.prefix(limit), "\(s) \(limit)")
      }
    }
  }

  @Test func byteBufferGrowsAndKeepsWhatWasWritten() {
    let buffer = ByteBuffer(capacity: 1)
    var expected: [UInt8] = []
    for k in 0..<5000 {
      let b = UInt8(k % 251)
      buffer.append(b)
      expected.append(b)
      if k % 97 == 0 {
        buffer.append("caf\u{E9}")
        expected += Array("caf\u{E9}".utf8)
        buffer.append(repeating: 0x20, count: k % 7)
        expected += Array(repeating: 0x20, count: k % 7)
      }
    }
    #expect(buffer.bytes == expected)
    #expect(buffer.count == expected.count)
    let digits = ByteBuffer()
    digits.append("x=")
    for d in "9876".utf8.reversed() { digits.append(d) }
    digits.reverseTail(from: 2)
    #expect(digits.string == "x=9876")
  }

  @Test func lastWordAgreesWithSplitting() {
    for t in [
      "", " ", "one", "Focused visit to  ", "  the end of the", "caf\u{E9} na\u{EF}ve", "a\tb c",
      "a \u{301}b",
      "a\u{301} b", "ab\u{301} ", "x \u{E9}", "\u{E9} x",
    ] {
      #expect(BlockBuilder.lastWord(t) == t.split(separator: " ").last, "\(t)")
    }
  }

  @Test func firstPiecesOnBytesAgreeWithSplitting() {
    let samples = [
      "", " ", "one", "  two  words ", "areas for improvement requires improvement to be good",
      "caf\u{E9} na\u{EF}ve", "a \u{301}b c", "a\u{301} b", "x \u{E9} y", "\u{E9} \u{E9}", "a\tb c",
    ]
    for s in samples {
      for limit in 0...6 {
        #expect(
          s[...].split(byte: 0x20, limit: limit) == Array(s.split(separator: " ").prefix(limit)),
          "\(s) \(limit)")
        let first = s.split(separator: " ").prefix(limit)
        #expect(s[...].pieces(byte: 0x20, limit: limit).count == first.count, "\(s) \(limit)")
        #expect(s[...].pieces(byte: 0x20, limit: limit).last == first.last, "\(s) \(limit)")
      }
    }
  }

  @Test func judgementLinesLoseTheirNumbersOnBytesAsByCharacter() {
    let samples = [
      "", "grade", "grade 4 inadequate", "grade 2 good 3",
      "12 3 overall effectiveness requires improvement 2 17",
      "inadequate 2", "2 3 4", " 1 leaders 12a", "grade ",
      "the experiences and progress of care leavers 9 10",
      "caf\u{E9} 2", "good \u{B2}", "grade 3 na\u{EF}ve",
    ]
    for s in samples {
      #expect(Judgements.trimmedNumbers(s) == Judgements.trimmedNumbers(characters: s), "\(s)")
    }
  }

  @Test func binaryTestCountsControlBytesAsOneByOneWould() {
    // Texts of every length around a word's eight bytes, with controls (0x00, 0x1F) and
    // allowed bytes (tab, line feed, form feed, carriage return) in every position.
    var generator = SplitMix64(seed: 20_261_122)
    let alphabet: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xE2, 0xFF]
    for length in 0..<40 {
      for _ in 0..<50 {
        let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        let controls = bytes.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count
        let expected = controls * 100 > bytes.count
        #expect(bytes.withUnsafeBufferPointer { UTF8Validation.looksBinary($0) } == expected, "\(bytes)")
      }
    }
    let letter = [UInt8](repeating: 0x61, count: 1000)
    #expect(!letter.withUnsafeBufferPointer { UTF8Validation.looksBinary($0) })
    let eleven = letter.enumerated().map { $0.offset % 90 == 7 ? UInt8(0x01) : $0.element }
    #expect(eleven.withUnsafeBufferPointer { UTF8Validation.looksBinary($0) })
  }

  @Test func linesAreMeasuredAsOneByteAtATimeWould() {
    // Lines of every length around a word's eight bytes from pieces that end lines, are
    // white space, or are characters of one to four bytes.
    let pieces = [
      "a", "Zz", " ", "  ", "\t", "\u{0C}", "\n", "\r", "\r\n", "\u{E9}", "\u{2013}", "\u{1F600}", "\u{A0}",
      "e\u{301}",
    ]
    var generator = SplitMix64(seed: 20_261_123)
    for count in 0..<60 {
      for _ in 0..<20 {
        let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        let bytes = Array(text.utf8)
        let lines = LineSplitter.lines(bytes)
        #expect(lines.map(\.start) == Self.referenceLines(bytes).map(\.start), "\(text.debugDescription)")
        for (got, want) in zip(lines, Self.referenceLines(bytes)) {
          #expect(
            [got.end, got.next, got.contentStart, got.contentEnd, got.indent, got.length]
              == [want.end, want.next, want.contentStart, want.contentEnd, want.indent, want.length]
              && got.pageBreak == want.pageBreak, "\(text.debugDescription)")
        }
      }
    }
  }

  /// Lines measured one byte at a time, as the splitter did before it read words.
  private static func referenceLines(_ bytes: [UInt8]) -> [Line] {
    var lines: [Line] = []
    var i = 0
    while i < bytes.count {
      let start = i
      var pageBreak = false
      var indent = 0
      while i < bytes.count, [0x20, 0x09, 0x0C].contains(bytes[i]) {
        indent += bytes[i] == 0x20 ? 1 : bytes[i] == 0x09 ? 4 : 0
        pageBreak = pageBreak || bytes[i] == 0x0C
        i += 1
      }
      let contentStart = i
      var contentEnd = i
      var length = 0
      while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D {
        if bytes[i] == 0x0C { pageBreak = true }
        if ![0x20, 0x09, 0x0C].contains(bytes[i]) { contentEnd = i + 1 }
        if bytes[i] & 0xC0 != 0x80 { length += 1 }
        i += 1
      }
      length -= bytes[contentEnd..<i].filter { $0 & 0xC0 != 0x80 }.count
      while contentEnd - 2 >= contentStart, bytes[contentEnd - 2] == 0xC2, bytes[contentEnd - 1] == 0xA0 {
        contentEnd -= 2
        length -= 1
      }
      let end = i
      if i < bytes.count { i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1 }
      lines.append(
        Line(
          start: start, end: end, next: i, contentStart: contentStart,
          contentEnd: max(contentEnd, contentStart),
          pageBreak: pageBreak, indent: indent, length: max(length, 0)))
    }
    return lines
  }

  @Test func byteSplitsAgreeWithCharacterSplits() {
    let samples = [
      "", ".", "..", "One. Two.. Three.", "no full stop", ".lead and trail.", "caf\u{E9}. na\u{EF}ve.",
      "a.\u{301}b.c", "\u{E9}.x", "x.\u{E9}", "end \u{2026}. next",
    ]
    for s in samples {
      for text in [s[...], s.dropFirst()] {
        #expect(text.split(byte: UInt8(ascii: ".")) == text.split(separator: "."), "\(text)")
      }
    }
  }

  @Test func wordTestsAgreeWithLookingAtEachByte() {
    var generator = SplitMix64(seed: 20_261_124)
    let alphabet: [UInt8] = [
      0x00, 0x01, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x5C, 0x7F, 0x80, 0xBF, 0xC0, 0xE2, 0xFF,
    ]
    for _ in 0..<5000 {
      let bytes = (0..<8).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      let w = bytes.withUnsafeBufferPointer { ByteWord($0, at: 0) }
      #expect(w.isASCII == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
      for n: UInt8 in [1, 0x20, 0x21, 0x80] {
        #expect(w.hasByte(below: n) == bytes.contains { $0 < n }, "\(bytes) \(n)")
      }
      for b: UInt8 in [0x00, 0x0D, 0x22, 0x5C, 0xE2] {
        #expect(w.hasByte(b) == bytes.contains(b), "\(bytes) \(b)")
      }
      let nonZero = (0..<8).filter { bytes[$0] != 0 }.reduce(UInt64(0)) { $0 | 0x80 << UInt64(8 * $1) }
      #expect(w.nonZeroBytes == nonZero, "\(bytes)")
    }
  }

  @Test func whiteSpaceFoldsToOneSpace() {
    #expect(InlineMarkup.collapseSpaces("  a \t b\r\n\nc  ") == "a b c")
    #expect(InlineMarkup.collapseSpaces("a\u{0C}b\u{A0}c") == "a\u{0C}b\u{A0}c")
    let wide = { (s: String) in InlineMarkup.collapseSpaces(bytes: s.utf8, wide: true) }
    #expect(wide("\u{A0}a\u{0C}\u{0C}b\u{A0} \u{A0}c\u{A0}") == "a b c")
    // C2 before anything but A0 is a letter's first byte, kept ("é" is C3 A9, "¢" C2 A2).
    #expect(wide("caf\u{E9} \u{A2}5 \u{A2}\u{A0}\u{A2}") == "caf\u{E9} \u{A2}5 \u{A2} \u{A2}")
  }

  @Test func apostrophesAreStraightenedOrRemovedOnBytes() {
    #expect("the council’s plan".straightApostrophes == "the council's plan")
    #expect("no quotes – here".straightApostrophes == "no quotes – here")
    #expect("the council’s and children's".removingApostrophes == "the councils and childrens")
    #expect("’".straightApostrophes == "'")
    #expect("\u{E2}".straightApostrophes == "\u{E2}")
    // Other scalars starting E2 80 (a left quote, a dash) and E2 at the end stay as they are.
    for s in ["’’a’", "a\u{2018}b\u{2019}", "x\u{2013}\u{2019}", "\u{20AC}’", "end\u{2019}", "\u{2026}"] {
      let pieces = s.split(separator: "\u{2019}", omittingEmptySubsequences: false)
      #expect(s.straightApostrophes == pieces.joined(separator: "'"))
      #expect(s.removingApostrophes == pieces.joined().filter { $0 != "'" })
    }
  }

  @Test func leadPhrasesAgreeWithLowercasingAndComparing() {
    let phrases = [
      "our response:", "councils response:", "the council's plan", "ofsted will", "k", "response -",
    ]
    let straight = LeadPhrases(phrases)
    let removed = LeadPhrases(phrases.map { $0.removingApostrophes }, apostrophes: .removed)
    let texts = [
      "", "Our response: we will", "OUR RESPONSE:", "Our response", "Council’s response: yes",
      "Council's Response: yes", "'Councils response:", "The Council’s plan is", "The Council's plan",
      "The council’’s plan", "Ofsted will take", "Öfsted will", "\u{212A}elvin", "Kind regards",
      "response - noted", "response – noted", "our\u{A0}response:", "’our response:", "\u{E2}\u{80}",
    ]
    for t in texts {
      // The reference: the first phrase the lowercased, straightened or stripped text starts with.
      let lower = t.quickLowercased
      let wantStraight = phrases.firstIndex { lower.straightApostrophes.utf8.starts(with: $0.utf8) }
      let wantRemoved = phrases.map { $0.removingApostrophes }.firstIndex {
        lower.removingApostrophes.utf8.starts(with: $0.utf8)
      }
      #expect(straight.firstMatch(t) == wantStraight, "\(t)")
      #expect(removed.firstMatch(t) == wantRemoved, "\(t)")
      #expect(straight.matches(t) == (wantStraight != nil), "\(t)")
    }
  }

  @Test func headingLeadIsTheWholeOrALongPrefixOfIt() {
    let texts = [
      "3.17 Potential questions for members of the committee", "Section 4 Areas for improvement",
      "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 main findings area2",
      "Section", "section 12", "The experiences and progress of children who need help and protection",
      "What needs to improve in this area2", "Inspection of Café services: children’s services in the area",
      "– 7 – Findings", "The local authority’s response to the recommendations of the inspection in 2019",
    ]
    for t in texts {
      let whole = HeadingVocabulary.normalise(t)
      for limit in 0...(whole.utf8.count + 2) {
        let lead = HeadingVocabulary.normalisedLead(t, limit: limit)
        if whole.utf8.count <= limit {
          #expect(lead == whole, "\(t) \(limit)")
        } else {
          #expect(lead.utf8.count > limit && whole.hasPrefix(lead), "\(t) \(limit): \(lead)")
        }
      }
    }
  }

  @Test func jsonStringsAreEscapedPerRFC8259() {
    var w = JSONWriter(pretty: false)
    w.beginObject()
    w.field("k", "quote \" back \\ nl \n tab \t bell \u{07} sep \u{2028} ok é")
    w.endObject()
    #expect(
      w.output == #"{"k":"quote \" back \\ nl \n tab \t bell \u0007 sep \u2028 ok é"}"#)
    let parsed = try? JSONSerialization.jsonObject(with: Data(w.output.utf8)) as? [String: String]
    #expect(parsed?["k"] == "quote \" back \\ nl \n tab \t bell \u{07} sep \u{2028} ok é")
  }

  /// The writer copies runs eight bytes at a time: every character that needs escaping,
  /// at every position of a run, against a plain escaper.
  @Test func jsonEscapingAgreesWithAPlainEscaperAtEveryPosition() {
    func plain(_ s: String) -> String {
      var out = "\""
      for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
        default: out.unicodeScalars.append(u)
        }
      }
      return out + "\""
    }
    let specials = [
      "\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2019}", "\u{2013}", "é",
      " ",
    ]
    for special in specials {
      for position in 0..<20 {
        let text =
          String(repeating: "a", count: position) + special + String(repeating: "b", count: 19 - position)
          + special
        var w = JSONWriter(pretty: false)
        w.string(text)
        #expect(w.output == plain(text), "\(special.unicodeScalars.map(\.value)) at \(position)")
      }
    }
  }
}

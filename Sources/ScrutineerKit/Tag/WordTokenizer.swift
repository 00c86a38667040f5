/// A word of text with its letters: lowercase, with its byte span in the source.
struct WordToken {
  /// Byte offsets of the word in the source.
  var start: Int
  var end: Int
  /// Lowercase ASCII letters and digits (other scalars kept as UTF-8), apostrophes removed.
  var lower: [UInt8]
  /// `lower` with plural and possessive endings removed ("services" → "service").
  var folded: [UInt8]
  /// The sentence the word belongs to, counted from 0 within the text.
  var sentence: Int
  /// Whether a comma, semicolon or colon follows the word (a clause boundary).
  var clauseEnd: Bool
}

/// What receives the words of a scan, one at a time.
protocol WordSink {
  /// What the sink follows along a word's letters as they are lowered (a state of a
  /// trie, say), kept by the scan in a local value: `NoLetters` for a sink that only
  /// wants the words.
  associatedtype Letters = NoLetters
  /// `Letters` at the start of a word.
  var lettersAtStart: Letters { get }
  /// `Letters` after one more byte of the word's lowercase letters.
  func letter(_ letters: Letters, _ byte: UInt8) -> Letters
  /// A word: its byte span, its lowercase letters (valid only during the call), its
  /// sentence, and `Letters` after all its letters.
  mutating func word(start: Int, end: Int, lower: UnsafeBufferPointer<UInt8>, sentence: Int, letters: Letters)
  /// A comma, semicolon, colon or sentence end follows the last word given (if any).
  mutating func clauseEnd()
}

/// Nothing followed along a word's letters.
struct NoLetters {}

extension WordSink where Letters == NoLetters {
  @inline(__always) var lettersAtStart: NoLetters { NoLetters() }
  @inline(__always) func letter(_ letters: NoLetters, _ byte: UInt8) -> NoLetters { letters }
}

/// Splits UTF-8 text into words: letters and digits make words; hyphens, quotes and
/// punctuation separate them; apostrophes inside words are dropped ("children's" →
/// "childrens" → folded "children"); `<…>` tags and `**` marks are skipped.
enum WordTokenizer {
  /// The words of the ranges with their letters, for callers that keep them.
  static func tokens(_ bytes: [UInt8], ranges: [Range<Int>], into out: inout [WordToken]) {
    var sink = TokenCollector(tokens: out)
    out = []
    scan(bytes, ranges: ranges, into: &sink)
    out = sink.tokens
  }

  private struct TokenCollector: WordSink {
    var tokens: [WordToken]

    mutating func word(
      start: Int, end: Int, lower: UnsafeBufferPointer<UInt8>, sentence: Int, letters _: NoLetters
    ) {
      let l = Array(lower)
      tokens.append(
        WordToken(start: start, end: end, lower: l, folded: fold(l), sentence: sentence, clauseEnd: false))
    }

    mutating func clauseEnd() {
      if !tokens.isEmpty { tokens[tokens.count - 1].clauseEnd = true }
    }
  }

  /// Scans the ranges once, byte by byte, handing each word to the sink. The letters are
  /// lowered into one reused buffer, so a scan allocates nothing per word.
  static func scan<Sink: WordSink>(_ bytes: [UInt8], ranges: [Range<Int>], into sink: inout Sink) {
    bytes.withUnsafeBufferPointer { scan($0, ranges: ranges, into: &sink) }
  }

  /// The same over bytes already in memory.
  static func scan<Sink: WordSink>(
    _ bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], into sink: inout Sink
  ) {
    // The lowered letters of the current word, in one buffer as long as the longest range:
    // a word's letters never have more bytes than the word.
    var capacity = 64
    for r in ranges where r.count > capacity { capacity = r.count }
    let asciiWordByte = Self.asciiWordBytes
    let lower = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { lower.deallocate() }
    var sentence = 0
    for r in ranges {
      var i = r.lowerBound
      let end = r.upperBound
      while i < end {
        let b = bytes[i]
        if isWordStart(b) {
          let start = i
          var n = 0
          var letters = sink.lettersAtStart
          while i < end {
            let c = bytes[i]
            let l = asciiWordByte[Int(c)]
            if l != 0 {
              lower[n] = l
              letters = sink.letter(letters, l)
              n &+= 1
              i &+= 1
            } else if c >= 0xC3 && c <= 0xCF {
              // A Latin, Greek or Cyrillic letter: keep its two bytes.
              lower[n] = c
              letters = sink.letter(letters, c)
              n += 1
              if i + 1 < end {
                lower[n] = bytes[i + 1]
                letters = sink.letter(letters, bytes[i + 1])
                n += 1
              }
              i += 2
            } else if c == 0x27, i + 1 < end, isLetter(bytes[i + 1]) {
              i += 1  // straight apostrophe inside a word
            } else if c == 0xE2, i + 3 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99,
              isLetter(bytes[i + 3])
            {
              i += 3  // curly apostrophe inside a word
            } else {
              break
            }
          }
          sink.word(
            start: start, end: min(i, end), lower: UnsafeBufferPointer(start: lower, count: n),
            sentence: sentence, letters: letters)
          continue
        }
        if b >= 0x80 {
          // Punctuation and symbols beyond ASCII: dashes, quotes, bullets, private-use glyphs.
          i += scalarLength(b)
          continue
        }
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"):
          // A full stop between digits ("2.5") or in an abbreviation before a lowercase
          // word does not end the sentence.
          let nextIsSpace =
            i + 1 >= end || bytes[i + 1] == 0x20 || bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D
          if nextIsSpace || b != UInt8(ascii: ".") {
            sentence += 1
            sink.clauseEnd()
          }
          i += 1
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
          sink.clauseEnd()
          i += 1
        case UInt8(ascii: "<"):
          // Skip a tag such as <sup>.
          var k = i + 1
          while k < end, k < i + 12, bytes[k] != UInt8(ascii: ">") { k += 1 }
          i = k < end && bytes[k] == UInt8(ascii: ">") ? k + 1 : i + 1
        default:
          i += 1
        }
      }
    }
  }

  /// Each ASCII letter or digit as it stands in a word (lowercased), 0 for other bytes: 256
  /// bytes, read without a bounds check since every byte indexes it. Made once, never freed.
  private nonisolated(unsafe) static let asciiWordBytes: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for b in 0..<256 {
      table[b] =
        b >= 0x41 && b <= 0x5A
        ? UInt8(b) | 0x20 : (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) ? UInt8(b) : 0
    }
    return UnsafePointer(table)
  }()

  @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0xC3 && b <= 0xCF)
  }

  @inline(__always) static func isWordStart(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
      || (b >= 0xC3 && b <= 0xCF)
  }

  @inline(__always) static func scalarLength(_ b: UInt8) -> Int {
    b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
  }

  /// How a word folds: the length of the stem kept and whether a "y" follows it.
  /// -ies → -y, -sses → -ss, -s → "" (not -ss, -us, -is, and not in words of three
  /// letters or fewer), so that "services", "service's" and "service" meet.
  @inline(__always) static func folding<C: RandomAccessCollection>(_ w: C) -> (keep: Int, y: Bool)
  where C.Element == UInt8, C.Index == Int {
    let n = w.count
    let s = w.startIndex
    guard n > 3, w[s + n - 1] == UInt8(ascii: "s") else { return (n, false) }
    let p = w[s + n - 2]
    if n > 4, p == UInt8(ascii: "e"), w[s + n - 3] == UInt8(ascii: "i") { return (n - 3, true) }
    if p == UInt8(ascii: "s") || p == UInt8(ascii: "u") || p == UInt8(ascii: "i") { return (n, false) }
    if n > 4, p == UInt8(ascii: "e"), w[s + n - 3] == UInt8(ascii: "s"), w[s + n - 4] == UInt8(ascii: "s") {
      return (n - 2, false)
    }
    return (n - 1, false)
  }

  /// Removes plural and possessive endings ("services" → "service", "agencies" → "agency").
  static func fold(_ w: [UInt8]) -> [UInt8] {
    let (keep, y) = folding(w)
    if keep == w.count && !y { return w }
    return Array(w[0..<keep]) + (y ? [UInt8(ascii: "y")] : [])
  }
}

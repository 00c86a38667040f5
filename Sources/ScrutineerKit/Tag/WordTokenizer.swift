/// A word of text as the rule engine sees it: lowercase, with its byte span in the source.
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

/// Splits UTF-8 text into words: letters and digits make words; hyphens, quotes and
/// punctuation separate them; apostrophes inside words are dropped ("children's" →
/// "childrens" → folded "children"); `<…>` tags and `**` marks are skipped.
enum WordTokenizer {
  static func tokens(_ bytes: [UInt8], ranges: [Range<Int>], into out: inout [WordToken]) {
    var sentence = 0
    for r in ranges {
      var i = r.lowerBound
      let end = r.upperBound
      while i < end {
        let b = bytes[i]
        if isWordStart(bytes, i, end) {
          let start = i
          var lower: [UInt8] = []
          lower.reserveCapacity(12)
          while i < end {
            let c = bytes[i]
            if c >= 0x41 && c <= 0x5A {
              lower.append(c | 0x20)
              i += 1
            } else if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
              lower.append(c)
              i += 1
            } else if c >= 0xC3 && c <= 0xCF {
              // A Latin, Greek or Cyrillic letter: keep its two bytes.
              lower.append(c)
              if i + 1 < end { lower.append(bytes[i + 1]) }
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
          out.append(
            WordToken(
              start: start, end: min(i, end), lower: lower, folded: fold(lower), sentence: sentence,
              clauseEnd: false))
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
            if !out.isEmpty { out[out.count - 1].clauseEnd = true }
          }
          i += 1
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
          if !out.isEmpty { out[out.count - 1].clauseEnd = true }
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
      _ = sentence
    }
  }

  @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0xC3 && b <= 0xCF)
  }

  @inline(__always) static func isWordStart(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Bool {
    let b = bytes[i]
    return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
      || (b >= 0xC3 && b <= 0xCF)
  }

  @inline(__always) static func scalarLength(_ b: UInt8) -> Int {
    b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
  }

  /// Removes plural and possessive endings so that "services", "service's" and "service"
  /// meet: -ies → -y, -sses → -ss, -s → "" (not -ss, -us, -is, and not in words of three
  /// letters or fewer).
  static func fold(_ w: [UInt8]) -> [UInt8] {
    let n = w.count
    guard n > 3, w[n - 1] == UInt8(ascii: "s") else { return w }
    let p = w[n - 2]
    if n > 4, p == UInt8(ascii: "e"), w[n - 3] == UInt8(ascii: "i") {
      return Array(w[0..<(n - 3)]) + [UInt8(ascii: "y")]
    }
    if p == UInt8(ascii: "s") || p == UInt8(ascii: "u") || p == UInt8(ascii: "i") { return w }
    if n > 4, p == UInt8(ascii: "e"), w[n - 3] == UInt8(ascii: "s"), w[n - 4] == UInt8(ascii: "s") {
      return Array(w[0..<(n - 2)])
    }
    return Array(w[0..<(n - 1)])
  }
}

/// Splits text into folded words the way `WordTokenizer` does (letters and digits make
/// words, apostrophes inside words are dropped, `<…>` tags skipped; lowercase; plural and
/// possessive endings removed), without building tokens: each word is handed over as
/// bytes in a reused buffer.
///
/// Compare's word sets are defined by this splitter, so that they stay put when the rule
/// engine's tokenizer changes; a test checks the two agree today.
enum FoldedWords {
  /// Calls `body` with each folded word of `text`, in order. The buffer is valid only
  /// during the call.
  static func forEach(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var text = text
    text.withUTF8 { bytes in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { word in
        forEach(in: bytes, buffer: word, body)
      }
    }
  }

  private static func forEach(
    in bytes: UnsafeBufferPointer<UInt8>, buffer word: UnsafeMutableBufferPointer<UInt8>,
    _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    let end = bytes.count
    var i = 0
    while i < end {
      let b = bytes[i]
      if isWordStart(b) {
        var n = 0
        while i < end {
          let c = bytes[i]
          if c >= 0x41 && c <= 0x5A {
            word[n] = c | 0x20
            n += 1
            i += 1
          } else if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
            word[n] = c
            n += 1
            i += 1
          } else if c >= 0xC3 && c <= 0xCF {
            // A Latin, Greek or Cyrillic letter: keep its two bytes.
            word[n] = c
            n += 1
            if i + 1 < end {
              word[n] = bytes[i + 1]
              n += 1
            }
            i += 2
          } else if c == 0x27, i + 1 < end, isLetter(bytes[i + 1]) {
            i += 1  // straight apostrophe inside a word
          } else if c == 0xE2, i + 3 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99, isLetter(bytes[i + 3])
          {
            i += 3  // curly apostrophe inside a word
          } else {
            break
          }
        }
        body(UnsafeBufferPointer(rebasing: word[0..<fold(word, count: n)]))
        continue
      }
      if b >= 0x80 {
        // Punctuation and symbols beyond ASCII: skip the whole scalar.
        i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
      } else if b == UInt8(ascii: "<") {
        // Skip a tag such as <sup>.
        var k = i + 1
        while k < end, k < i + 12, bytes[k] != UInt8(ascii: ">") { k += 1 }
        i = k < end && bytes[k] == UInt8(ascii: ">") ? k + 1 : i + 1
      } else {
        i += 1
      }
    }
  }

  @inline(__always) private static func isLetter(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0xC3 && b <= 0xCF)
  }

  @inline(__always) private static func isWordStart(_ b: UInt8) -> Bool {
    isLetter(b) || (b >= 0x30 && b <= 0x39)
  }

  /// `WordTokenizer.fold` in place: -ies → -y, -sses → -ss, -s → "" (not -ss, -us, -is,
  /// and not in words of three letters or fewer). Returns the new length.
  private static func fold(_ w: UnsafeMutableBufferPointer<UInt8>, count n: Int) -> Int {
    guard n > 3, w[n - 1] == UInt8(ascii: "s") else { return n }
    let p = w[n - 2]
    if n > 4, p == UInt8(ascii: "e"), w[n - 3] == UInt8(ascii: "i") {
      w[n - 3] = UInt8(ascii: "y")
      return n - 2
    }
    if p == UInt8(ascii: "s") || p == UInt8(ascii: "u") || p == UInt8(ascii: "i") { return n }
    if n > 4, p == UInt8(ascii: "e"), w[n - 3] == UInt8(ascii: "s"), w[n - 4] == UInt8(ascii: "s") {
      return n - 2
    }
    return n - 1
  }
}

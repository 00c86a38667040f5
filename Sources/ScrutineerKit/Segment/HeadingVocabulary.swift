/// The headings the domain uses for each kind of segment.
///
/// Matching is on the heading's normalised words (lowercase, apostrophes straightened,
/// numbering and punctuation removed): a heading matches a phrase when it equals it or
/// starts with it.
enum HeadingVocabulary {
  /// Phrases in order of precedence; the first that matches wins.
  static let phrases: [(String, SegmentKind)] = [
    // Improvement lists.
    ("areas for priority action", .priorityActions),
    ("priority and immediate action", .priorityActions),
    ("priority actions", .priorityActions),
    ("priority action", .priorityActions),
    ("areas for immediate action", .priorityActions),
    ("immediate action", .priorityActions),
    ("what needs to improve", .areasForImprovement),
    ("what needs to be improved", .areasForImprovement),
    ("what needs improving", .areasForImprovement),
    ("what does the local authority need to improve", .areasForImprovement),
    ("what the local authority needs to improve", .areasForImprovement),
    ("what does the council need to improve", .areasForImprovement),
    ("what the council needs to improve", .areasForImprovement),
    ("what does the lscb need to improve", .areasForImprovement),
    ("what the lscb needs to improve", .areasForImprovement),
    ("areas for improvement", .areasForImprovement),
    ("areas of improvement", .areasForImprovement),
    ("areas for development", .areasForImprovement),
    ("areas for further development", .areasForImprovement),
    ("areas for further improvement", .areasForImprovement),
    ("areas that need to improve", .areasForImprovement),
    ("areas requiring improvement", .areasForImprovement),
    ("areas which require improvement", .areasForImprovement),
    ("areas that require improvement", .areasForImprovement),
    ("improvements needed", .areasForImprovement),
    ("recommendations", .recommendations),
    ("recommendation", .recommendations),
    ("ofsted recommendations", .recommendations),
    ("responses to all remaining ofsted recommendations", .recommendations),
    ("responses to the recommendations", .recommendations),
    ("response to the recommendations", .recommendations),
    ("our response to the recommendations", .recommendations),
    // Findings.
    ("findings and evaluation of progress", .findings),
    ("evaluation of progress", .findings),
    ("main findings", .findings),
    ("key findings", .findings),
    ("inspection findings", .findings),
    ("findings", .findings),
    ("summary of key findings", .findings),
    ("summary of findings", .findings),
    ("inspection judgements about the local authority", .findings),
    ("inspection judgements about the lscb", .findings),
    ("inspection judgement about the lscb", .findings),
    ("the experiences and progress of", .findings),
    ("experiences and progress of", .findings),
    ("the impact of leaders", .findings),
    ("the effectiveness of leaders", .findings),
    ("leadership management and governance", .findings),
    ("children who need help and protection", .findings),
    ("children looked after and achieving permanence", .findings),
    ("experiences and progress of care leavers", .findings),
    ("the local authority has the following strengths", .findings),
    ("strengths", .findings),
    ("what is working well", .findings),
    ("what the inspection found", .findings),
    // Overview.
    ("headline findings", .overview),
    ("overview", .overview),
    ("summary", .overview),
    ("executive summary", .overview),
    ("introduction", .overview),
    ("key messages", .overview),
    // Scope.
    ("areas covered by the visit", .scope),
    ("areas covered by this visit", .scope),
    ("areas covered", .scope),
    ("information about this inspection", .scope),
    ("information about this visit", .scope),
    ("scope of the inspection", .scope),
    ("scope of the visit", .scope),
    ("evidence considered", .scope),
    ("the inspection team", .scope),
    // Questions.
    ("potential questions", .questions),
    ("suggested questions", .questions),
    ("possible questions", .questions),
    ("questions for members", .questions),
    ("questions for the committee", .questions),
    ("key questions", .questions),
    ("key lines of enquiry", .questions),
    ("lines of enquiry", .questions),
    // KPIs.
    ("key performance indicators", .kpis),
    ("performance indicators", .kpis),
    ("kpis", .kpis),
    ("kpi", .kpis),
    ("performance scorecard", .kpis),
    ("performance dashboard", .kpis),
    // Plans and papers.
    ("what have we achieved", .achievements),
    ("what we have achieved", .achievements),
    ("what has been achieved", .achievements),
    ("achievements", .achievements),
    ("progress to date", .achievements),
    ("progress made", .achievements),
    ("progress so far", .achievements),
    ("what next", .nextSteps),
    ("next steps", .nextSteps),
    ("the way forward", .nextSteps),
    ("way forward", .nextSteps),
    ("future priorities", .nextSteps),
    ("what we will do", .nextSteps),
    ("where have we come from", .background),
    ("background", .background),
    ("purpose", .background),
    ("context", .background),
    ("information about this local authority area", .background),
    ("responsibilities and duties", .background),
    // Boilerplate.
    ("contents", .boilerplate),
    ("table of contents", .boilerplate),
    ("what the inspection judgements mean", .boilerplate),
    ("what the inspection judgments mean", .boilerplate),
    ("glossary", .boilerplate),
    ("conclusion", .other),
    ("conclusions", .other),
    ("motion", .other),
  ]

  /// The kind a heading names, or `nil` when it is not one the domain uses.
  /// - Parameter exact: when true, only whole-heading matches count.
  static func kind(of heading: String, exact: Bool = false) -> SegmentKind? {
    // Headings are short; a long line is never one (and is not worth normalising).
    guard heading.utf8.count <= 400 else { return nil }
    // Most lines start with a word no phrase starts with: they are refused on it alone.
    if withLeadWord(heading, { !startsPhrase($0) }) == true { return nil }
    return withNormalisedLead(heading, limit: longestPhrase) { match($0, exact: exact) }
  }

  /// Whether some phrase's first word is `word`.
  private static func startsPhrase(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    for p in phraseBuckets[bucket(word)] {
      let phrase = phraseBytes[p]
      guard phrase.count == word.count || phrase.count > word.count && phrase[word.count] == 0x20 else {
        continue
      }
      var k = 0
      while k < word.count && phrase[k] == word[k] { k += 1 }
      if k == word.count { return true }
    }
    return false
  }

  /// Whether `bytes` are those of one of `words`.
  static func isOne(of words: [[UInt8]], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for w in words where w.count == bytes.count {
      var k = 0
      while k < bytes.count && w[k] == bytes[k] { k += 1 }
      if k == bytes.count { return true }
    }
    return false
  }

  /// Calls `body` with the first word of `normalise(text)`, read from the text's first bytes
  /// alone, and returns what it returns; `nil` without calling it when those bytes cannot
  /// tell the word for certain: a byte beyond ASCII other than a curly apostrophe before the
  /// word ends, a word of digits or "section" (normalising may drop such leading words), a
  /// word of a letter, more and a digit last (it may lose a glued footnote number), or a
  /// word of more than sixteen bytes.
  static func withLeadWord<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
    var text = text
    return text.withUTF8 { u -> R? in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { word -> R? in
        var n = 0
        var i = 0
        var digits = true
        while i < u.count {
          let b = u[i]
          if b >= 0x80 {
            // A curly apostrophe is dropped, as normalising does; anything else may be a letter.
            guard b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0x99 else { return nil }
            i += 3
            continue
          }
          i += 1
          let c = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
          if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
            guard n < 16 else { return nil }
            if c > 0x39 { digits = false }
            word[n] = c
            n += 1
          } else if c != 0x27, n > 0 {
            break
          }
        }
        guard n > 0, !digits else { return nil }
        let w = UnsafeBufferPointer(rebasing: word[..<n])
        if n > 2, w[n - 1] <= 0x39, w[0] >= 0x61 { return nil }
        if n == 7, w[0] == 0x73, w[1] == 0x65, w[2] == 0x63, w[3] == 0x74, w[4] == 0x69, w[5] == 0x6F,
          w[6] == 0x6E
        {
          return nil
        }
        return body(w)
      }
    }
  }

  /// Calls `body` with the bytes of `normalisedLead(text, limit:)`; for ASCII text (almost
  /// every line) they are normalised in a buffer on the stack and no string is made.
  static func withNormalisedLead<R>(
    _ text: String, limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    if let ascii = withASCIINormalised(text, limit: limit, body) { return ascii }
    var key = normalise(text)
    return key.withUTF8(body)
  }

  /// The kind of the first phrase, in order of precedence, that the normalised `key`
  /// equals or (unless `exact`) starts with, followed by a space.
  private static func match(_ key: UnsafeBufferPointer<UInt8>, exact: Bool) -> SegmentKind? {
    // A phrase can only match a key that starts with the phrase's first word: only the
    // phrases whose first word falls in the key's first word's bucket are tried.
    let firstWord = key.firstIndex(of: 0x20) ?? key.count
    guard firstWord > 0 else { return nil }
    for p in phraseBuckets[bucket(UnsafeBufferPointer(rebasing: key[..<firstWord]))] {
      let phrase = phraseBytes[p]
      if key.count == phrase.count, key.elementsEqual(phrase) { return phrases[p].1 }
      if !exact, key.count > phrase.count, key[phrase.count] == 0x20, key.starts(with: phrase) {
        return phrases[p].1
      }
    }
    return nil
  }

  /// The phrases' bytes, in `phrases`' order.
  private static let phraseBytes: [[UInt8]] = phrases.map { Array($0.0.utf8) }

  /// The indices of the phrases, in order of precedence, by the bucket of their first word.
  private static let phraseBuckets: [[Int]] = {
    var buckets = [[Int]](repeating: [], count: 64)
    for (p, bytes) in phraseBytes.enumerated() {
      let first = bytes.firstIndex(of: 0x20) ?? bytes.count
      bytes.withUnsafeBufferPointer { buckets[bucket(UnsafeBufferPointer(rebasing: $0[..<first]))].append(p) }
    }
    return buckets
  }()

  /// A word's bucket, from its length and its first and last bytes.
  private static func bucket(_ word: UnsafeBufferPointer<UInt8>) -> Int {
    (word.count &* 7 &+ Int(word[0]) &* 31 &+ Int(word[word.count - 1])) & 63
  }

  /// Lowercase words separated by single spaces; apostrophes straightened; leading list
  /// numbering and all punctuation other than apostrophes removed.
  static func normalise(_ heading: String) -> String {
    if let ascii = withASCIINormalised(heading, limit: .max, { String(decoding: $0, as: UTF8.self) }) {
      return ascii
    }
    var out = ""
    var space = false
    for scalar in heading.quickLowercased.unicodeScalars {
      if CharacterSet_isLetterOrDigit(scalar) {
        if space, !out.isEmpty { out.append(" ") }
        space = false
        out.unicodeScalars.append(scalar)
      } else if scalar == "'" || scalar == "\u{2019}" {
        continue
      } else {
        space = true
      }
    }
    // Drop leading section numbers ("3 17 potential questions" -> "potential questions").
    var words = out.split(separator: " ")
    while let first = words.first, first.allSatisfy(\.isNumber) { words.removeFirst() }
    if words.first == "section", words.count > 1, words[1].allSatisfy(\.isNumber) {
      words.removeFirst(2)
    }
    // A footnote number glued to the last word ("area2").
    if let last = words.last, last.count > 2, last.last!.isNumber, last.first!.isLetter {
      words[words.count - 1] = last.prefix { !$0.isNumber }
    }
    return words.joined(separator: " ")
  }

  /// The normalised heading when it has at most `limit` bytes; otherwise a prefix of it
  /// longer than `limit` bytes, for tests of its first words that need not see the rest
  /// of a long line. A phrase of at most `limit` bytes equals or starts the lead exactly
  /// when it equals or starts the whole.
  static func normalisedLead(_ heading: String, limit: Int) -> String {
    withNormalisedLead(heading, limit: limit) { String(decoding: $0, as: UTF8.self) }
  }

  /// The longest phrase, in bytes.
  static let longestPhrase = phrases.map { $0.0.utf8.count }.max()!

  /// The same for ASCII text (almost every line), on bytes: the words go into one
  /// buffer on the stack, and the leading numbers and a glued footnote number are cut off
  /// its ends; `body` is called with them. When the buffer passes `limit` bytes and
  /// another word follows, the rest is not read. `nil` when the text needs the general path.
  private static func withASCIINormalised<R>(
    _ text: String, limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R? {
    var text = text
    return text.withUTF8 { src in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: src.count + 1) { out in
        guard let key = normaliseASCII(src, limit: limit, into: out) else { return nil }
        return body(UnsafeBufferPointer(rebasing: out[key]))
      }
    }
  }

  /// Writes the normalised words of ASCII `src` into `out` (at least one byte longer) and
  /// returns where in `out` they are, or `nil` when the text needs the general path.
  private static func normaliseASCII(
    _ src: UnsafeBufferPointer<UInt8>, limit: Int, into out: UnsafeMutableBufferPointer<UInt8>
  ) -> Range<Int>? {
    var truncated = false
    var n = 0
    var space = false
    var i = 0
    while i < src.count {
      let b = src[i]
      i += 1
      if b >= 0x80 {
        // Punctuation beyond ASCII separates words as ASCII punctuation does: general
        // punctuation (dashes, curly quotes, bullets), a no-break space, private-use
        // glyphs. A curly apostrophe is dropped. Anything else (a letter) takes the
        // general path.
        switch b {
        case 0xE2:
          // U+2000 to U+206F.
          guard i + 1 < src.count else { return nil }
          let b2 = src[i]
          let b3 = src[i + 1]
          i += 2
          guard b2 == 0x80 || b2 == 0x81 && b3 <= 0xAF else { return nil }
          if b2 == 0x80 && b3 == 0x99 { continue }
          space = true
        case 0xC2:
          guard i < src.count, src[i] == 0xA0 else { return nil }
          i += 1
          space = true
        case 0xEE, 0xEF:
          // U+E000 to U+F8FF.
          guard i + 1 < src.count, b == 0xEE || src[i] <= 0xA3 else { return nil }
          i += 2
          space = true
        default:
          return nil
        }
        continue
      }
      let c = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
      if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
        if space && n > limit {
          // Another word follows a buffer already past the limit.
          truncated = true
          break
        }
        if space && n > 0 {
          out[n] = 0x20
          n += 1
        }
        space = false
        out[n] = c
        n += 1
      } else if c != 0x27 {
        space = true
      }
    }
    // The word starting at `k`: its end (a space or `n`) and whether it is all digits.
    func word(at k: Int) -> (end: Int, digits: Bool) {
      var e = k
      var digits = true
      while e < n && out[e] != 0x20 {
        if out[e] > 0x39 { digits = false }
        e += 1
      }
      return (e, digits)
    }
    // Leading section numbers and "section N".
    var start = 0
    while start < n {
      let w = word(at: start)
      if w.digits {
        start = min(w.end + 1, n)
        continue
      }
      if w.end - start == 7, w.end < n, out[start] == 0x73, out[start + 1] == 0x65,
        out[start + 2] == 0x63,
        out[start + 3] == 0x74, out[start + 4] == 0x69, out[start + 5] == 0x6F, out[start + 6] == 0x6E
      {
        let next = word(at: w.end + 1)
        if next.digits {
          start = min(next.end + 1, n)
          continue
        }
      }
      break
    }
    // Leading numbers took so much of a cut-off buffer that the lead may be too short,
    // or its first word kept is its last ("section", before a number not read): read
    // the whole.
    if truncated && (n - start <= limit || word(at: start).end == n) { return nil }
    // A footnote number glued to the last word ("area2"); a cut-off buffer's last word
    // is not the last.
    var end = n
    var lastStart = n
    while lastStart > start && out[lastStart - 1] != 0x20 { lastStart -= 1 }
    if !truncated, end - lastStart > 2, out[end - 1] <= 0x39, out[lastStart] >= 0x61 {
      var k = lastStart
      while k < end && out[k] > 0x39 { k += 1 }
      end = k
    }
    return start..<end
  }

  @inline(__always)
  static func CharacterSet_isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || ("0"..."9").contains(s)
  }
}

/// Groups a document's lines into blocks, undoing hard wraps and page breaks.
///
/// The rules, in order: Markdown and bold-only lines are headings; a line that carries a
/// bullet or list label starts an item, unless it resumes a sentence cut by a page break
/// or is an unlabelled sub-bullet; a known heading standing alone is a heading; a line
/// after a gap continues the block only when the block's sentence is unfinished and the
/// line starts in lowercase; without a gap, a line starts a new paragraph when the
/// previous line ended a sentence and the first word of this line would have fitted on it
/// (so the break cannot be a wrap).
struct BlockBuilder {
  let doc: DocumentText
  /// What `headingEnd` found for each line, once asked: the builder asks again for the
  /// same line as it weighs joining it and opening a block with it.
  private let memo: LineMemo

  init(doc: DocumentText) {
    self.doc = doc
    memo = LineMemo(lines: doc.lines.count)
  }

  private final class LineMemo {
    /// `headingEnd` after an ended sentence: -2 not yet asked, -1 not a heading,
    /// otherwise the heading's last line.
    var headingEnds: [Int32]

    init(lines: Int) {
      headingEnds = [Int32](repeating: -2, count: lines)
    }
  }

  func build() -> [Block] {
    var blocks: [Block] = []
    var blank = 0
    var pageGap = false
    var i = 0
    let info = doc.info
    let lines = doc.lines
    func close(_ b: Block) { blocks.append(b) }
    var cur: Block?

    func flush() {
      if let c = cur.take() { close(finish(c)) }
    }

    while i < lines.count {
      let li = info[i]
      switch li.kind {
      case .blank:
        blank += 1
        i += 1
        continue
      case .furniture:
        pageGap = true
        i += 1
        continue
      case .tableRow:
        flush()
        close(Block(kind: .tableRow, lines: [i], marker: nil, text: li.text))
        blank = 0
        pageGap = false
        i += 1
        continue
      case .text:
        break
      }
      if lines[i].pageBreak { pageGap = true }
      let gap = blank > 0 || pageGap
      let bigGap = pageGap || blank >= 2
      defer {
        blank = 0
        pageGap = false
      }

      // Markdown headings and lines that are bold or italic throughout.
      if let end = emphasisHeadingEnd(i) {
        flush()
        close(finish(Block(kind: .heading, lines: Array(i...end), marker: nil, text: "")))
        i = end + 1
        continue
      }

      if var c = cur.take() {
        // `c` is the only copy while it grows (its lines are appended to in place); every
        // way out of this branch puts it back.
        let p = c.lastLine
        let prevEnded = doc.endsSentence(p) || c.kind == .heading || c.kind == .tableRow
        // A label on its own line ("1.") takes the next line as its words.
        if c.kind == .item, c.lines.count == 1, info[c.firstLine].text.isEmpty {
          c.lines.append(i)
          cur = c
          i += 1
          continue
        }
        if let m = li.marker {
          let resumes =
            bigGap && !prevEnded && !endsList(p) && li.startsLowercase && m.label == nil
            && c.kind != .heading
          let nested =
            c.kind == .item && m.label == nil && m.hasGlyph
            && lines[i].indent > lines[c.firstLine].indent + 1 && !gap
          let numericInProse = m.labelKind == .number && !m.hasGlyph && !prevEnded && !gap && !doc.unwrapped
          if resumes || nested || numericInProse {
            c.lines.append(i)
            cur = c
            i += 1
            continue
          }
        } else if isSalutationOrSignOff(i) || isTitle(i) {
          // handled below as a new block
        } else if c.kind != .heading, !(prevEnded && headingEnd(i, prevEnded: true) != nil),
          !isExactHeadingAfterList(i, after: c)
        {
          if isSalutationOrSignOff(p) || isTitle(p) || isDateLine(p) && !doc.unwrapped {
            // Never join onto a salutation, sign-off, title or date.
          } else if gap {
            // A numbered paragraph that a page break cuts at a full line goes on after it.
            let numberedCarriesOn =
              pageGap && c.kind == .item && c.marker?.labelKind == .number && !doc.unwrapped
              && !wouldHaveFitted(p, i)
            if numberedCarriesOn || !prevEnded && (li.startsLowercase || endsWithHyphen(p)) && !isDateLine(p)
            {
              c.lines.append(i)
              cur = c
              i += 1
              continue
            }
          } else if doc.unwrapped {
            if !prevEnded && li.startsLowercase {
              c.lines.append(i)
              cur = c
              i += 1
              continue
            }
          } else if !(prevEnded && li.startsUppercase && wouldHaveFitted(p, i)) {
            c.lines.append(i)
            cur = c
            i += 1
            continue
          }
        }
        cur = c
      }

      // A new block.
      flush()
      if li.marker == nil
        || li.marker?.hasGlyph == false && li.marker?.labelKind == .number && !li.hasAtMostCharacters(3),
        let end = headingEnd(i, prevEnded: gap || opensAfterEnd(i, after: blocks.last))
      {
        close(finish(Block(kind: .heading, lines: Array(i...end), marker: li.marker, text: "")))
        i = end + 1
        continue
      }
      if let m = li.marker {
        cur = Block(kind: .item, lines: Self.openingLines(i), marker: m, text: "")
      } else {
        cur = Block(kind: .paragraph, lines: Self.openingLines(i), marker: nil, text: "")
      }
      i += 1
    }
    flush()
    return blocks
  }

  /// Whether a block that starts at line `i` after `last` (if any) follows an ended
  /// sentence or its like: a block that is not prose, a salutation, a date, or a list item
  /// that a heading of the domain's exact wording follows.
  private func opensAfterEnd(_ i: Int, after last: Block?) -> Bool {
    guard let last else { return true }
    return doc.endsSentence(last.lastLine) || last.kind != .paragraph && last.kind != .item
      || isSalutationOrSignOff(last.lastLine) || isDateLine(last.lastLine)
      || isExactHeadingAfterList(i, after: last)
  }

  /// The lines of a block that opens at line `i`, with room for a paragraph's worth more.
  private static func openingLines(_ i: Int) -> [Int] {
    var lines: [Int] = []
    lines.reserveCapacity(8)
    lines.append(i)
    return lines
  }

  // MARK: - Text

  /// Joins the block's lines into reading text.
  func finish(_ b: Block) -> Block {
    var b = b
    if b.lines.count == 1 {
      b.text = doc.info[b.lines[0]].text
      return b
    }
    // The lines and a space between each two are never longer than this; whole lines of
    // valid text joined by ASCII bytes are valid UTF-8.
    let info = doc.info
    let lines = b.lines
    var capacity = 0
    for i in lines { capacity += info[i].text.utf8.count + 1 }
    b.text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { out in
      var n = 0
      for i in lines {
        var t = info[i].text
        if t.isEmpty { continue }
        // Something is written only from the first line on.
        if n > 0 {
          if out[n - 1] == UInt8(ascii: "-"), let f = t.unicodeScalars.first, f.properties.isLowercase,
            let before = Self.scalar(before: n - 1, in: UnsafeBufferPointer(out)),
            before.properties.isAlphabetic
          {
            // "centralised-request-for-" + "information": keep the hyphen, no space.
          } else {
            out[n] = 0x20
            n += 1
          }
        }
        t.withUTF8 { line in
          // One copy of the whole line, not a loop over its bytes.
          if let from = line.baseAddress { (out.baseAddress! + n).initialize(from: from, count: line.count) }
          n += line.count
        }
      }
      return ValidUTF8.string(UnsafeBufferPointer(rebasing: out[..<n]))
    }
    return b
  }

  /// The scalar that ends just before byte `end` of valid UTF-8.
  private static func scalar(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
    var start = end
    while start > 0 {
      start -= 1
      if bytes[start] & 0xC0 != 0x80 { break }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars
      .last
  }

  // MARK: - Line tests

  /// Whether line `p` ends with a list separator (`;`, `,`, ` and`, ` or`).
  func endsList(_ p: Int) -> Bool {
    let t = doc.info[p].text
    return t.hasSuffix(";") || t.hasSuffix("; and") || t.hasSuffix("; or")
  }

  func endsWithHyphen(_ p: Int) -> Bool { doc.info[p].text.hasSuffix("-") }

  /// Whether the first word of line `i` would have fitted at the end of line `p`, so
  /// that the line break after `p` cannot be a wrap.
  func wouldHaveFitted(_ p: Int, _ i: Int) -> Bool {
    let firstWord = firstWordLength(i)
    let room = doc.wrapWidth - doc.lines[p].length
    return firstWord + 1 < room - max(3, doc.wrapWidth / 12)
  }

  /// The characters of line `i`'s words before the first space: its bytes when it is ASCII.
  func firstWordLength(_ i: Int) -> Int {
    let li = doc.info[i]
    guard li.isASCII else { return li.text.prefix { $0 != " " }.count }
    let u = li.text.utf8
    return u.distance(from: u.startIndex, to: u.firstIndex(of: 0x20) ?? u.endIndex)
  }

  func isSalutationOrSignOff(_ i: Int) -> Bool {
    let t = doc.info[i].text
    // Every salutation and sign-off starts with one of these letters.
    guard let f = t.utf8.first,
      f == UInt8(ascii: "D") || f | 0x20 == UInt8(ascii: "y") || f | 0x20 == UInt8(ascii: "k")
        || f | 0x20 == UInt8(ascii: "b")
    else { return false }
    if t.hasPrefix("Dear "), t.split(separator: " ").count <= 6, !t.hasSuffix(".") { return true }
    return ASCIIMatch.hasPrefix(t, "yours sincerely") || ASCIIMatch.hasPrefix(t, "yours faithfully")
      || ASCIIMatch.hasPrefix(t, "kind regards") || ASCIIMatch.hasPrefix(t, "best wishes")
  }

  /// The title of a letter or report ("Focused visit to …", "Inspection of …").
  func isTitle(_ i: Int) -> Bool {
    let t = doc.info[i].text
    // Every title starts with one of these capitals: most lines are rejected at once.
    guard let b = t.utf8.first,
      b == UInt8(ascii: "F") || b == UInt8(ascii: "M") || b == UInt8(ascii: "J")
        || b == UInt8(ascii: "I")
    else { return false }
    guard doc.info[i].marker == nil else { return false }
    guard doc.info[i].hasAtMostCharacters(120), !t.hasSuffix("."), doc.info[i].startsWithCapital
    else {
      return false
    }
    if let w = Self.lastWord(t), Self.weakEndings.contains(w.quickLowercased) { return false }
    return TitlePatterns.isTitle(t)
  }

  func isDateLine(_ i: Int) -> Bool {
    let t = doc.info[i].text
    // The date first: it refuses a line without a digit at once, and most short lines.
    return doc.info[i].hasAtMostCharacters(30) && DateParser.fullDate(in: t[...]) != nil
      && t[...].pieces(byte: 0x20, limit: 6).count <= 5
  }

  /// A Markdown heading (`## …`) or a line that is bold or italic throughout
  /// (`**Overview**`, `- 3.25 ***Potential Questions***`); returns its last line.
  func emphasisHeadingEnd(_ i: Int) -> Int? {
    // Only a line whose body starts with "#", "*" or "_" can be one: look at that byte first.
    let bodyStart = doc.lines[i].contentStart + (doc.info[i].marker?.width ?? 0)
    guard bodyStart < doc.lines[i].contentEnd,
      doc.bytes[bodyStart] == UInt8(ascii: "#") || doc.bytes[bodyStart] == UInt8(ascii: "*")
        || doc.bytes[bodyStart] == UInt8(ascii: "_")
    else { return nil }
    let raw = doc.content(i)
    var body = raw[...]
    if let m = doc.info[i].marker { body = Substring(body.utf8.dropFirst(m.width)) }
    if body.hasPrefix("#") {
      return doc.info[i].text.isEmpty ? nil : i
    }
    guard body.hasPrefix("*") || body.hasPrefix("__") else { return nil }
    let stars = body.prefix { $0 == "*" || $0 == "_" }
    guard stars.count >= 1 else { return nil }
    let closing = String(stars)
    if body.count > stars.count * 2, body.hasSuffix(closing),
      !body.dropFirst(stars.count).dropLast(stars.count).contains(closing)
    {
      let words = doc.info[i].text
      guard !words.isEmpty, words.count <= 160 else { return nil }
      return i
    }
    // A bold run over several lines (`**REPORT OF …` … `…**`).
    guard stars.count >= 2, !body.dropFirst(stars.count).contains(closing) else { return nil }
    var k = i + 1
    while k < doc.lines.count, k <= i + 4 {
      let c = doc.content(k)
      if doc.info[k].kind == .blank { return nil }
      if c.contains(closing) { return c.hasSuffix(closing) ? k : nil }
      k += 1
    }
    return nil
  }

  /// A heading that starts at line `i`: a known heading standing alone, or a short
  /// title-like line between paragraphs; returns its last line.
  func headingEnd(_ i: Int, prevEnded: Bool) -> Int? {
    guard prevEnded else { return nil }
    let known = memo.headingEnds[i]
    if known != -2 { return known >= 0 ? Int(known) : nil }
    let end = headingEndAfterSentence(i)
    memo.headingEnds[i] = end.map { Int32($0) } ?? -1
    return end
  }

  private func headingEndAfterSentence(_ i: Int) -> Int? {
    let li = doc.info[i]
    let text = li.text
    guard !text.isEmpty, li.hasAtMostCharacters(130) else { return nil }
    // "(Recommendation)" closes a paragraph; it is not a heading.
    if Self.startsWith(text, ascii: UInt8(ascii: "(")) || Self.startsWith(text, ascii: UInt8(ascii: "[")) {
      return nil
    }
    if isTitle(i) { return i }
    // Older reports: a section title on one or two lines, then "Grade 4 (inadequate)".
    if li.startsWithCapital, !doc.endsSentence(i) {
      var k = i
      for _ in 0..<2 {
        guard let n = nextContent(after: k) else { break }
        if Self.isGradeLine(doc.info[n].text) { return n }
        guard doc.info[n].startsLowercase, doc.info[n].hasAtMostCharacters(59) else { break }
        k = n
      }
    }
    if let last = li.last, last == "." || last == "," || last == ";" {
      // "… are inadequate." closes a judgement heading in older reports.
      if JudgementHeading.matches(text) { return i }
      return nil
    }
    let nextIndex = nextContent(after: i)
    // A judgement heading over two to four lines, the grade perhaps on a line of its own.
    if JudgementHeading.startsJudgement(text) {
      var joined = text
      var k = i
      for _ in 0..<4 {
        if JudgementHeading.matches(joined) { return k }
        guard let n = nextContent(after: k), doc.info[n].marker == nil, n <= k + 3,
          doc.info[n].hasAtMostCharacters(89)
        else { break }
        joined += " " + doc.info[n].text
        k = n
      }
      if JudgementHeading.matches(joined) { return k }
    }
    let short = doc.unwrapped ? li.hasAtMostCharacters(110) : doc.lines[i].length <= doc.wrapWidth * 9 / 10
    // A line that is not short is no heading of the vocabulary, nor a generic one (whose
    // limit, 80 characters or three quarters of the width, is lower): the vocabulary is
    // not looked up for it.
    guard short else { return nil }
    if let kind = HeadingVocabulary.kind(of: text) {
      let exact = HeadingVocabulary.kind(of: text, exact: true) != nil
      if !exact {
        // "Findings from audits show …" is prose, not a heading.
        // Its words as `split(separator: " ")` gives them, counted as far as fifteen.
        let words = text[...].pieces(byte: 0x20, limit: 15).count
        if words > 14 { return nil }
        if let n = nextIndex, n == i + 1, doc.info[n].startsLowercase, doc.info[n].marker == nil {
          return nil
        }
      }
      _ = kind
      return i
    }
    return genericHeading(i, next: nextIndex) ? i : nil
  }

  private static let weakEndings: Set<String> = [
    "and", "or", "of", "the", "to", "for", "with", "in", "a", "an", "on", "at", "by", "from",
    "that", "which", "who", "is", "are", "was", "were", "be", "as", "but", "their", "its", "this",
  ]

  /// A short line standing alone between paragraphs, starting with a capital and not
  /// ending like a broken sentence.
  func genericHeading(_ i: Int, next: Int?) -> Bool {
    let li = doc.info[i]
    guard li.marker == nil, let n = next else { return false }
    let text = li.text
    guard li.startsWithCapital else { return false }
    if let last = li.last, ".,;:!".unicodeScalars.contains(last) { return false }
    let limit = doc.unwrapped ? 80 : doc.wrapWidth * 3 / 4
    guard doc.lines[i].length <= limit else { return false }
    let ni = doc.info[n]
    if ni.kind == .text, ni.marker == nil, !ni.startsUppercase { return false }
    // One to twelve words (the text has a first letter, so at least one), three
    // characters or more.
    let words = text[...].pieces(byte: 0x20, limit: 13)
    guard words.count <= 12, !li.hasAtMostCharacters(2) else { return false }
    if let w = words.last, Self.weakEndings.contains(w.quickLowercased) { return false }
    // Lines that look like address lines (short, many capitals, digits) are not headings.
    // The only ASCII characters that are numbers are the digits.
    if words.count <= 4,
      li.isASCII ? text.hasASCIIDigit : text.contains(where: \.isNumber)
    {
      return false
    }
    if text.utf8.contains(UInt8(ascii: "@")) || text.containsBytes("www.")
      || text.containsBytes("http")
    {
      return false
    }
    if RecommendationCue.isImperative(text) { return false }
    if isSalutationOrSignOff(i) || isDateLine(i) { return false }
    return true
  }

  /// A heading of the domain's exact wording ("Main findings") right after a list item
  /// that ends without a full stop ("… (Outcome 1, national framework)"): list items end
  /// that way, sentences do not continue into such a line.
  func isExactHeadingAfterList(_ i: Int, after block: Block) -> Bool {
    guard block.kind == .item, doc.info[i].marker == nil else { return false }
    let text = doc.info[i].text
    // A judgement heading ("The experiences and progress of …: outstanding") likewise.
    if JudgementHeading.startsJudgement(text), let end = headingEnd(i, prevEnded: true),
      end > i || JudgementHeading.matches(text)
    {
      return true
    }
    guard doc.info[i].hasAtMostCharacters(60), HeadingVocabulary.kind(of: text, exact: true) != nil else {
      return false
    }
    guard let n = nextContent(after: i) else { return true }
    return doc.info[n].startsUppercase || doc.info[n].marker != nil
  }

  /// "Grade 4 (inadequate)", "Grade 2 (good)".
  static func isGradeLine(_ t: String) -> Bool {
    // No other scalars are canonically equivalent to these: a text without their bytes
    // first does not start with them.
    guard t.utf8.starts(with: "Grade ".utf8), t.hasPrefix("Grade "), t.hasAtMostCharacters(40) else {
      return false
    }
    let rest = t.dropFirst(6)
    return rest.first.map { ("1"..."4").contains($0) } ?? false
  }

  /// Whether the text's first character is the ASCII character `b`, as `hasPrefix` tells
  /// it: on bytes unless a byte beyond ASCII follows `b` (it might be a mark that joins it
  /// into another character). Only for a `b` that no other scalar is canonically equivalent
  /// to (not "K", ";" or "`").
  static func startsWith(_ text: String, ascii b: UInt8) -> Bool {
    let u = text.utf8
    guard let f = u.first, f == b else { return false }
    let second = u.index(after: u.startIndex)
    if second == u.endIndex || u[second] < 0x80 { return true }
    return text.hasPrefix(String(Unicode.Scalar(b)))
  }

  /// The last run of characters other than a space, as `split(separator: " ").last` gives
  /// it, found from the end on bytes; by `split` itself when a scalar beyond ASCII stands
  /// next to a space it looked at (and might join it into a larger character).
  static func lastWord(_ text: String) -> Substring? {
    let u = text.utf8
    var end = u.endIndex
    while end > u.startIndex, u[u.index(before: end)] == 0x20 { end = u.index(before: end) }
    guard end > u.startIndex else { return nil }
    var start = end
    while start > u.startIndex, u[u.index(before: start)] != 0x20 { start = u.index(before: start) }
    let touchesSpace =
      (end < u.endIndex && u[u.index(before: end)] >= 0x80)
      || (start > u.startIndex
        && (u[start] >= 0x80
          || u.index(before: start) > u.startIndex && u[u.index(before: u.index(before: start))] >= 0x80))
    if touchesSpace { return text.split(separator: " ").last }
    return text[start..<end]
  }

  func nextContent(after i: Int) -> Int? {
    var k = i + 1
    while k < doc.lines.count {
      if doc.info[k].kind != .blank && doc.info[k].kind != .furniture { return k }
      k += 1
    }
    return nil
  }
}

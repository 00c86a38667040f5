/// The bytes of one document with its lines analysed: what each line is, and how wide
/// the text was wrapped.
struct DocumentText {
  /// The whole input, UTF-8.
  let bytes: [UInt8]
  /// The document's lines.
  let lines: [Line]
  /// One analysis per line.
  var info: [LineInfo]
  /// The typical width of a full line, in characters, for hard-wrapped text.
  let wrapWidth: Int
  /// Whether the text is one paragraph a line (web pages, Markdown) rather than hard-wrapped.
  let unwrapped: Bool

  init(bytes: [UInt8], lines: [Line], info analysed: [LineInfo]? = nil) {
    self.bytes = bytes
    self.lines = lines
    var info = analysed ?? lines.map { LineInfo.analyse($0, bytes) }
    let p = Self.lengthQuantiles(lines, [0.5, 0.75, 0.9])
    unwrapped = p[0] > 130 || p[1] > 170
    wrapWidth = max(40, p[2])
    RunningFurniture.mark(lines: lines, info: &info)
    self.info = info
  }

  /// The lengths of the lines that are not blank at the ascending quantiles `qs`, as
  /// `sorted()[min(count - 1, Int(Double(count) * q))]` gives them (0 when every line is
  /// blank): the lengths are counted rather than sorted, unless one is 4,096 or more.
  static func lengthQuantiles(_ lines: [Line], _ qs: [Double]) -> [Int] {
    let limit = 4_096
    var counts = [Int](repeating: 0, count: limit)
    var n = 0
    for line in lines where !line.isBlank {
      guard line.length < limit else {
        let lengths = lines.compactMap { $0.isBlank ? nil : $0.length }.sorted()
        return qs.map { lengths[min(lengths.count - 1, Int(Double(lengths.count) * $0))] }
      }
      counts[line.length] += 1
      n += 1
    }
    guard n > 0 else { return qs.map { _ in 0 } }
    // The length at rank r is the first whose running count passes r.
    let ranks = qs.map { min(n - 1, Int(Double(n) * $0)) }
    var out = [Int](repeating: 0, count: qs.count)
    var next = 0
    var seen = 0
    for length in 0..<limit where counts[length] > 0 {
      seen += counts[length]
      while next < ranks.count && ranks[next] < seen {
        out[next] = length
        next += 1
      }
      if next == ranks.count { break }
    }
    return out
  }

  /// The text of a byte range, decoded.
  func string(_ start: Int, _ end: Int) -> String {
    ValidUTF8.string(bytes, start..<max(start, end))
  }

  /// The content of line `i`, untrimmed of markup.
  func content(_ i: Int) -> String { string(lines[i].contentStart, lines[i].contentEnd) }

  /// The last non-blank character of line `i` as a scalar.
  func lastScalar(_ i: Int) -> Unicode.Scalar? { info[i].text.unicodeScalars.last }

  /// Whether line `i` ends a sentence (`.`, `?`, `!`, `:`, possibly inside quotes).
  func endsSentence(_ i: Int) -> Bool {
    if let ascii = Self.endsSentenceASCII(info[i].text) { return ascii }
    var scalars = info[i].text.unicodeScalars.reversed().makeIterator()
    while let s = scalars.next() {
      switch s {
      case "\"", "'", "\u{201D}", "\u{2019}", ")", "*", "_":
        continue
      case ".", "?", "!", ":":
        return true
      default:
        return false
      }
    }
    return false
  }

  /// The same on the text's bytes from the end, while they are ASCII (each byte a scalar);
  /// `nil` when a byte beyond ASCII is reached before the answer.
  static func endsSentenceASCII(_ text: String) -> Bool? {
    text.utf8.withContiguousStorageIfAvailable { u -> Bool? in
      var k = u.count
      while k > 0 {
        k -= 1
        switch u[k] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "_"):
          continue
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":"):
          return true
        case 0x80...:
          return nil
        default:
          return false
        }
      }
      return false
    } ?? nil
  }
}

/// What one line is.
struct LineInfo {
  enum Kind: Equatable {
    case blank
    /// Page numbers, running headers and footers, rules, footnote texts.
    case furniture
    case text
    /// A row of a tab-separated table.
    case tableRow
  }

  var kind: Kind
  var marker: ListMarker?
  /// The line's words after any marker, markup removed.
  var text: String
  /// The byte offset where the line's own words start (after the marker).
  var textStart: Int
  /// Whether `text` is known to be ASCII, each byte a character of its own (a line holds
  /// no carriage return, and cleaning ASCII leaves ASCII); false when it may not be.
  var isASCII = false

  /// Whether the words have at most `limit` characters: their bytes, when they are ASCII.
  func hasAtMostCharacters(_ limit: Int) -> Bool {
    isASCII ? text.utf8.count <= limit : text.hasAtMostCharacters(limit)
  }

  /// The first scalar of the words; an ASCII first byte is one on its own.
  var first: Unicode.Scalar? {
    if let b = text.utf8.first, b < 0x80 { return Unicode.Scalar(b) }
    return text.unicodeScalars.first
  }
  /// The last scalar of the words, likewise.
  var last: Unicode.Scalar? {
    if let b = text.utf8.last, b < 0x80 { return Unicode.Scalar(b) }
    return text.unicodeScalars.last
  }
  /// Whether the words start with an uppercase letter. The only ASCII ones are A to Z (and
  /// the only lowercase ones a to z), so an ASCII first byte is read as it is.
  var startsWithCapital: Bool {
    if let b = text.utf8.first, b < 0x80 { return b >= 0x41 && b <= 0x5A }
    return first?.properties.isUppercase ?? false
  }
  var startsLowercase: Bool {
    if let b = text.utf8.first, b < 0x80 { return b >= 0x61 && b <= 0x7A }
    return first.map { $0.properties.isLowercase } ?? false
  }
  var startsUppercase: Bool {
    if let b = text.utf8.first, b < 0x80 {
      return b >= 0x41 && b <= 0x5A || b >= 0x30 && b <= 0x39 || b == UInt8(ascii: "'")
        || b == UInt8(ascii: "\"")
        || b == UInt8(ascii: "(")
    }
    guard let f = first else { return false }
    return f.properties.isUppercase || ("0"..."9").contains(f) || f == "\u{2018}" || f == "\u{201C}"
      || f == "'" || f == "\"" || f == "("
  }

  /// The analysis of `line` of `bytes`, which are valid UTF-8.
  static func analyse(_ line: Line, _ bytes: [UInt8]) -> LineInfo {
    if line.isBlank { return LineInfo(kind: .blank, marker: nil, text: "", textStart: line.contentStart) }
    return bytes.withUnsafeBufferPointer { all in
      analyse(line, all)
    }
  }

  /// The analysis of a line that is not blank, from its content's bytes within all the
  /// bytes: the line is read as a string only when it may be furniture or a table row.
  private static func analyse(_ line: Line, _ all: UnsafeBufferPointer<UInt8>) -> LineInfo {
    let content = UnsafeBufferPointer(rebasing: all[line.contentStart..<line.contentEnd])
    func raw() -> Substring { Substring(ValidUTF8.string(content)) }
    // Furniture is three bytes at most or starts with one of these (see `isFurniture`, whose
    // first tests these are): look at the bytes first.
    let first = content[0]
    let mayBeFurniture =
      content.count <= 3 || first == UInt8(ascii: "-") || first == UInt8(ascii: "*")
      || first == UInt8(ascii: "_") || first | 0x20 == UInt8(ascii: "p") || first == UInt8(ascii: "<")
    if mayBeFurniture, isFurniture(raw()) {
      return LineInfo(kind: .furniture, marker: nil, text: "", textStart: line.contentStart)
    }
    // The tabs (two make a table row) and whether every byte is ASCII, eight bytes at a time.
    var tabs = 0
    var bits: UInt64 = 0
    var k = 0
    while k + 8 <= content.count {
      let w = ByteWord(content, at: k)
      bits |= w.bits
      if w.hasByte(0x09) {
        for j in k..<(k + 8) where content[j] == 0x09 { tabs += 1 }
      }
      k += 8
    }
    while k < content.count {
      bits |= UInt64(content[k])
      if content[k] == 0x09 { tabs += 1 }
      k += 1
    }
    if tabs >= 2 {
      // Keep the cells apart: each cleaned, joined by tabs.
      let cells = raw().split(separator: "\t", omittingEmptySubsequences: false).map {
        InlineMarkup.clean($0)
      }
      return LineInfo(
        kind: .tableRow, marker: nil, text: cells.joined(separator: "\t"), textStart: line.contentStart)
    }
    let marker = ListMarker.parse(content)
    let width = marker?.width ?? 0
    let words = UnsafeBufferPointer(rebasing: content[width...])
    let isASCII = ByteWord(bits: bits).isASCII
    let text = InlineMarkup.clean(words)
    if text.isEmpty, marker == nil {
      // A line of markup only (`**`, `#`).
      return LineInfo(kind: .furniture, marker: nil, text: "", textStart: line.contentStart)
    }
    return LineInfo(
      kind: .text, marker: marker, text: text, textStart: line.contentStart + width, isASCII: isASCII)
  }

  /// Page numbers ("12", "Page 3 of 9", "- 4 -"), horizontal rules, footnote texts.
  static func isFurniture(_ s: Substring) -> Bool {
    let u = s.utf8
    if u.count <= 3, u.allSatisfy({ (0x30...0x39).contains($0) }) { return true }
    if u.count >= 3, let f = u.first,
      f == UInt8(ascii: "-") || f == UInt8(ascii: "*") || f == UInt8(ascii: "_"),
      u.allSatisfy({ $0 == f || $0 == 0x20 })
    {
      return true
    }
    // What follows starts with "page", "- " or "<sup>": other lines are not lowercased.
    guard let first = u.first,
      first == UInt8(ascii: "p") || first == UInt8(ascii: "P") || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "<")
    else { return false }
    // Only lines starting "page ", "- " or "<sup>" (in any case) can be furniture here.
    guard
      ASCIIMatch.hasPrefix(s, "page ") || ASCIIMatch.hasPrefix(s, "- ") || ASCIIMatch.hasPrefix(s, "<sup>")
    else { return false }
    let lower = s.quickLowercased
    if lower.hasPrefix("page ") {
      let rest = lower.dropFirst(5).split(separator: " ")
      if rest.count == 1, rest[0].allSatisfy(\.isNumber) { return true }
      if rest.count == 3, rest[1] == "of", rest[0].allSatisfy(\.isNumber), rest[2].allSatisfy(\.isNumber) {
        return true
      }
    }
    if lower.hasPrefix("- "), lower.hasSuffix(" -"), lower.dropFirst(2).dropLast(2).allSatisfy(\.isNumber) {
      return true
    }
    if lower.hasPrefix("<sup>"), let close = lower.range(of: "</sup>"),
      lower[lower.index(lower.startIndex, offsetBy: 5)..<close.lowerBound].allSatisfy(\.isNumber)
    {
      return true
    }
    return false
  }
}

/// Finds running headers and footers: lines repeated on several pages next to page breaks.
enum RunningFurniture {
  static func mark(lines: [Line], info: inout [LineInfo]) {
    // How often each line occurs: most occur once. The lines are counted by a hash of
    // their bytes first, in a table, and only those whose hash comes three times or more
    // are gathered by their text.
    var hashes: [UInt64] = []
    var candidates: [Int] = []
    info.withUnsafeBufferPointer { info in
      for i in info.indices
      where info[i].kind == .text && info[i].marker == nil && info[i].text.utf8.count >= 12 {
        hashes.append(fingerprint(info[i].text))
        candidates.append(i)
      }
    }
    // The hashes that come three times or more, in ascending order.
    var frequent = hashesThreeTimes(hashes)
    guard !frequent.isEmpty else { return }
    frequent.sort()
    var repeated: [String: [Int]] = [:]
    for (i, hash) in zip(candidates, hashes) where contains(frequent, hash) {
      repeated[info[i].text, default: []].append(i)
    }
    repeated = repeated.filter { $0.value.count >= 3 }
    guard !repeated.isEmpty else { return }
    // Decide every repeated line on the unmarked lines first, in a fixed order, then mark:
    // the result must not depend on the order a dictionary happens to give.
    var marked: [Int] = []
    for (text, indices) in repeated.sorted(by: { $0.value[0] < $1.value[0] }) {
      // A heading repeated in a contents list is not a running header.
      if HeadingVocabulary.kind(of: text) != nil || Grade.exact(text) != nil { continue }
      var nearBreak = 0
      for i in indices where isNearPageBoundary(i, lines: lines, info: info) { nearBreak += 1 }
      if nearBreak >= 3, nearBreak * 2 >= indices.count {
        // The title on the first page is the document's, not a running header.
        let firstContent = info.firstIndex { $0.kind == .text } ?? 0
        marked += indices.filter { $0 > firstContent + 4 }
      }
    }
    for i in marked { info[i].kind = .furniture }
  }

  /// The hashes that come three times or more, each once, in the order they reach three:
  /// counted in a table with open addressing, at least twice as large as there are hashes.
  static func hashesThreeTimes(_ hashes: [UInt64]) -> [UInt64] {
    var size = 16
    while size < hashes.count * 2 { size <<= 1 }
    var keys = [UInt64](repeating: 0, count: size)
    // Zero marks an empty slot.
    var counts = [Int32](repeating: 0, count: size)
    var frequent: [UInt64] = []
    for h in hashes {
      var slot = Int(truncatingIfNeeded: h ^ h >> 29) & (size - 1)
      while counts[slot] != 0 && keys[slot] != h { slot = (slot + 1) & (size - 1) }
      keys[slot] = h
      counts[slot] += 1
      if counts[slot] == 3 { frequent.append(h) }
    }
    return frequent
  }

  /// Whether ascending `values` hold `value`, by halving.
  private static func contains(_ values: [UInt64], _ value: UInt64) -> Bool {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < values.count && values[low] == value
  }

  /// A hash of the text's bytes, eight at a time, then the rest one by one (FNV-1a's
  /// steps).
  private static func fingerprint(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { u -> UInt64 in
      var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(u.count)
      var i = 0
      if let base = u.baseAddress {
        let raw = UnsafeRawPointer(base)
        while i + 8 <= u.count {
          h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
          h ^= h >> 32
          i += 8
        }
      }
      while i < u.count {
        h = (h ^ UInt64(u[i])) &* 0x100_0000_01b3
        i += 1
      }
      return h
    }
  }

  private static func isNearPageBoundary(_ i: Int, lines: [Line], info: [LineInfo]) -> Bool {
    let lo = max(0, i - 3)
    let hi = min(lines.count - 1, i + 3)
    for k in lo...hi where k != i {
      if lines[k].pageBreak || info[k].kind == .furniture { return true }
    }
    return lines[i].pageBreak
  }
}

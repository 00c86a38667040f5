/// Removes the marks that web pages, Markdown conversions and PDF extraction leave in a
/// line, so that item text reads as prose.
enum InlineMarkup {
  /// The line's text without Markdown emphasis, `<sup>` footnote markers, link targets,
  /// heading hashes or stray bullet glyphs; inner white space collapsed.
  static func clean(_ raw: Substring) -> String {
    // A substring of a valid string is copied without its UTF-8 being checked again.
    let found: Shape =
      raw.utf8.withContiguousStorageIfAvailable { shape(of: $0) }
      ?? Array(raw.utf8).withUnsafeBufferPointer { shape(of: $0) }
    switch found {
    case .verbatim: return String(raw)
    case .spacing: return collapseSpaces(bytes: raw.utf8, wide: true)
    case .markup: return marked(raw)
    }
  }

  /// The same for valid UTF-8 bytes (see `ValidUTF8`), which are read as a string only
  /// when they hold markup.
  static func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    switch shape(of: bytes) {
    case .verbatim: return ValidUTF8.string(bytes)
    case .spacing: return collapseSpaces(bytes: bytes, wide: true)
    case .markup: return marked(Substring(ValidUTF8.string(bytes)))
    }
  }

  /// What cleaning a line's bytes comes to.
  enum Shape {
    /// The bytes are their own clean text.
    case verbatim
    /// Only their spacing is tidied: runs collapsed to one space, the ends trimmed.
    case spacing
    /// They hold markup, for the general path.
    case markup
  }

  /// Most lines hold no markup: they are copied as they are, or with their spacing tidied.
  /// Eight bytes at a time while none is below a space or C2 (which would need a closer
  /// look): such a word is markup when it holds a markup byte, and spacing to tidy when
  /// it holds two spaces in a row (one of them perhaps the last byte of the word before).
  static func shape(of bytes: UnsafeBufferPointer<UInt8>) -> Shape {
    var spacing = false
    var previous: UInt8 = 0
    let markup: Bool = byteClasses.withUnsafeBufferPointer { classes in
      /// Reads one byte as `shapeByBytes` does; true when it is markup.
      @inline(__always) func step(_ b: UInt8) -> Bool {
        let c = classes[Int(b)]
        if c != 0 {
          if c == markupByte { return true }
          if c == spacingByte || previous == 0x20 { spacing = true }
        }
        previous = b
        return false
      }
      var i = 0
      while i + 8 <= bytes.count {
        let w = ByteWord(bytes, at: i)
        if w.hasByte(below: 0x20) || w.hasByte(0xC2) {
          for k in i..<(i + 8) where step(bytes[k]) { return true }
        } else {
          let marks =
            w.marks(of: UInt8(ascii: "*")) | w.marks(of: UInt8(ascii: "_")) | w.marks(of: UInt8(ascii: "<"))
            | w.marks(of: UInt8(ascii: "[")) | w.marks(of: UInt8(ascii: "#"))
          if marks != 0 { return true }
          // The high bit of each byte that is a space, exactly.
          let spaces = ~ByteWord(bits: w.bits ^ (ByteWord.ones &* 0x20)).nonZeroBytes & ByteWord.highs
          let follows = spaces << 8 | (previous == 0x20 ? 0x80 : 0)
          if spaces & follows != 0 { spacing = true }
          previous = UInt8(truncatingIfNeeded: w.bits >> 56)
        }
        i += 8
      }
      while i < bytes.count {
        if step(bytes[i]) { return true }
        i += 1
      }
      return false
    }
    if markup { return .markup }
    if !spacing, bytes.first != 0x20, bytes.last != 0x20 { return .verbatim }
    return .spacing
  }

  /// The same, a byte at a time: what `shape(of:)` must agree with.
  static func shapeByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Shape {
    var spacing = false
    let markup: Bool = byteClasses.withUnsafeBufferPointer { classes in
      var previous: UInt8 = 0
      for b in bytes {
        let c = classes[Int(b)]
        if c != 0 {
          if c == markupByte { return true }
          if c == spacingByte || previous == 0x20 { spacing = true }
        }
        previous = b
      }
      return false
    }
    if markup { return .markup }
    if !spacing, bytes.first != 0x20, bytes.last != 0x20 { return .verbatim }
    return .spacing
  }

  /// The general path, for a line with markup.
  private static func marked(_ raw: Substring) -> String {
    var out = ""
    out.reserveCapacity(raw.utf8.count)
    var s = raw[...]
    // Heading hashes.
    while s.first == "#" { s = s.dropFirst() }
    var i = s.startIndex
    while i < s.endIndex {
      let c = s[i]
      if c == "*" || (c == "_" && isEmphasisUnderscore(s, at: i)) {
        i = s.index(after: i)
        continue
      }
      if c == "<" {
        if let (replacement, next) = tag(s, at: i) {
          out += replacement
          i = next
          continue
        }
      }
      if c == "[", let (label, next) = link(s, at: i) {
        out += label
        i = next
        continue
      }
      if c == "\t" || c == "\u{A0}" || c == "\u{0C}" {
        out.append(" ")
      } else {
        out.append(c)
      }
      i = s.index(after: i)
    }
    return collapseSpaces(out)
  }

  private static let markupByte: UInt8 = 1
  private static let spacingByte: UInt8 = 2
  private static let spaceByte: UInt8 = 3

  /// What each byte may mean to `clean`: markup (`*`, `_`, `<`, `[`, `#`), spacing to
  /// tidy (tabs, form feeds, line breaks, the first byte of a no-break space), a space
  /// (two in a row are spacing to tidy), or nothing.
  private static let byteClasses: [UInt8] = {
    var classes = [UInt8](repeating: 0, count: 256)
    for b in "*_<[#".utf8 { classes[Int(b)] = markupByte }
    for b: UInt8 in [0x09, 0x0C, 0x0A, 0x0D, 0xC2] { classes[Int(b)] = spacingByte }
    classes[0x20] = spaceByte
    return classes
  }()

  /// Collapses runs of spaces, tabs and line breaks to one space and trims the ends.
  static func collapseSpaces(_ text: String) -> String { collapseSpaces(bytes: text.utf8) }

  /// The same for UTF-8 bytes (a span of the source, say), on bytes; with `wide`, form
  /// feeds and no-break spaces (C2 A0) count as spaces too, as they do in a line of text.
  static func collapseSpaces<Bytes: Sequence<UInt8>>(bytes: Bytes, wide: Bool = false) -> String {
    // The result is never longer than its source. Spaces and line breaks are ASCII, and a
    // no-break space is a whole scalar: collapsing them leaves valid UTF-8 valid, and a
    // source cut inside a scalar keeps the cut bytes at its ends, where `ValidUTF8` sees them.
    let direct = bytes.withContiguousStorageIfAvailable { source in
      // Most spans (an evidence phrase, say) are words and single spaces already, which
      // collapsing would copy as they are: the string is made from them directly.
      if isCollapsed(source, wide: wide) { return ValidUTF8.string(source) }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(source.count, 1)) { out in
        ValidUTF8.string(UnsafeBufferPointer(rebasing: out[..<collapseSpaces(source, into: out, wide: wide)]))
      }
    }
    if let direct { return direct }
    return collapseSpaces(bytes: Array(bytes), wide: wide)
  }

  /// Whether collapsing the bytes would leave them as they are: every byte up to a space
  /// is a single space between two other bytes (and, with `wide`, none is C2, which may
  /// start a no-break space).
  @inline(__always)
  static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>, wide: Bool) -> Bool {
    // A leading space is not kept, nor is a space after a space. (Without `wide` no byte
    // above a space stops the check: 0 is below one.)
    let stop: UInt8 = wide ? 0xC2 : 0
    var afterSpace = true
    for b in bytes {
      if b <= 0x20 {
        if b != 0x20 || afterSpace { return false }
        afterSpace = true
      } else if b == stop {
        return false
      } else {
        afterSpace = false
      }
    }
    return !afterSpace || bytes.isEmpty
  }

  /// Writes the collapsed bytes of `source` to the start of `out`, which is at least as
  /// long, and returns how many it wrote.
  private static func collapseSpaces(
    _ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, wide: Bool
  ) -> Int {
    var n = 0
    var pendingSpace = false
    @inline(__always) func emit(_ b: UInt8) {
      if pendingSpace {
        out[n] = 0x20
        n += 1
      }
      pendingSpace = false
      out[n] = b
      n += 1
    }
    // A C2 byte waits to see whether A0 follows it.
    var heldC2 = false
    var i = 0
    while i < source.count {
      // Eight bytes at a time while none of them is a space, a control byte or (with `wide`)
      // C2: they are copied as they are.
      if !heldC2, i + 8 <= source.count {
        let w = ByteWord(source, at: i)
        if !w.hasByte(below: 0x21), !(wide && w.hasByte(0xC2)) {
          if pendingSpace {
            out[n] = 0x20
            n += 1
            pendingSpace = false
          }
          UnsafeMutableRawPointer(out.baseAddress! + n).storeBytes(of: w.bits.littleEndian, as: UInt64.self)
          n += 8
          i += 8
          continue
        }
      }
      let b = source[i]
      i += 1
      if heldC2 {
        heldC2 = false
        if b == 0xA0 {
          pendingSpace = n > 0
          continue
        }
        emit(0xC2)
      }
      if wide && b == 0xC2 {
        heldC2 = true
      } else if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || wide && b == 0x0C {
        pendingSpace = n > 0
      } else {
        emit(b)
      }
    }
    if heldC2 { emit(0xC2) }
    return n
  }

  private static func isEmphasisUnderscore(_ s: Substring, at i: Substring.Index) -> Bool {
    // `__bold__` only; a single underscore inside a word is kept.
    let next = s.index(after: i)
    return next < s.endIndex && s[next] == "_"
  }

  /// `<sup>1</sup>` (a footnote marker) is dropped; `<sup>st</sup>` keeps its letters;
  /// `<br>` and other simple tags become a space.
  private static func tag(_ s: Substring, at i: Substring.Index) -> (String, Substring.Index)? {
    let rest = s[i...]
    let lower = rest.prefix(6).quickLowercased
    if lower.hasPrefix("<sup>") {
      let inner = rest.dropFirst(5)
      guard let close = inner.range(of: "</sup>") else { return nil }
      let content = inner[inner.startIndex..<close.lowerBound]
      let keep = content.allSatisfy(\.isNumber) ? "" : String(content)
      return (keep, close.upperBound)
    }
    if lower.hasPrefix("<br") || lower.hasPrefix("</sup") || lower.hasPrefix("<sub")
      || lower.hasPrefix("</sub")
    {
      guard let close = rest.firstIndex(of: ">") else { return nil }
      return (lower.hasPrefix("<br") ? " " : "", s.index(after: close))
    }
    return nil
  }

  /// `[label](target)` becomes `label`.
  private static func link(_ s: Substring, at i: Substring.Index) -> (String, Substring.Index)? {
    let rest = s[s.index(after: i)...]
    guard let closeBracket = rest.firstIndex(of: "]") else { return nil }
    let afterBracket = s.index(after: closeBracket)
    guard afterBracket < s.endIndex, s[afterBracket] == "(",
      let closeParen = s[afterBracket...].firstIndex(of: ")")
    else { return nil }
    return (String(rest[rest.startIndex..<closeBracket]), s.index(after: closeParen))
  }
}

/// A run of lines that reads as one unit: a paragraph, a list item, a heading, a table row.
struct Block {
  enum Kind: Equatable {
    case paragraph
    case item
    case heading
    case tableRow
  }

  var kind: Kind
  /// Indices of the block's content lines (blank lines and page furniture excluded).
  var lines: [Int]
  var marker: ListMarker?
  /// The words, normalised for reading.
  var text: String

  var firstLine: Int { lines[0] }
  var lastLine: Int { lines[lines.count - 1] }
}

extension Block {
  /// The source span: from the start of the first line's content (marker included) to
  /// the end of the last line's content.
  func span(in doc: DocumentText) -> Span {
    Span(start: doc.lines[firstLine].contentStart, end: doc.lines[lastLine].contentEnd)
  }

  /// The byte ranges of the block's own words, line by line: after the first line's
  /// marker, without the blank lines and page furniture between them.
  func sourceRanges(in doc: DocumentText) -> [Range<Int>] {
    lines.map { i in
      let start = i == firstLine ? doc.info[i].textStart : doc.lines[i].contentStart
      return min(start, doc.lines[i].contentEnd)..<doc.lines[i].contentEnd
    }
  }
}

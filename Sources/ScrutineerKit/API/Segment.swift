/// A part of a document with a kind, its heading as written, and its items.
public struct Segment: Hashable, Sendable {
  public var kind: SegmentKind
  /// The heading as written, without Markdown marks or numbering; `nil` when untitled.
  public var heading: String?
  /// The span of the whole segment, heading included.
  public var span: Span
  public var items: [Item]

  public init(kind: SegmentKind, heading: String?, span: Span, items: [Item]) {
    self.kind = kind
    self.heading = heading
    self.span = span
    self.items = items
  }
}

/// One bullet, numbered paragraph, prose paragraph or table row.
public struct Item: Hashable, Sendable {
  /// The item's text normalised for reading: hard wraps, page breaks, bullet glyphs
  /// and Markdown marks removed.
  public var text: String
  /// The item's source in the text, bullet or number included.
  public var span: Span
  /// The item's number within its document, from 1, in reading order.
  public var number: Int = 0
  /// The label the text gives the item ("3.21", "a", "KPI 4"), if any.
  public var label: String?
  /// The document's answer to this item (a council's response to a recommendation).
  public var response: Response?
  /// The parsed row, for items of a KPI table.
  public var kpi: KPIRow?
  /// Themes, polarity and quantifier, once a `Tagger` has run.
  public var analysis: ItemAnalysis?
  /// The byte ranges of the item's own words, line by line, without page furniture.
  var sourceRanges: [Range<Int>] = []

  public init(text: String, span: Span, label: String? = nil) {
    self.text = text
    self.span = span
    self.label = label
  }
}

/// A response paired with the item it answers.
public struct Response: Hashable, Sendable {
  public var text: String
  public var span: Span
}

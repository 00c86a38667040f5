/// A document as the comparison needs it: who, when, what kind, and its tagged items.
///
/// Built from a parsed `Document` or read back from a batch's `documents.jsonl`.
public struct EvidenceDocument: Hashable, Sendable {
  public var path: String
  public var kind: DocumentKind
  public var authority: String
  public var date: ISODate?
  public var title: String?
  public var items: [EvidenceItem]
  public var kpis: [KPIReading]
  /// Judgements by area ("overallEffectiveness" → "good"), for inspection reports.
  public var judgements: [String: String] = [:]

  /// Whether what the document says counts as the inspectorate's evidence.
  public var isInspectorate: Bool { kind.isInspectorate }

  /// A short name for the document: "2018-08-14 monitoring visit letter".
  public var label: String {
    (date?.description ?? "undated") + " " + kind.rawValue.replacingOccurrences(of: "-", with: " ")
  }
}

/// One item with what the rule engine said of it.
public struct EvidenceItem: Hashable, Sendable {
  public var number: Int
  public var segment: SegmentKind
  public var text: String
  public var themes: [String]
  public var polarity: Polarity
  public var span: Span
  /// The council's response, when the document pairs one with the item.
  public var response: String?
  /// The words that earned each theme, as they stand in the source.
  public var evidence: [String: [String]] = [:]

  /// Whether the item is the inspectorate's words in an authority's document: a
  /// recommendation quoted in a council response stays Ofsted's.
  func isInspectorateVoice(in document: EvidenceDocument) -> Bool {
    document.isInspectorate || segment == .recommendations
  }

  /// Whether the item asks for improvement: a concern, or half of a mixed item, or any
  /// item of an improvement list.
  var raisesConcern: Bool { polarity == .concern || polarity == .mixed || segment.isImprovementList }
  var praises: Bool { (polarity == .strength || polarity == .mixed) && !segment.isImprovementList }
}

/// A KPI value from a committee paper.
public struct KPIReading: Hashable, Sendable {
  public var label: String?
  public var indicator: String
  public var target: String?
  public var tolerance: String?
  public var actual: String?
  public var outsideTolerance: Bool?
}

extension EvidenceDocument {
  /// The evidence view of a parsed document.
  public init(_ d: Document, path: String) {
    self.path = path
    kind = d.kind
    authority = d.metadata.localAuthority ?? "Unknown authority"
    date = d.metadata.date
    title = d.metadata.title
    var items: [EvidenceItem] = []
    var kpis: [KPIReading] = []
    for s in d.segments {
      for i in s.items {
        if let k = i.kpi {
          kpis.append(
            KPIReading(
              label: i.label, indicator: k.indicator, target: k.target?.text, tolerance: k.tolerance?.text,
              actual: k.actual?.text, outsideTolerance: k.outsideTolerance))
          continue
        }
        guard s.kind != .boilerplate && s.kind != .scope else { continue }
        items.append(
          EvidenceItem(
            number: i.number, segment: s.kind, text: i.text, themes: i.analysis?.themes.map(\.id) ?? [],
            polarity: i.analysis?.polarity ?? .neutral, span: i.span, response: i.response?.text,
            evidence: Dictionary(uniqueKeysWithValues: (i.analysis?.themes ?? []).map { ($0.id, $0.evidence.map(\.text)) })))
      }
    }
    self.items = items
    self.kpis = kpis
    judgements = Dictionary(uniqueKeysWithValues: d.metadata.judgements.map { ($0.key.rawValue, $0.value.rawValue) })
  }
}

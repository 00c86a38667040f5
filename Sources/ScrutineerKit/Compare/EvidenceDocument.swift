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
    (date?.description ?? "undated") + " "
      + String(
        decoding: kind.rawValue.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
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
  /// Each theme's own polarity (from the sentences that hold its evidence).
  public var themePolarity: [String: Polarity] = [:]

  /// Whether the item is the inspectorate's words in an authority's document: a
  /// recommendation quoted in a council response stays Ofsted's.
  func isInspectorateVoice(in document: EvidenceDocument) -> Bool {
    document.isInspectorate || segment == .recommendations
  }

  /// Whether the item asks for improvement: a concern, or half of a mixed item, or any
  /// item of an improvement list.
  var raisesConcern: Bool { polarity == .concern || polarity == .mixed || segment.isImprovementList }
  var praises: Bool { (polarity == .strength || polarity == .mixed) && !segment.isImprovementList }

  /// The item's polarity on one theme: the sentences about that theme, not the whole item.
  func polarity(on theme: String) -> Polarity {
    segment.isImprovementList ? .concern : themePolarity[theme] ?? polarity
  }

  func raisesConcern(on theme: String) -> Bool {
    let p = polarity(on: theme)
    return p == .concern || p == .mixed
  }

  func praises(on theme: String) -> Bool {
    let p = polarity(on: theme)
    return (p == .strength || p == .mixed) && !segment.isImprovementList
  }

  /// The sentence that carries the theme: one holding its evidence, preferring one that
  /// criticises when `concern` is asked for.
  func sentence(on theme: String, concern: Bool) -> String {
    let sentences = text.components(separatedBy: ". ").map { $0.hasSuffix(".") ? $0 : $0 + "." }
    let phrases = (evidence[theme] ?? []).map { $0.lowercased() }
    let holding = sentences.filter { s in
      let l = s.lowercased()
      return phrases.contains { TextSearch.contains(l, $0) }
    }
    let critical = [
      "not ", "however", "inconsistent", "delay", "too ", "lack", "weak", "poor", "remain", "insufficient",
      "variable", "limited", "need",
    ]
    if concern,
      let c = holding.first(where: { s in
        let l = s.lowercased()
        return critical.contains { TextSearch.contains(l, $0) }
      })
    {
      return c
    }
    return holding.first ?? sentences.first ?? text
  }
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
            evidence: Dictionary(
              uniqueKeysWithValues: (i.analysis?.themes ?? []).map { ($0.id, $0.evidence.map(\.text)) }),
            themePolarity: Dictionary(
              uniqueKeysWithValues: (i.analysis?.themes ?? []).map { ($0.id, $0.polarity) })))
      }
    }
    self.items = items
    self.kpis = kpis
    judgements = Dictionary(
      uniqueKeysWithValues: d.metadata.judgements.map { ($0.key.rawValue, $0.value.rawValue) })
  }
}

/// Everything said about one theme, in date order across documents.
public struct ThemeHistory: Sendable {
  public struct Entry: Sendable {
    public var document: EvidenceDocument
    public var item: EvidenceItem
    /// Whether the words are the inspectorate's (a letter or report, or a recommendation
    /// a council document quotes).
    public var inspectorate: Bool
  }
  public var theme: String
  public var entries: [Entry]

  /// Items tagged with `theme`, ordered by authority, date, document and item.
  public static func of(theme: String, in documents: [EvidenceDocument]) -> ThemeHistory {
    var entries: [Entry] = []
    let sorted = documents.sorted {
      ($0.authority, $0.date?.dayNumber ?? Int.min, $0.path) < (
        $1.authority, $1.date?.dayNumber ?? Int.min, $1.path
      )
    }
    for d in sorted {
      for i in d.items where i.themes.contains(theme) {
        entries.append(Entry(document: d, item: i, inspectorate: i.isInspectorateVoice(in: d)))
      }
    }
    return ThemeHistory(theme: theme, entries: entries)
  }
}

/// What changed between two documents.
public struct DocumentDiff: Sendable {
  public var old: EvidenceDocument
  public var new: EvidenceDocument
  public var themesGained: [String]
  public var themesLost: [String]
  /// Themes that were a concern in the old document and that the new one mentions
  /// without concern.
  public var concernsResolved: [String]
  /// Themes that were a concern in the old document and that the new one does not look at:
  /// not resolved, only not examined.
  public var concernsNotLookedAt: [String]
  /// Themes that are a concern in the new document and were not in the old one.
  public var concernsNew: [String]
  /// Themes that are a concern in both.
  public var concernsContinuing: [String]
  /// Areas for improvement of the old document with the new document's closest item.
  public var carriedOver: [(old: EvidenceItem, new: EvidenceItem, similarity: Double)]

  public static func between(_ old: EvidenceDocument, _ new: EvidenceDocument, themes order: [String])
    -> DocumentDiff
  {
    func themes(_ d: EvidenceDocument) -> Set<String> { Set(d.items.flatMap(\.themes)) }
    func concerns(_ d: EvidenceDocument) -> Set<String> {
      Set(d.items.flatMap { i in i.themes.filter { i.raisesConcern(on: $0) } })
    }
    func ordered(_ s: Set<String>) -> [String] { order.filter(s.contains) + s.subtracting(order).sorted() }
    let ot = themes(old)
    let nt = themes(new)
    let oc = concerns(old)
    let nc = concerns(new)
    var carried: [(EvidenceItem, EvidenceItem, Double)] = []
    let newWords = new.items.map { Similarity.words($0.text) }
    for o in old.items where o.segment.isImprovementList {
      let ow = Similarity.words(o.text)
      var best: (Int, Double)?
      for (k, n) in new.items.enumerated() where n.raisesConcern && !Set(n.themes).isDisjoint(with: o.themes)
      {
        let s = Similarity.overlap(ow, newWords[k])
        if s.shared >= 2, s.score >= Similarity.chainThreshold, best == nil || s.score > best!.1 {
          best = (k, s.score)
        }
      }
      if let (k, s) = best { carried.append((o, new.items[k], s)) }
    }
    return DocumentDiff(
      old: old, new: new, themesGained: ordered(nt.subtracting(ot)), themesLost: ordered(ot.subtracting(nt)),
      concernsResolved: ordered(oc.subtracting(nc).intersection(nt)),
      concernsNotLookedAt: ordered(oc.subtracting(nt)),
      concernsNew: ordered(nc.subtracting(oc)),
      concernsContinuing: ordered(oc.intersection(nc)), carriedOver: carried)
  }
}

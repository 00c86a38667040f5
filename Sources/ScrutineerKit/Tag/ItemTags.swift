/// A theme given to an item, with the evidence for it.
public struct ThemeTag: Hashable, Sendable {
  public var id: String
  public var evidence: [Evidence]
  /// The polarity of the sentences that hold this theme's evidence: an item may praise
  /// one subject and criticise another.
  public var polarity: Polarity = .neutral
}

/// Why a tag was given: the rule that fired and where it matched in the source.
public struct Evidence: Hashable, Sendable {
  /// The rule's id ("early-help/offer").
  public var rule: String
  public var span: Span
  /// The matched words as they stand in the source.
  public var text: String
}

/// Everything the rule engine says about an item, with the workings for `--explain`.
public struct ItemAnalysis: Hashable, Sendable {
  public var themes: [ThemeTag] = []
  public var polarity: Polarity = .neutral
  public var quantifier: Quantifier?
  /// Rules that fired, in order, including polarity and quantifier cues.
  public var fired: [Evidence] = []
  /// Themes that a rule gave but an `unless` rule took away.
  public var excluded: [(theme: String, rule: String)] = []
  /// Cue scores behind the polarity.
  public var strengthScore: Double = 0
  public var concernScore: Double = 0

  public static func == (a: ItemAnalysis, b: ItemAnalysis) -> Bool {
    a.themes == b.themes && a.polarity == b.polarity && a.quantifier == b.quantifier && a.fired == b.fired
      && a.excluded.map { $0.theme + $0.rule } == b.excluded.map { $0.theme + $0.rule }
  }

  public func hash(into h: inout Hasher) {
    h.combine(themes)
    h.combine(polarity)
    h.combine(quantifier)
  }
}

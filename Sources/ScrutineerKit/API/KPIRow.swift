/// A row of a key performance indicator table, numbers parsed.
public struct KPIRow: Hashable, Sendable {
  /// The indicator as written ("% of re-referrals within 12 months").
  public var indicator: String
  public var target: Measure?
  public var tolerance: MeasureRange?
  public var actual: Measure?
  /// Whether `actual` falls outside `tolerance`; `nil` when either is missing.
  public var outsideTolerance: Bool? {
    guard let actual, let tolerance else { return nil }
    return actual.value < tolerance.low.value || actual.value > tolerance.high.value
  }
}

/// A number with its unit, as a KPI table writes it ("85%", "240 days").
public struct Measure: Hashable, Sendable {
  public var value: Double
  /// "%", "days", "weeks", or "" for a bare number.
  public var unit: String
  /// The cell as written.
  public var text: String
}

/// A range such as "75–95%" or "220–260 days".
public struct MeasureRange: Hashable, Sendable {
  public var low: Measure
  public var high: Measure
  public var text: String
}

/// Rows of a key performance indicator table, with numbers parsed.
enum KPITable {
  /// Which column holds what.
  struct Columns: Hashable {
    var indicator: Int?
    var target: Int?
    var tolerance: Int?
    var actual: Int?
  }

  static func cells(_ text: String) -> [String] {
    text.split(separator: "\t", omittingEmptySubsequences: false).map {
      InlineMarkup.collapseSpaces(String($0))
    }
  }

  static func isHeader(_ text: String) -> Bool {
    let lower = text.quickLowercased
    let hasWords =
      lower.containsBytes("target") || lower.containsBytes("tolerance") || lower.containsBytes("indicator")
    return hasWords && cells(text).allSatisfy { Measure.parse($0) == nil }
  }

  static func looksLikeKPIRow(_ text: String) -> Bool {
    let c = cells(text)
    return c.count >= 3 && c.filter { Measure.parse($0) != nil || MeasureRange.parse($0) != nil }.count >= 2
  }

  static func columns(header: String) -> Columns {
    var cols = Columns()
    for (k, c) in cells(header).enumerated() {
      let l = c.quickLowercased
      if l.containsBytes("tolerance") || l.containsBytes("range") {
        cols.tolerance = k
      } else if l.containsBytes("target") {
        cols.target = k
      } else if l.containsBytes("indicator") || l.containsBytes("measure") || l.containsBytes("description") {
        cols.indicator = k
      } else if k > 0, cols.target != nil || cols.tolerance != nil {
        cols.actual = k
      }
    }
    return cols
  }

  /// "KPI 4", "4", or the row's first cell when it is a short code.
  static func label(_ text: String) -> String? {
    guard let first = cells(text).first, first.count <= 10, first.contains(where: \.isNumber) else {
      return nil
    }
    return first
  }

  static func row(_ text: String, columns: Columns?) -> KPIRow? {
    let c = cells(text)
    guard c.count >= 3 else { return nil }
    func cell(_ k: Int?) -> String? { k.flatMap { $0 < c.count ? c[$0] : nil } }
    let indicatorIndex =
      columns?.indicator
      ?? c.indices.max { c[$0].count < c[$1].count }
      ?? 0
    let indicator = cell(indicatorIndex) ?? ""
    var target = cell(columns?.target).flatMap(Measure.parse)
    var tolerance = cell(columns?.tolerance).flatMap(MeasureRange.parse)
    var actual = cell(columns?.actual).flatMap(Measure.parse)
    if columns == nil || (target == nil && tolerance == nil) {
      // No header: the first measure after the indicator is the target, the range the
      // tolerance, the last measure the actual value.
      let rest = c[(indicatorIndex + 1)...]
      tolerance = rest.lazy.compactMap(MeasureRange.parse).first
      let measures = rest.filter { MeasureRange.parse($0) == nil }.compactMap(Measure.parse)
      target = measures.first
      actual = measures.count >= 2 ? measures.last : nil
    }
    // A bare actual value takes the unit of its target ("168" against "240 days").
    if var a = actual, a.unit.isEmpty, let t = target, !t.unit.isEmpty {
      a.unit = t.unit
      actual = a
    }
    return KPIRow(indicator: indicator, target: target, tolerance: tolerance, actual: actual)
  }
}

extension Measure {
  /// "85%", "36.1%", "240 days", "15", "£1.2m" is not a measure.
  static func parse(_ cell: String) -> Measure? {
    let t = cell.trimmingCharacters(in: " ")
    guard !t.isEmpty else { return nil }
    var number = ""
    var rest = Substring(t)
    while let c = rest.first, c.isNumber || c == "." || c == "," && !number.isEmpty {
      if c != "," { number.append(c) }
      rest = rest.dropFirst()
    }
    guard let value = Double(number) else { return nil }
    let unit = rest.trimmingCharacters(in: " ").quickLowercased
    let known = ["", "%", "days", "day", "weeks", "week", "months", "month", "hours", "years"]
    guard known.contains(unit) else { return nil }
    return Measure(value: value, unit: unit, text: t)
  }
}

extension MeasureRange {
  /// "75–95%", "220–260 days", "12-20".
  static func parse(_ cell: String) -> MeasureRange? {
    let t = cell.trimmingCharacters(in: " ")
    for sep in ["–", "—", " - ", "-", " to "] {
      let parts = t.components(separatedBy: sep)
      guard parts.count == 2 else { continue }
      guard var low = Measure.parse(parts[0]), let high = Measure.parse(parts[1]) else { continue }
      if low.unit.isEmpty { low.unit = high.unit }
      return MeasureRange(low: low, high: high, text: t)
    }
    return nil
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    let chars = Set(set)
    var s = Substring(self)
    while let f = s.first, chars.contains(f) { s = s.dropFirst() }
    while let l = s.last, chars.contains(l) { s = s.dropLast() }
    return String(s)
  }
}

extension Substring {
  func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}

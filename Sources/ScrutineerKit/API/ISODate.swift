/// A calendar date, or a month when the text gives no day, printed as ISO 8601.
public struct ISODate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  /// The day of the month, or `nil` when only the month is known.
  public var day: Int?

  public init(year: Int, month: Int, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` or `YYYY-MM`.
  public init?(iso: String) {
    let parts = iso.split(separator: "-")
    guard parts.count == 2 || parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]),
      (1...12).contains(m)
    else { return nil }
    year = y
    month = m
    if parts.count == 3 {
      guard let d = Int(parts[2]), (1...31).contains(d) else { return nil }
      day = d
    }
  }

  /// `YYYY-MM-DD`, or `YYYY-MM` without a day.
  public var description: String {
    let y = String(year)
    let m = month < 10 ? "0\(month)" : "\(month)"
    guard let day else { return "\(y)-\(m)" }
    return "\(y)-\(m)-" + (day < 10 ? "0\(day)" : "\(day)")
  }

  /// Days since 1 January 1970 (a missing day counts as the first of the month).
  public var dayNumber: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + (day ?? 1) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The date `dayNumber` days after 1 January 1970.
  public init(dayNumber z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  public static func < (lhs: ISODate, rhs: ISODate) -> Bool {
    (lhs.year, lhs.month, lhs.day ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0)
  }
}

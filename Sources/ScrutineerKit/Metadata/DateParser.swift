/// Reads English dates as Ofsted and councils write them: "13 March 2020", "1st April
/// 2018", "19/10/2012", "November 2016", and visit ranges such as "19 and 20 February
/// 2020", "20 February to 3 March 2023", "18 March 2014 – 09 April 2014".
enum DateParser {
  enum Token: Equatable {
    case number(Int)
    case month(Int)
    case year(Int)
    /// "to", "until", "–", "-".
    case through
    /// "and", ",".
    case and
    case other
  }

  private static let months: [String: Int] = [
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
  ]

  static func monthNumber(_ word: Substring) -> Int? { months[word.quickLowercased] }

  /// Splits text into date-relevant tokens.
  static func tokens(_ text: Substring) -> [Token] {
    var out: [Token] = []
    // Room for the tokens of most texts at once, rather than growing two, four, eight.
    out.reserveCapacity(min(text.utf8.count, 64))
    let done = text.utf8.withContiguousStorageIfAvailable { tokens(ascii: $0, into: &out) }
    if done != true {
      out.removeAll()
      tokens(characters: text, into: &out)
    }
    return out
  }

  /// The tokens of text read on bytes, as `tokens(characters:into:)` reads it by character;
  /// false, with some tokens given, when the text holds a scalar beyond ASCII other than a
  /// dash, a curly quote, a bullet, an ellipsis or a no-break space (a letter, say, or a mark
  /// that joins the character before it), which only that reading decides.
  private static func tokens(ascii b: UnsafeBufferPointer<UInt8>, into out: inout [Token]) -> Bool {
    var start = -1
    func flush(_ end: Int) {
      guard start >= 0 else { return }
      emit(ascii: UnsafeBufferPointer(rebasing: b[start..<end]), into: &out)
      start = -1
    }
    var i = 0
    while i < b.count {
      let c = b[i]
      if c < 0x80 {
        if (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
          || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "/")
        {
          if start < 0 { start = i }
        } else {
          flush(i)
          if c == UInt8(ascii: "-") {
            out.append(.through)
          } else if c == UInt8(ascii: ",") {
            out.append(.and)
          }
        }
        i += 1
      } else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 {
        flush(i)
        i += 2
      } else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 {
        switch b[i + 2] {
        case 0x93, 0x94:  // en and em dashes
          flush(i)
          out.append(.through)
        case 0x98, 0x99, 0x9C, 0x9D, 0xA2, 0xA6:  // quotes, bullet, ellipsis
          flush(i)
        default:
          return false
        }
        i += 3
      } else {
        return false
      }
    }
    flush(b.count)
    return true
  }

  /// The tokens of text read character by character.
  static func tokens(characters text: Substring, into out: inout [Token]) {
    var word = ""
    for c in text {
      if c.isLetter || c.isNumber || c == "/" {
        word.append(c)
      } else {
        if !word.isEmpty { emit(word, into: &out) }
        word = ""
        if c == "–" || c == "—" || c == "-" { out.append(.through) } else if c == "," { out.append(.and) }
      }
    }
    if !word.isEmpty { emit(word, into: &out) }
  }

  /// The token of a word of letters, digits and slashes, if it has one.
  static func emit(_ word: String, into out: inout [Token]) {
    let lower = word.quickLowercased
    if let m = months[lower] {
      out.append(.month(m))
      return
    }
    if lower == "and" || lower == "&" {
      out.append(.and)
      return
    }
    if lower == "the" || lower == "of" {
      // "on the 15 and 16 of May 2018": no meaning, no break.
      return
    }
    if lower == "to" || lower == "until" || lower == "till" {
      out.append(.through)
      return
    }
    // Slashed dates: 19/10/2012.
    let slash = lower.utf8.contains(UInt8(ascii: "/")) ? lower.split(separator: "/") : []
    if slash.count == 3, appendSlashed(Int(slash[0]), Int(slash[1]), Int(slash[2]), into: &out) { return }
    var digits = lower
    for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) && digits.count > 2 {
      digits.removeLast(2)
    }
    guard let n = Int(digits) else {
      out.append(.other)
      return
    }
    appendNumber(n, wordLength: lower.count, digits: digits.count, into: &out)
  }

  /// The tokens of a slashed date's day, month and year, when they make one ("19/10/12"
  /// is 19 October 2012); false, appending nothing, when they do not.
  private static func appendSlashed(_ d: Int?, _ m: Int?, _ y: Int?, into out: inout [Token]) -> Bool {
    guard let d, let m, var y, (1...31).contains(d), (1...12).contains(m) else { return false }
    if y < 100 { y += 2000 }
    out.append(.number(d))
    out.append(.month(m))
    out.append(.year(y))
    return true
  }

  /// The token of a number written with `digits` digits in a word of `wordLength`
  /// characters (its ordinal suffix the difference): a year, a day, or nothing of a date.
  private static func appendNumber(_ n: Int, wordLength: Int, digits: Int, into out: inout [Token]) {
    if wordLength == 4, (1990...2100).contains(n) {
      out.append(.year(n))
    } else if (1...31).contains(n), digits <= 2 {
      out.append(.number(n))
    } else {
      out.append(.other)
    }
  }

  /// The spellings of `months`, each packed by `packedLetters`, with their months.
  private static let packedMonths: [(key: UInt64, month: Int)] = months.map {
    (packedLetters(Array($0.key.utf8))!, $0.value)
  }

  /// The token of a word of ASCII letters, digits and slashes, as `emit(_:into:)` gives it,
  /// read on bytes without building a string.
  static func emit(ascii w: UnsafeBufferPointer<UInt8>, into out: inout [Token]) {
    let n = w.count
    @inline(__always) func lower(_ k: Int) -> UInt8 { w[k] | (w[k] >= 0x41 && w[k] <= 0x5A ? 0x20 : 0) }
    @inline(__always) func isWord(_ s: StaticString) -> Bool {
      guard s.utf8CodeUnitCount == n else { return false }
      for k in 0..<n where lower(k) != s.utf8Start[k] { return false }
      return true
    }
    if let m = month(ascii: w) {
      out.append(.month(m))
      return
    }
    if isWord("and") {
      out.append(.and)
      return
    }
    // "on the 15 and 16 of May 2018": no meaning, no break.
    if isWord("the") || isWord("of") { return }
    if isWord("to") || isWord("until") || isWord("till") {
      out.append(.through)
      return
    }
    if w.contains(UInt8(ascii: "/")) {
      // Slashed dates: 19/10/2012 (the pieces between slashes, empty ones left out).
      let pieces = w.split(separator: UInt8(ascii: "/"))
      if pieces.count == 3, appendSlashed(number(pieces[0]), number(pieces[1]), number(pieces[2]), into: &out)
      {
        return
      }
      // A slash stays in the digits, which then read as no number.
      out.append(.other)
      return
    }
    // The ordinal suffixes, dropped in this order while more than two bytes remain.
    var end = n
    for (a, b) in [(UInt8(ascii: "s"), UInt8(ascii: "t")), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68)]
    where end > 2 && lower(end - 2) == a && lower(end - 1) == b {
      end -= 2
    }
    guard let value = number(UnsafeBufferPointer(rebasing: w[0..<end])) else {
      out.append(.other)
      return
    }
    appendNumber(value, wordLength: n, digits: end, into: &out)
  }

  /// The month a word of ASCII bytes names, as `months` has it.
  private static func month(ascii w: UnsafeBufferPointer<UInt8>) -> Int? {
    let initial = w.first.map { $0 | 0x20 } ?? 0
    guard w.count >= 3, w.count <= 9, initial >= UInt8(ascii: "a"), initial <= UInt8(ascii: "z"),
      monthInitials >> (initial - UInt8(ascii: "a")) & 1 == 1, let key = packedLetters(w)
    else { return nil }
    for entry in packedMonths where entry.key == key { return entry.month }
    return nil
  }

  /// The first letters of the months' spellings, one bit each (a is the lowest).
  private static let monthInitials: UInt32 = months.keys.reduce(0) { $0 | 1 << ($1.utf8.first! - 0x61) }

  /// The ASCII letters of a word of at most twelve, lowercased, five bits each (a is 1);
  /// `nil` when a byte is not a letter.
  private static func packedLetters(_ w: some Collection<UInt8>) -> UInt64? {
    var key: UInt64 = 0
    for c in w {
      let l = c | 0x20
      guard l >= UInt8(ascii: "a"), l <= UInt8(ascii: "z") else { return nil }
      key = key << 5 | UInt64(l - 0x60)
    }
    return key
  }

  /// The value of ASCII digits as `Int(_:)` reads them: `nil` for no digits, any other
  /// byte, or a value too large.
  private static func number(_ digits: some Collection<UInt8>) -> Int? {
    guard !digits.isEmpty else { return nil }
    var value = 0
    for c in digits {
      guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
      let (times, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(Int(c - UInt8(ascii: "0")))
      guard !o1, !o2 else { return nil }
      value = sum
    }
    return value
  }

  /// The first full date (day, month and year) in the text.
  static func fullDate(in text: Substring) -> ISODate? {
    // Every day and year is written in ASCII digits: text without one holds no date.
    guard text.hasASCIIDigit else { return nil }
    let t = tokens(text)
    var i = 0
    while i + 2 < t.count {
      if case .number(let d) = t[i], case .month(let m) = t[i + 1], case .year(let y) = t[i + 2] {
        return valid(y, m, d)
      }
      if case .month(let m) = t[i], case .number(let d) = t[i + 1] {
        var k = i + 2
        if k < t.count, t[k] == .and { k += 1 }
        if k < t.count, case .year(let y) = t[k] { return valid(y, m, d) }
      }
      i += 1
    }
    return nil
  }

  /// Every date in the text, full dates and month-year dates ("November 2016").
  static func allDates(in text: Substring) -> [ISODate] {
    guard text.hasASCIIDigit else { return [] }
    let t = tokens(text)
    var out: [ISODate] = []
    var i = 0
    while i < t.count {
      if i + 2 < t.count, case .number(let d) = t[i], case .month(let m) = t[i + 1],
        case .year(let y) = t[i + 2]
      {
        if let date = valid(y, m, d) { out.append(date) }
        i += 3
        continue
      }
      if i + 1 < t.count, case .month(let m) = t[i], case .year(let y) = t[i + 1] {
        out.append(ISODate(year: y, month: m))
        i += 2
        continue
      }
      i += 1
    }
    return out
  }

  /// The days of the first visit-like date expression: a list or range of days ending
  /// in a month and year ("19 and 20 February 2020", "20 February to 3 March 2023").
  static func dayRun(in text: Substring, defaultYear: Int? = nil) -> [ISODate] {
    guard text.hasASCIIDigit else { return [] }
    let t = tokens(text)
    var i = 0
    while i < t.count {
      guard case .number = t[i] else {
        i += 1
        continue
      }
      // Gather the run of date tokens.
      var j = i
      while j < t.count, t[j] != .other {
        if case .year = t[j] {
          j += 1
          // A range may continue after a year: "18 March 2014 – 09 April 2014".
          if j < t.count, t[j] == .through { continue }
          break
        }
        j += 1
      }
      let run = Array(t[i..<j])
      var days = resolve(run)
      if days.isEmpty, let y = defaultYear,
        !run.contains(where: { if case .year = $0 { true } else { false } }),
        run.contains(where: { if case .month = $0 { true } else { false } })
      {
        // "on 30 and 31 January": the letter's own year.
        days = resolve(run + [.year(y)])
      }
      if !days.isEmpty { return days }
      i = max(j, i + 1)
    }
    return []
  }

  /// Resolves a run like [3, and, 4, June, 2019] or [20, Feb, to, 3, Mar, 2023].
  private static func resolve(_ run: [Token]) -> [ISODate] {
    // Attach to every day number the next month and the next year.
    struct Day {
      var d: Int
      var m: Int?
      var y: Int?
      var rangeToNext = false
    }
    var days: [Day] = []
    for (k, tok) in run.enumerated() {
      switch tok {
      case .number(let d):
        days.append(Day(d: d))
      case .month(let m):
        for idx in days.indices.reversed() where days[idx].m == nil { days[idx].m = m }
      case .year(let y):
        for idx in days.indices.reversed() where days[idx].y == nil { days[idx].y = y }
      case .through:
        if !days.isEmpty, k + 1 < run.count { days[days.count - 1].rangeToNext = true }
      default:
        break
      }
    }
    guard !days.isEmpty, days.allSatisfy({ $0.m != nil && $0.y != nil }) else { return [] }
    var out: [ISODate] = []
    for (k, day) in days.enumerated() {
      guard let date = valid(day.y!, day.m!, day.d) else { return [] }
      if k > 0, days[k - 1].rangeToNext, var prev = out.last {
        // "24 October 2022 to 25 October 2023": a slip of the year.
        if date.dayNumber - prev.dayNumber > 62, prev.month == date.month, prev.year + 1 == date.year {
          prev.year = date.year
          out[out.count - 1] = prev
        }
        let a = prev.dayNumber
        let b = date.dayNumber
        guard b > a, b - a <= 62 else { return [] }
        for n in (a + 1)...b { out.append(ISODate(dayNumber: n)) }
      } else {
        out.append(date)
      }
    }
    // Every date has a day, so that `<` orders any two that `==` tells apart: the sorted
    // dates without repeats are those of a set, sorted.
    var unique: [ISODate] = []
    for date in out.sorted() where unique.last != date { unique.append(date) }
    return unique
  }

  static func valid(_ y: Int, _ m: Int, _ d: Int) -> ISODate? {
    let lengths = [
      31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]
    guard (1...12).contains(m), (1...lengths[m - 1]).contains(d) else { return nil }
    return ISODate(year: y, month: m, day: d)
  }
}

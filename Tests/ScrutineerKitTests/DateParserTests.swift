import Testing

@testable import ScrutineerKit

@Suite("Dates as Ofsted and councils write them")
struct DateParserTests {
  @Test(arguments: [
    ("13 March 2020", "2020-03-13"),
    ("1st April 2018", "2018-04-01"),
    ("By on 19/10/2012 in News", "2012-10-19"),
    ("March 5, 2019", "2019-03-05"),
  ])
  func fullDates(text: String, iso: String) {
    #expect(DateParser.fullDate(in: text[...])?.description == iso)
  }

  @Test func tokensOnBytesAgreeWithReadingCharacters() {
    let samples = [
      "", "13 March 2020", "19\u{2013}20 February 2020, and 3rd\u{2014}4th May", "By on 19/10/2012 in News",
      "visit dates:\u{A0}12 and 13 June 2019 \u{2022} \u{201C}quoted\u{201D} \u{2026}",
      "caf\u{E9} 12 May 2018", "12 cafe\u{301} May", "12 \u{2013}\u{301} 14 May", "1\u{FE0F}\u{20E3} May",
      "line\r\nbreak 5 Jun 21", "the 15 & 16 of May 2018 until 20 June till now", "\u{2013}", "2019-\u{00A0}",
    ]
    func byCharacter(_ text: Substring) -> [DateParser.Token] {
      var tokens: [DateParser.Token] = []
      DateParser.tokens(characters: text, into: &tokens)
      return tokens
    }
    for s in samples {
      // The whole text, and the substring after its first character.
      #expect(DateParser.tokens(s[...]) == byCharacter(s[...]), "\(s)")
      #expect(DateParser.tokens(s.dropFirst()) == byCharacter(s.dropFirst()), "\(s)")
    }
  }

  @Test func monthDatesAreFound() {
    #expect(DateParser.allDates(in: "judged inadequate in march 2017"[...]).map(\.description) == ["2017-03"])
    #expect(
      DateParser.allDates(in: "inadequate in November 2016 and 3 May 2018"[...]).map(\.description) == [
        "2016-11", "2018-05-03",
      ])
  }

  @Test(arguments: [
    ("on 19 and 20 February 2020.", ["2020-02-19", "2020-02-20"]),
    (
      "Inspection dates: 20 February to 3 March 2023",
      [
        "2023-02-20", "2023-02-21", "2023-02-22", "2023-02-23", "2023-02-24", "2023-02-25", "2023-02-26",
        "2023-02-27", "2023-02-28", "2023-03-01", "2023-03-02", "2023-03-03",
      ]
    ),
    ("Inspection date: 18 March 2014 – 20 March 2014", ["2014-03-18", "2014-03-19", "2014-03-20"]),
    ("on 24, 25 and 26 June 2019", ["2019-06-24", "2019-06-25", "2019-06-26"]),
    ("on 30 September and 1 October 2020", ["2020-09-30", "2020-10-01"]),
    ("took place in February 2020", []),
  ])
  func visitRuns(text: String, days: [String]) {
    #expect(DateParser.dayRun(in: text[...]).map(\.description) == days)
  }

  @Test func leapYearsAndBadDays() {
    #expect(DateParser.valid(2020, 2, 29) != nil)
    #expect(DateParser.valid(2019, 2, 29) == nil)
    #expect(DateParser.fullDate(in: "31 June 2019"[...]) == nil)
  }

  @Test func dayNumbersRoundTrip() {
    for n in stride(from: -800, to: 30000, by: 97) {
      #expect(ISODate(dayNumber: n).dayNumber == n)
    }
    #expect(ISODate(year: 1970, month: 1, day: 1).dayNumber == 0)
  }
}

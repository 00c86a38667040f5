import Foundation
import Testing

@testable import ScrutineerKit

/// The byte readings of the metadata readers agree with the string readings they replace.
@Suite("Metadata readers on bytes")
struct MetadataSpeedTests {
  /// Words of letters, digits and slashes: the month spellings in several cases, ordinals,
  /// years, slashed dates, and a spread of pseudo-random words.
  static let words: [String] = {
    var out = [
      "January", "JAN", "jan", "Sept", "SEPTEMBER", "septembe", "sep", "may", "Mays", "ma", "june", "jun",
      "juni", "and", "AND", "The", "of", "to", "Until", "till", "tills", "1st", "2nd", "3rd", "4th", "11th",
      "21st", "31st", "32nd", "0th", "00", "007", "7", "31", "32", "1990", "2100", "2101", "1989", "0020",
      "2019th", "12thst", "1stth", "st", "th", "stth", "19/10/2012", "1/1/12", "31/12/99", "32/1/2020",
      "1/13/2020", "a/b/c", "1//2/3", "/1/2/3/", "1/2", "1/2/3/4", "1/1/99999999999999999999",
      "99999999999999999999", "9223372036854775807", "9223372036854775808", "12ab", "ab12", "x", "",
    ]
    let alphabet = Array("0123456789/stndrhajfmyeoucAJFMSTND")
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<5000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(seed >> 60) % 10 + 1
      var w = ""
      var r = seed
      for _ in 0..<length {
        w.append(alphabet[Int(r % UInt64(alphabet.count))])
        r = r / UInt64(alphabet.count) &+ (seed >> 7)
      }
      out.append(w)
    }
    return out
  }()

  @Test func wordTokensOnBytesAgreeWithStrings() {
    for w in Self.words where !w.isEmpty {
      var byString: [DateParser.Token] = []
      DateParser.emit(w, into: &byString)
      var byBytes: [DateParser.Token] = []
      var copy = w
      copy.withUTF8 { DateParser.emit(ascii: $0, into: &byBytes) }
      #expect(byBytes == byString, "\(w)")
    }
  }

  /// Texts plain and not: repeated and overlapping needles, curly quotes, dashes, a line
  /// break, combining marks, a Greek question mark.
  static let texts = [
    "", "  ", "   ", "a  b   c", "Jane Smith and John Brown; Ann Lee", " and  and ", "andand and",
    "St. Helens", "St.  Albans", "Stoke-upon-Trent", "require improvement to be good",
    "children\u{2019}s services \u{2013} judged judged  x judged ", "judged ", "judged", "xjudged y",
    "caf\u{E9}  bar", "a \u{301} b", "St. \u{301}", "a\r\n  b", "x\u{37E}y;z", "(lead) [HMI] ( x",
    "Ofsted \u{201C}Inspector\u{201D}  and  \u{2014} end",
  ]
  static let needles = [
    "  ", " and ", ";", "St. ", "-", "judged ", " require improvement", "(", " children", ",",
  ]

  @Test func plainSearchesAgreeWithFoundation() {
    for t in Self.texts {
      for n in Self.needles {
        let mine = t.plainRange(of: n).map { t.utf8.distance(from: t.startIndex, to: $0.lowerBound) }
        let theirs = t.range(of: n).map { t.utf8.distance(from: t.startIndex, to: $0.lowerBound) }
        #expect(mine == theirs, "\(t.debugDescription) \(n.debugDescription)")
        #expect(t.replacingPlain(n, with: ",") == t.replacingOccurrences(of: n, with: ","))
        #expect(t.replacingPlain(n, with: "") == t.replacingOccurrences(of: n, with: ""))
        #expect(t.plainComponents(separatedBy: n) == t.components(separatedBy: n))
      }
    }
  }
}

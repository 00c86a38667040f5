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

  /// Texts around the needles: every case, cut short, at the ends, next to non-ASCII bytes.
  static let needleTexts: [String] = {
    var out = [
      "", "j", "judge", "judged", "JUDGED ", "was judgeD inadequate", "xjudgedx", "judged\u{2019}",
      "The Inspectors were", "the inspectio was", "INSPECTION WAS", "visit wa", "a visit was made",
      "inspecto", "\u{C9}inspector", "inspect\u{301}or", "PpVvJj", "inspector\r\n",
      String(repeating: "v", count: 17) + "visit was", String(repeating: "p ", count: 9) + "inspection was",
    ]
    let pieces = [
      "judged ", "Judged", "inspector", "Visit was", "inspection was", "ins", "vis", "p", "v", "j", " ",
      "\u{2019}", "e",
    ]
    var seed: UInt64 = 12345
    for _ in 0..<3000 {
      var t = ""
      for _ in 0..<6 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        t += pieces[Int(seed >> 33) % pieces.count]
      }
      out.append(t)
      out.append(String(t.dropFirst(3)))
    }
    return out
  }()

  @Test func anchoredNeedlesAgreeWithASCIIScans() {
    let cues = AnchoredNeedles([
      ("inspector", anchor: "p"), ("visit was", anchor: "v"), ("inspection was", anchor: "p"),
    ])
    let old = ASCIINeedles(["inspector", "visit was", "inspection was"])
    let judged = AnchoredNeedles([("judged", anchor: "j")])
    let judgedWord = AnchoredNeedles([("judged ", anchor: "j")])
    for t in Self.needleTexts {
      #expect(cues.occur(in: t) == old.occur(in: t), "\(t.debugDescription)")
      #expect(judged.occur(in: t) == ASCIIMatch.contains(t, "judged"), "\(t.debugDescription)")
      #expect(judgedWord.occur(in: t) == ASCIIMatch.contains(t, "judged "), "\(t.debugDescription)")
      #expect(judgedWord.occur(in: t.dropFirst()) == ASCIIMatch.contains(t.dropFirst(), "judged "))
    }
  }

  @Test func personNamesOnBytesAgreeWithCharacters() {
    let names = [
      "", "Jane Smith", "Jane Smith HMI", "Jane  Smith", " Jane Smith ", "jane Smith", "Jane O'Neill-Brown",
      "Dr. Jane Smith", "Jane Smith Inspector inspector", "Ofsted Inspector", "Her Majesty's Inspector",
      "The Council Services", "A B C D", "A B C D E", "Jane Sm1th", "Jane Smith (lead)", "Jane\r\nSmith",
      "Jane Smith\r\n", "JANE SMITH", "Jane", "Jane Children's", "Jane OFSTED", "Jane Smith OI SHMI",
      "Jane O\u{2019}Neill", "\u{2019}Jane Smith", "Jane Smith\u{2013}Jones",
      "Her Majesty\u{2019}s Inspector",
      "Jane \u{201C}Smith\u{201D}", "Jane Smith\u{2019}",
    ]
    for n in names {
      guard let bytes = Inspectors.personName(plain: n) else {
        #expect(!n.isPlainForSearch, "\(n.debugDescription)")
        continue
      }
      #expect(bytes == Inspectors.personName(characters: n), "\(n.debugDescription)")
    }
    #expect(Inspectors.personName(plain: "Jos\u{E9} Smith") == nil)
  }

  @Test func listPiecesOnBytesAgreeWithCharacters() {
    let lists = [
      "", ",", " , . ,", "Jane Smith, HMI, John Brown.", " . Jane Smith .. ,John", "a,,b", "a\r\n, b\r\n",
      "Jos\u{E9} Smith, Ann", "Ann,\u{301} Bob", ". .", "Jane Smith HMI,Ofsted Inspector ,",
      "Jane Smith, Her Majesty\u{2019}s Inspector. , \u{2013}.", "\u{201C}A\u{201D}, .B.",
    ]
    for l in lists {
      #expect(Inspectors.listPieces(l) == l.split(separator: ",").map { $0.trimmingCharacters(in: " .") })
    }
  }

  @Test func authorityNamesStrippedOnBytesAgreeWithCharacters() {
    let names = [
      "", " , ", "Birmingham City Council", "the London Borough of Barnet.", "Royal Borough of Kingston's",
      "City of York Council's", "Council", " council", "Inspection of Leeds children's services",
      "Focused visit to Hull City Council:", "THE CITY OF BRISTOL COUNCIL", "Wigan MBC;",
      "North Yorkshire County",
      "Torbay Council's's", "St Helens Borough Council", "county council", "the the the Wirral",
      "Durham Local Authority Children's Services",
    ]
    for n in names {
      #expect(AuthorityName.strippedASCII(n) == AuthorityName.stripped(characters: n), "\(n)")
    }
    #expect(AuthorityName.strippedASCII("Caf\u{E9} Council") == nil)
  }

  @Test func sentenceEndsOnBytesAgreeWithCharacters() {
    let texts = [
      "", ".", "a.", "Jane Smith HMI. The", "J. Smith and A.B. Jones. Next", "no stop", "end .", "x.y. z",
      "Jane \u{2019}Smith\u{2019}. Then", "a.\u{301} b. c", "a\r\n. b",
    ]
    for t in texts {
      let s = t.dropFirst(0)
      guard let stop = Inspectors.plainSentenceEnd(s) else {
        #expect(!t.isPlainForSearch, "\(t.debugDescription)")
        continue
      }
      #expect(
        String(s[..<s.utf8.index(s.startIndex, offsetBy: stop)])
          == String(Inspectors.sentenceEnd(characters: s)))
    }
  }

  @Test func exactGradesAgreeWithNormalisingAgain() {
    var lines = [
      "", "outstanding", "good", "requires improvement", "requires improvement to be good", "inadequate",
      "adequate", "Good", "good ", " good", "good  x", "section good", "good2", "the judgement is good",
      "overall effectiveness", "grade 3 good", "childrens services in x are good", "to be good", "judgement",
    ]
    lines += Self.words.prefix(400).map { HeadingVocabulary.normalise($0) }
    lines += Self.texts.map { HeadingVocabulary.normalise($0) }
    for n in lines {
      #expect(Judgements.exactGrade(n) == Grade.exact(n), "\(n.debugDescription)")
    }
    #expect(Judgements.isOwnNormalForm("requires improvement to be good"))
    #expect(
      !Judgements.isOwnNormalForm("grade 3") && !Judgements.isOwnNormalForm("a  b")
        && !Judgements.isOwnNormalForm(""))
  }

  @Test func openingPairsPassEveryLineALabelMightOpen() {
    let labels = [
      "report published", "publication date", "date of publication", "published:", "date published", "date:",
      "date of meeting", "meeting date", "published",
    ]
    let lines = [
      "", "R", "\u{C9}", "Report published: 1 May 2020", "PUBLICATION DATE", "Date: 3 June", "Meeting Date",
      "Published", "Dear Sir", "Rep", "\u{212A}ate", "D\u{C9}", "The date", " date:", "re", "pu",
    ]
    for line in lines {
      let lower = line.quickLowercased
      let opens = labels.contains { lower.hasPrefix($0) } || lower == "published"
      if opens { #expect(line.mayStartLowercased(withPairs: "repudame"), "\(line)") }
    }
    #expect(!"The date".mayStartLowercased(withPairs: "repudame"))
    #expect(!"R".mayStartLowercased(withPairs: "repudame"))
  }

  @Test func numbersInRolesAgreeWithCharacters() {
    for role in ["", "Director", "Director 2", "Room 1.2", "Caf\u{E9}", "\u{B2}nd", "\u{661}", "x\r\n9"] {
      #expect(RecipientFinder.hasNumber(role) == role.contains(where: \.isNumber), "\(role)")
    }
  }

  @Test func salutationsOnTheirFirstByteAgreeWithHasPrefix() {
    var lines = [
      "", "D", "Dear", "Dear ", "Dear Sir", "dear Sir", "DEAR Sir", " Dear Sir", "Dear\u{A0}Sir",
      "Dear \u{301}x",
      "D\u{301}ear Sir", "\u{FF24}ear Sir", "\u{1E0A}ear Sir", "De\u{301}ar Sir", "Dear\r\n",
      "\u{FEFF}Dear Sir",
    ]
    lines += Self.texts + Self.words.prefix(400).map { "Dear " + $0 }
    for line in lines {
      #expect(DocumentSplitter.isSalutation(line) == line.hasPrefix("Dear "), "\(line.debugDescription)")
    }
  }
}

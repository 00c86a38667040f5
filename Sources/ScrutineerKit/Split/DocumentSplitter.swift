/// Finds where one file holds several documents: an Ofsted letter appended to a
/// committee paper starts at its letterhead, which a date and a salutation follow.
enum DocumentSplitter {
  /// Lines of Ofsted's letterheads: addresses, telephone and web details.
  static func isLetterhead(_ text: String) -> Bool {
    guard text.utf8.count <= 90 else { return false }
    return letterheadWords.occur(in: text)
  }

  private static let letterheadWords = ASCIINeedles([
    "ofsted.gov.uk", "piccadilly gate", "clive house", "store street", "textphone", "0300 123 1231", "agora",
    "cumberland place", "royal exchange buildings", "aviation house", "petty france",
  ])

  /// The line indices where documents start (always including the first line).
  static func starts(lines: [Line], info: [LineInfo]) -> [Int] {
    var starts = [0]
    var contentSinceStart = 0
    // A letterhead counts only with a salutation close after it: the lines of salutations,
    // found first, spare most lines the letterhead search.
    let salutations = info.indices.filter { isSalutation(info[$0].text) }
    var nextSalutation = 0
    var i = 0
    while i < lines.count {
      let li = info[i]
      guard li.kind == .text else {
        i += 1
        continue
      }
      contentSinceStart += 1
      while nextSalutation < salutations.count && salutations[nextSalutation] <= i { nextSalutation += 1 }
      let salutationClose =
        nextSalutation < salutations.count && salutations[nextSalutation] <= i + salutationReach
      if contentSinceStart > 10, salutationClose, isLetterhead(li.text),
        let dear = salutation(after: i, lines: lines, info: info)
      {
        // Walk back over the rest of the letterhead.
        var k = i
        var steps = 0
        while k - 1 > starts.last!, steps < 8 {
          let p = info[k - 1]
          if p.kind == .blank || p.kind == .furniture {
            k -= 1
            continue
          }
          let lower = p.text.quickLowercased
          if !p.text.hasAtMostCharacters(60) || lower.hasSuffix(".") || lower.containsBytes("inspector")
            || lower.containsBytes("hmi")
            || lower.hasPrefix("yours") || p.marker != nil
          {
            break
          }
          k -= 1
          steps += 1
        }
        while k < i, info[k].kind != .text { k += 1 }
        starts.append(k)
        contentSinceStart = 0
        i = dear + 1
        continue
      }
      i += 1
    }
    return starts
  }

  /// A letter's salutation line. `starts` finds these first and `salutation(after:)` looks
  /// for one, so both must use this one test.
  ///
  /// Lines are refused on their first byte before `hasPrefix`: a text starts with "Dear "
  /// character for character only if its first byte is "D" (no other scalar or sequence
  /// is canonically equivalent to "D"), and nearly every line is refused there.
  static func isSalutation(_ text: String) -> Bool {
    text.utf8.first == UInt8(ascii: "D") && text.hasPrefix("Dear ")
  }

  /// How many lines after a letterhead line its salutation may stand.
  private static let salutationReach = 30

  /// A "Dear …" line within the next `salutationReach` lines, with a date line before it.
  private static func salutation(after i: Int, lines: [Line], info: [LineInfo]) -> Int? {
    var sawDate = false
    var k = i + 1
    while k < lines.count, k <= i + salutationReach {
      let t = info[k].text
      if t.hasAtMostCharacters(30), DateParser.fullDate(in: t[...]) != nil { sawDate = true }
      if isSalutation(t) { return sawDate ? k : nil }
      k += 1
    }
    return nil
  }
}

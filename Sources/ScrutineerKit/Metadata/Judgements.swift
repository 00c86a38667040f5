/// Reads an inspection report's judgement table from its first pages, however pdftotext
/// scattered it: labels and grades are paired in reading order.
enum Judgements {
  static func find(doc: DocumentText) -> [JudgementArea: Grade] {
    var out: [JudgementArea: Grade] = [:]
    // The first pages' content lines; normalised as the reading reaches them, since it
    // usually stops long before the last.
    var texts: [String] = []
    var lengths: [Int] = []
    for i in doc.info.indices where doc.info[i].kind == .text {
      texts.append(doc.info[i].text)
      lengths.append(doc.lines[i].length)
      if texts.count >= 160 { break }
    }
    var norms: [String] = []
    func norm(_ k: Int) -> String {
      // Footnote numbers after a sentence ("… inadequate.2") are not words.
      while norms.count <= k { norms.append(trimmedNumbers(HeadingVocabulary.normalise(texts[norms.count]))) }
      return norms[k]
    }
    var label = ""
    var k = 0
    while k < texts.count {
      let n = norm(k)
      let next = k + 1 < texts.count ? norm(k + 1) : ""
      defer { k += 1 }
      if n == "judgement" || n == "grade" || n == "to be good" || n == "judgement grade"
        || n == "key judgement"
      {
        continue
      }
      // A grade alone, or split over two lines ("Requires" / "Improvement").
      var grade = exactGrade(n)
      if grade == nil, n == "requires" || n == "requires improvement to",
        next.hasPrefix("improvement") || next.hasPrefix("be good")
      {
        grade = .requiresImprovement
        k += 1
      }
      if let g = grade {
        assign(label, g, &out)
        label = ""
        continue
      }
      // Sentences that give the overall judgement, possibly over two lines.
      func givesOverall(_ sentence: String) -> Bool {
        guard overallSentence(sentence),
          let g = Grade.trailing(in: sentence)
            ?? Grade.trailing(
              in: sentence.replacingPlain(" require improvement", with: " requires improvement"))
        else { return false }
        if out[.overallEffectiveness] == nil { out[.overallEffectiveness] = g }
        label = ""
        return true
      }
      // The line and the next make such a sentence only when the line is shorter than
      // every opening or has one.
      // (Joined, they open as the line does: only a line that may open one is joined.)
      var gave = givesOverall(n)
      if !gave, n.utf8.count < longestOverallOpening || opensOverall(n), mayStart(n, with: overallInitials) {
        gave = givesOverall(n + " " + next)
      }
      // "Overall effectiveness of services for looked after children", its grade on a
      // line of its own further on ("Grade 4 (inadequate)"), is the label of that grade.
      if overallSentence(n), gave || !n.hasPrefix("overall effectiveness ") { continue }
      if JudgementHeading.startsJudgement(texts[k]) || n.hasPrefix("overall effectiveness") || isAreaLabel(n)
      {
        label = n
        if let g = Grade.trailing(in: n), n.split(separator: " ").count > 2 {
          assign(label, g, &out)
          label = ""
        }
        continue
      }
      if !label.isEmpty, texts[k].hasAtMostCharacters(79) {
        // A label wrapped onto a further line.
        label += " " + n
        continue
      }
      if lengths[k] > 75, out[.overallEffectiveness] != nil, out.count >= 4 { break }
    }
    return out
  }

  /// Normalised text without the footnote numbers after it (" 2"), a leading "grade", or
  /// the numbers and spaces before it.
  static func trimmedNumbers(_ normalised: String) -> String {
    var n = normalised
    // In ASCII every byte is a character (the normalised text holds no line breaks) and
    // only "0" to "9" are numbers: the same steps, on bytes.
    let ascii = n.withUTF8 { b -> String? in
      guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
      let isDigit = { (c: UInt8) in c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
      var end = b.count
      while let space = b[..<end].lastIndex(of: 0x20), b[(space + 1)..<end].allSatisfy(isDigit) {
        end = space
      }
      var start = 0
      if end >= 6, b.starts(with: "grade ".utf8) { start = 6 }
      while start < end, isDigit(b[start]) || b[start] == 0x20 { start += 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }
    return ascii ?? trimmedNumbers(characters: n)
  }

  /// The same, character by character.
  static func trimmedNumbers(characters normalised: String) -> String {
    var n = normalised
    while let space = n.lastIndex(of: " "), n[n.index(after: space)...].allSatisfy(\.isNumber) {
      n = String(n[..<space])
    }
    if n.hasPrefix("grade "), let open = n.firstIndex(of: " ") { n = String(n[n.index(after: open)...]) }
    while let f = n.first, f.isNumber || f == " " { n.removeFirst() }
    return n
  }

  /// "The overall judgement is inadequate", "Children's services in X are inadequate",
  /// "Overall effectiveness: good".
  private static func overallSentence(_ n: String) -> Bool {
    guard opensOverall(n) else { return false }
    // "Children's services in X" must go on to say what they are.
    return !n.hasPrefix("childrens services in ") || n.containsBytes(" are ") || n.containsBytes(" require")
  }

  /// Whether the text opens as an overall-judgement sentence does.
  private static func opensOverall(_ n: String) -> Bool {
    mayStart(n, with: overallInitials) && overallOpenings.contains { n.hasPrefix($0) }
  }

  /// The first bytes of `overallOpenings`.
  private static let overallInitials = "toc"

  /// `Grade.exact(n)` for a line already normalised. A line of lowercase ASCII letters and
  /// single spaces is its own normal form (normalising drops only numbers, punctuation and
  /// spacing, of which it has none), so it is looked up as it stands, without being
  /// normalised again.
  static func exactGrade(_ n: String) -> Grade? {
    isOwnNormalForm(n) ? Grade.named(normalised: n) : Grade.exact(n)
  }

  /// Whether the text is lowercase ASCII words, each of letters only, between single
  /// spaces.
  static func isOwnNormalForm(_ n: String) -> Bool {
    n.utf8.withContiguousStorageIfAvailable { u in
      var previous: UInt8 = 0x20
      for b in u {
        if b == 0x20 {
          if previous == 0x20 { return false }
        } else if b < UInt8(ascii: "a") || b > UInt8(ascii: "z") {
          return false
        }
        previous = b
      }
      return previous != 0x20
    } ?? false
  }

  /// Whether the text may start with an ASCII phrase whose first byte is one of those
  /// given: a text starts with such a phrase, character for character, only if its bytes
  /// do.
  private static func mayStart(_ text: String, with firstBytes: String) -> Bool {
    guard let f = text.utf8.first else { return false }
    return firstBytes.utf8.contains(f)
  }

  private static let overallOpenings = [
    "the overall judgement is", "overall effectiveness ", "childrens services in ", "overall judgement ",
    "the judgement for overall effectiveness is",
  ]
  private static let longestOverallOpening = overallOpenings.map(\.utf8.count).max()!

  private static func isAreaLabel(_ n: String) -> Bool {
    var m = n
    // A first byte that is ASCII but no digit or space starts a character that is neither.
    if let f = m.utf8.first, f >= 0x80 || f == 0x20 || f >= 0x30 && f <= 0x39 {
      while let f = m.first, f.isNumber || f == " " { m.removeFirst() }
    }
    guard mayStart(m, with: "calet") else { return false }
    return m.hasPrefix("children who need help") || m.hasPrefix("children looked after")
      || m.hasPrefix("adoption performance")
      || m.hasPrefix("experiences and progress of care leavers") || m.hasPrefix("leadership management")
      || m.hasPrefix("the effectiveness of the local safeguarding")
      || m.hasPrefix("the experiences and progress")
      || m.hasPrefix("the impact of leaders")
  }

  private static func assign(_ label: String, _ g: Grade, _ out: inout [JudgementArea: Grade]) {
    let l = label
    func set(_ a: JudgementArea) { if out[a] == nil { out[a] = g } }
    if l.containsBytes("safeguarding children board") || l.containsBytes("lscb") { return }
    if l.containsBytes("overall") {
      set(.overallEffectiveness)
    } else if l.containsBytes("impact of leaders") || l.containsBytes("leadership")
      || l.containsBytes("effectiveness of leaders")
    {
      set(.leaders)
    } else if l.containsBytes("help and protection") {
      set(.helpAndProtection)
    } else if l.containsBytes("children in care and care leavers")
      || l.containsBytes("looked after and care leavers")
    {
      set(.childrenInCare)
      set(.careLeavers)
    } else if l.containsBytes("adoption") {
      set(.adoption)
    } else if l.containsBytes("care leavers") {
      set(.careLeavers)
    } else if l.containsBytes("children in care") || l.containsBytes("looked after") {
      set(.childrenInCare)
    }
  }
}

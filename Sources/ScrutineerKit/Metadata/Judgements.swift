/// Reads an inspection report's judgement table from its first pages, however pdftotext
/// scattered it: labels and grades are paired in reading order.
enum Judgements {
  static func find(doc: DocumentText) -> [JudgementArea: Grade] {
    var out: [JudgementArea: Grade] = [:]
    var label = ""
    var seen = 0
    for i in doc.info.indices where doc.info[i].kind == .text {
      seen += 1
      if seen > 140 { break }
      let t = doc.info[i].text
      let n = HeadingVocabulary.normalise(t)
      if n == "judgement" || n == "grade" || n == "to be good" || n == "judgement grade" || n == "key judgement" {
        continue
      }
      if let g = Grade.exact(t) ?? (n == "requires" ? .requiresImprovement : nil) {
        if n == "requires" { continue }
        assign(label, g, &out)
        label = ""
        continue
      }
      if n == "improvement" { continue }
      // A label and its grade on one line, or a sentence ending with a grade.
      if n.hasPrefix("the overall judgement is ") || n.hasPrefix("overall effectiveness "),
        let g = Grade.trailing(in: n)
      {
        out[.overallEffectiveness] = out[.overallEffectiveness] ?? g
        label = ""
        continue
      }
      if n.hasPrefix("childrens services in "), n.contains(" are "), let g = Grade.trailing(in: n) {
        out[.overallEffectiveness] = out[.overallEffectiveness] ?? g
        label = ""
        continue
      }
      if JudgementHeading.startsJudgement(t) || n.hasPrefix("overall effectiveness") || isAreaLabel(n) {
        label = n
        if let g = Grade.trailing(in: n), n.split(separator: " ").count > 2 {
          assign(label, g, &out)
          label = ""
        }
        continue
      }
      if !label.isEmpty, t.count < 80, doc.info[i].startsLowercase || label.split(separator: " ").count < 12 {
        // A label wrapped onto a second line.
        label += " " + n
        continue
      }
      if doc.lines[i].length > 75 && !out.isEmpty && out[.overallEffectiveness] != nil { break }
    }
    return out
  }

  private static func isAreaLabel(_ n: String) -> Bool {
    var m = n
    while let f = m.first, f.isNumber || f == " " { m.removeFirst() }
    return m.hasPrefix("children who need help") || m.hasPrefix("children looked after") || m.hasPrefix("adoption performance")
      || m.hasPrefix("experiences and progress of care leavers") || m.hasPrefix("leadership management")
      || m.hasPrefix("the effectiveness of the local safeguarding") || m.hasPrefix("the experiences and progress")
      || m.hasPrefix("the impact of leaders")
  }

  private static func assign(_ label: String, _ g: Grade, _ out: inout [JudgementArea: Grade]) {
    let l = label
    func set(_ a: JudgementArea) { if out[a] == nil { out[a] = g } }
    if l.contains("safeguarding children board") || l.contains("lscb") { return }
    if l.contains("overall") {
      set(.overallEffectiveness)
    } else if l.contains("impact of leaders") || l.contains("leadership") || l.contains("effectiveness of leaders") {
      set(.leaders)
    } else if l.contains("help and protection") {
      set(.helpAndProtection)
    } else if l.contains("children in care and care leavers") || l.contains("looked after and care leavers") {
      set(.childrenInCare)
      set(.careLeavers)
    } else if l.contains("adoption") {
      set(.adoption)
    } else if l.contains("care leavers") {
      set(.careLeavers)
    } else if l.contains("children in care") || l.contains("looked after") {
      set(.childrenInCare)
    }
  }
}

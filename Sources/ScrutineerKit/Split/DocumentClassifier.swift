/// Decides what kind of document a text is from its opening and its shape.
enum DocumentClassifier {
  static func classify(_ doc: DocumentText) -> DocumentKind {
    var head: [String] = []
    // The lines are read in place: copying each line's analysis costs more than the test.
    let info = doc.info
    for i in info.indices where info[i].kind == .text {
      // The opening is what tells a document's kind; a long line is cut short.
      head.append(String(info[i].text.prefixCharacters(300)))
      if head.count >= 45 { break }
    }
    // Made when first needed: most letters are told by their title line before either is.
    lazy var top = head.prefix(15).joined(separator: " ").quickLowercased.straightApostrophes
    lazy var opening = head.joined(separator: " ").quickLowercased.straightApostrophes
    let hasDear = head.contains(where: DocumentSplitter.isSalutation)
    let letterhead = head.prefix(12).contains { DocumentSplitter.isLetterhead($0) }

    // A letter's title line names the visit.
    if hasDear || letterhead {
      for t in head {
        let n = HeadingVocabulary.normalise(t)
        if n.hasPrefix("focused visit") { return .focusedVisitLetter }
        if n.hasPrefix("monitoring visit") { return .monitoringVisitLetter }
        if n.hasPrefix("joint targeted area inspection") { return .jtaiLetter }
      }
      if opening.containsBytes("joint targeted area inspection") { return .jtaiLetter }
      if opening.containsBytes("findings of a focused visit")
        || opening.containsBytes("findings of the focused visit")
        || opening.containsBytes("focused visit to")
      {
        return .focusedVisitLetter
      }
      if opening.containsBytes("monitoring visit") { return .monitoringVisitLetter }
      if opening.containsBytes("focused visit") { return .focusedVisitLetter }
    }
    var responses = 0
    for i in info.indices where info[i].kind == .text && RecommendationCue.responseLabel(info[i].text) != nil
    {
      responses += 1
      if responses >= 2 { return .councilResponse }
    }
    let titleLines = head.prefix(3).map { HeadingVocabulary.normalise($0) }
    let reportTitle = titleLines.contains {
      $0.hasPrefix("inspection of") || $0.hasPrefix("review of the effectiveness")
    }
    if reportTitle || top.containsBytes("inspection dates:") || top.containsBytes("inspection date:")
      || top.containsBytes("lead inspector:")
    {
      return .inspectionReport
    }
    let title = head.prefix(4).joined(separator: " ").quickLowercased
    if head.prefix(8).joined(separator: " ").quickLowercased.containsBytes("improvement plan") {
      return .improvementPlan
    }
    if title.containsBytes("background paper") || title.containsBytes("scrutiny")
      || title.containsBytes("committee")
      || title.containsBytes("report to") || title.containsBytes("report of the")
      || title.containsBytes("purpose of report")
      || title.containsBytes("purpose of the report") || title.containsBytes("cabinet")
    {
      return .committeePaper
    }
    var quotes = 0
    for i in info.indices where info[i].kind == .text && QuoteCue.isQuote(info[i].text) { quotes += 1 }
    if quotes >= 1 && !hasDear { return .newsRelease }
    if top.containsBytes("improvement plan") { return .improvementPlan }
    if top.containsBytes("background paper") || top.containsBytes("scrutiny")
      || top.containsBytes("committee")
    {
      return .committeePaper
    }
    if hasDear && (opening.containsBytes("ofsted") || opening.containsBytes("inspector")) {
      return .focusedVisitLetter
    }
    if doc.info.contains(where: { $0.kind == .text && HeadingVocabulary.kind(of: $0.text) == .questions }) {
      return .committeePaper
    }
    return .other
  }
}

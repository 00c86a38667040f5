/// Turns a document's blocks into segments with items.
struct Segmenter {
  let doc: DocumentText
  let kind: DocumentKind
  let blocks: [Block]
  /// The document's span; segments cover it exactly.
  let span: Span

  private struct Draft {
    var kind: SegmentKind
    var heading: String?
    var start: Int
    var items: [Item] = []
    /// Column roles of a KPI table, from its header row.
    var kpiColumns: KPITable.Columns?
  }

  /// The kind that unknown headings and untitled prose fall back to.
  private var bodyKind: SegmentKind {
    switch kind {
    case .focusedVisitLetter, .monitoringVisitLetter, .inspectionReport, .jtaiLetter: .findings
    case .committeePaper, .improvementPlan: .background
    case .newsRelease, .councilResponse: .overview
    case .other: .other
    }
  }

  func segments() -> [Segment] {
    var drafts: [Draft] = []
    var cur = Draft(kind: .boilerplate, heading: nil, start: span.start)
    var headingSeen = false
    var closing = false
    var skipUntilLine = -1

    func startSegment(_ kind: SegmentKind, heading: String?, at start: Int) {
      if cur.items.isEmpty, cur.heading == nil, drafts.isEmpty || cur.start == start {
        // Nothing in the current draft yet: reuse it.
        cur.kind = kind
        cur.heading = heading
        cur.kpiColumns = nil
        return
      }
      drafts.append(cur)
      cur = Draft(kind: kind, heading: heading, start: start)
    }

    let prologueEnd = prologueEnd()
    var index = 0
    while index < blocks.count {
      let b = blocks[index]
      let start = doc.lines[b.firstLine].start
      defer { index += 1 }
      if index < prologueEnd {
        if index == 0 { cur = Draft(kind: .boilerplate, heading: nil, start: span.start) }
        continue
      }
      if b.firstLine <= skipUntilLine { continue }
      if closing {
        continue
      }
      if isClosing(b, index: index) {
        startSegment(.boilerplate, heading: nil, at: start)
        closing = true
        continue
      }
      switch b.kind {
      case .heading:
        let text = headingText(b)
        var k: SegmentKind
        if TitlePatterns.isTitle(text) && !headingSeen && kind != .inspectionReport {
          k = kind.isInspectorate ? .scope : bodyKind
        } else if let known = JudgementHeading.carriesGrade(text)
          ? .findings : HeadingVocabulary.kind(of: text) ?? (JudgementHeading.matches(text) ? .findings : nil)
        {
          // "Leadership, management and governance" between items 21 and 22 of a list of
          // areas for improvement groups the list; it does not open the findings.
          k = known == .findings && continuesNumberedList(cur, after: index, heading: text) ? cur.kind : known
          headingSeen = true
        } else if continuesNumberedList(cur, after: index, heading: text) {
          k = cur.kind
          headingSeen = true
        } else {
          k = inheritedKind(for: cur.kind, after: index)
          if drafts.isEmpty && cur.items.isEmpty && !kind.isInspectorate { k = bodyKind }
          headingSeen = true
        }
        startSegment(k, heading: text, at: start)
        if k == .boilerplate, HeadingVocabulary.normalise(text).hasSuffix("contents") {
          skipUntilLine = contentsEnd(after: b.lastLine)
        }
      case .tableRow:
        if cur.kind != .kpis {
          if KPITable.isHeader(b.text) || KPITable.looksLikeKPIRow(b.text) {
            startSegment(.kpis, heading: nil, at: start)
          }
        }
        if cur.kind == .kpis {
          if cur.kpiColumns == nil, KPITable.isHeader(b.text) {
            cur.kpiColumns = KPITable.columns(header: b.text)
            continue
          }
          var item = Item(text: b.text, span: b.span(in: doc), label: KPITable.label(b.text))
          item.sourceRanges = b.sourceRanges(in: doc)
          item.kpi = KPITable.row(b.text, columns: cur.kpiColumns)
          if let kpi = item.kpi {
            item.text = ([item.label, kpi.indicator].compactMap { $0 }).joined(separator: " ")
          }
          cur.items.append(item)
        } else {
          var item = Item(text: b.text, span: b.span(in: doc), label: nil)
          item.sourceRanges = b.sourceRanges(in: doc)
          cur.items.append(item)
        }
      case .paragraph, .item:
        // A footnote's text inside a bulleted list (after its number on a line of its
        // own) stays in the segment but is not one of its items.
        if cur.kind.isImprovementList, b.kind == .paragraph, !cur.items.isEmpty, isFootnote(b) {
          continue
        }
        let wanted = paragraphKind(b, current: cur.kind, headingSeen: headingSeen, drafts: drafts)
        if wanted != cur.kind {
          startSegment(wanted, heading: nil, at: start)
        }
        if cur.kind == .recommendations, let label = RecommendationCue.responseLabel(b.text) {
          let text = String(b.text.dropFirst(label)).trimmingLeadingSpaces()
          if var last = cur.items.popLast() {
            let span = responseSpan(b, labelChars: label)
            if var r = last.response {
              r.text += "\n" + text
              r.span.end = span.end
              last.response = r
            } else {
              last.response = Response(text: text, span: span)
            }
            cur.items.append(last)
            continue
          }
        }
        if cur.kind == .recommendations, kind == .councilResponse, !RecommendationCue.isImperative(b.text),
          var last = cur.items.popLast()
        {
          if last.response == nil {
            last.response = Response(text: b.text, span: b.span(in: doc))
            cur.items.append(last)
            continue
          }
          cur.items.append(last)
          startSegment(bodyKind, heading: nil, at: start)
        }
        var item = Item(text: b.text, span: b.span(in: doc), label: b.marker?.label)
        item.sourceRanges = b.sourceRanges(in: doc)
        cur.items.append(item)
      }
    }
    drafts.append(cur)

    // Spans: each segment runs to the start of the next.
    var out: [Segment] = []
    for (k, d) in drafts.enumerated() {
      let start = k == 0 ? span.start : d.start
      let end = k + 1 < drafts.count ? drafts[k + 1].start : span.end
      guard end > start || (drafts.count == 1) else { continue }
      out.append(
        Segment(kind: d.kind, heading: d.heading, span: Span(start: start, end: end), items: d.items))
    }
    if out.isEmpty {
      out.append(Segment(kind: .other, heading: nil, span: span, items: []))
    }
    // The first segment always starts at the document's start.
    out[0].span.start = span.start
    return out
  }

  // MARK: - Decisions

  /// The kind of segment an untitled paragraph or bullet belongs to.
  private func paragraphKind(_ b: Block, current: SegmentKind, headingSeen: Bool, drafts: [Draft])
    -> SegmentKind
  {
    let text = b.text
    switch kind {
    case .focusedVisitLetter, .monitoringVisitLetter, .jtaiLetter:
      if !headingSeen || current == .scope || current == .overview && !headingSeen {
        return ScopeCue.matches(text) ? .scope : .overview
      }
      return current == .boilerplate ? bodyKind : current
    case .inspectionReport:
      if current == .boilerplate { return ScopeCue.isPublicationNote(text) ? .boilerplate : .overview }
      return current
    case .newsRelease, .councilResponse:
      if QuoteCue.isQuote(text) { return .quotes }
      if current == .recommendations { return .recommendations }
      if kind == .councilResponse, RecommendationCue.isImperative(text),
        current != .recommendations, previousIntroducesRecommendations(b) || current == .recommendations
      {
        return .recommendations
      }
      if kind == .newsRelease, b.kind == .item, b.marker?.hasGlyph == true { return .findings }
      if current == .quotes || current == .findings || current == .boilerplate { return bodyKind }
      return current
    case .committeePaper, .improvementPlan, .other:
      if current == .boilerplate { return bodyKind }
      if current == .kpis { return bodyKind }
      return current
    }
  }

  /// Whether the paragraph before `b` introduces a list of recommendations.
  private func previousIntroducesRecommendations(_ b: Block) -> Bool {
    guard let i = blocks.firstIndex(where: { $0.firstLine == b.firstLine }), i > 0 else { return false }
    let prev = blocks[i - 1]
    let lower = prev.text.quickLowercased
    return (prev.kind == .heading || prev.text.hasSuffix(":")) && lower.containsBytes("recommendation")
      || prev.kind == .item && RecommendationCue.isImperative(prev.text)
  }

  /// Words of headings that open a new part of a report ("Key strengths and weaknesses",
  /// "Progress since …", "Summary of findings") rather than group a list.
  private static let sectionWords: Set<Substring> = [
    "strength", "strengths", "weakness", "weaknesses", "progress", "summary", "findings", "inspection",
    "information", "judgement", "judgements", "about", "overall", "experiences", "effectiveness", "impact",
    "lscb", "board",
  ]

  /// Whether a normalised heading opens a new part of the report.
  private static func opensSection(_ heading: String) -> Bool {
    heading.split(separator: " ").contains { sectionWords.contains($0) }
  }

  /// Whether a heading only groups the improvement list it stands in: the list's numbering
  /// runs on under it ("14. …", the heading, "15. Ensure …") with an instruction, and it
  /// does not open a new part of the report. Older reports number their areas for improvement straight through topic
  /// headings such as "Adoption" and "Leadership, management and governance".
  private func continuesNumberedList(_ cur: Draft, after index: Int, heading: String) -> Bool {
    guard cur.kind.isImprovementList, let last = cur.items.last?.label.flatMap({ Int($0) }),
      let next = blocks[(index + 1)...].first(where: { $0.kind != .heading }), next.kind == .item,
      let number = next.marker?.label.flatMap({ Int($0) }), number == last + 1,
      // Reports that number every paragraph carry the numbering into their findings too:
      // the item after the heading must read as an instruction.
      RecommendationCue.isImperative(next.text)
    else { return false }
    return !Self.opensSection(HeadingVocabulary.normalise(heading))
  }

  /// The kind for an unknown heading: list segments end, others carry on.
  private func inheritedKind(for current: SegmentKind, after index: Int) -> SegmentKind {
    switch current {
    case .questions:
      // Audience sub-headings ("To the Trust") keep a question list going.
      if let next = blocks[(index + 1)...].first(where: { $0.kind != .heading }),
        next.text.hasSuffix("?") || next.marker?.labelKind == .letter
      {
        return .questions
      }
      return bodyKind
    case .areasForImprovement, .priorityActions, .recommendations:
      // Theme sub-headings ("Workforce", "Quality of practice") inside a list keep it going
      // when a numbered item, a bullet or an instruction follows; headings that open a new
      // part of the report ("Key strengths and weaknesses", "Progress since …") do not.
      let heading = HeadingVocabulary.normalise(headingText(blocks[index]))
      let opensSection = heading.split(separator: " ").count > 6 || Self.opensSection(heading)
      if !opensSection, let next = blocks[(index + 1)...].first(where: { $0.kind != .heading }),
        next.kind == .item || RecommendationCue.isImperative(next.text)
      {
        return current
      }
      return bodyKind
    case .kpis, .scope, .boilerplate, .quotes:
      return bodyKind
    case .overview:
      return kind == .inspectionReport || kind.isInspectorate ? bodyKind : .overview
    default:
      return current
    }
  }

  private func headingText(_ b: Block) -> String {
    var parts: [String] = []
    for i in b.lines where !doc.info[i].text.isEmpty { parts.append(doc.info[i].text) }
    var text = parts.joined(separator: " ")
    // A footnote number glued to the end ("What needs to improve?1").
    if let last = text.last, last.isNumber, text.count > 3 {
      let body = text.dropLast(text.reversed().prefix { $0.isNumber }.count)
      if let b = body.last, b.isLetter || b == "?" || b == ":",
        text.reversed().prefix(while: \.isNumber).count <= 2,
        !body.hasSuffix(" ")
      {
        text = String(body)
      }
    }
    // "3.17 Potential Questions": drop the section number, keep the words.
    if let m = ListMarker.parse(text[...]), m.label != nil {
      text = String(text.utf8.dropFirst(m.width)) ?? text
    }
    return text
  }

  /// Where the opening matter ends (letterhead, address, salutation; a report's title
  /// page and judgement table): the index of the first block after it.
  private func prologueEnd() -> Int {
    let limit = min(blocks.count, 80)
    switch kind {
    case .focusedVisitLetter, .monitoringVisitLetter, .jtaiLetter, .other, .councilResponse:
      for k in 0..<limit where blocks[k].text.hasPrefix("Dear ") && blocks[k].text.hasAtMostCharacters(59) {
        return k + 1
      }
      return 0
    case .inspectionReport:
      // The title page: title, dates, lead inspector, and the judgement table, which
      // ends at the first paragraph of prose after a grade.
      var last = -1
      var sawGrade = false
      for k in 0..<limit {
        let t = blocks[k].text
        let isGrade =
          Grade.exact(t) != nil || t == "to be good"
          || Self.startsOverallJudgement(t)
          || blocks[k].kind == .heading && k < 40 && JudgementHeading.carriesGrade(headingText(blocks[k]))
        if isGrade {
          sawGrade = true
          last = k
          continue
        }
        let label =
          JudgementHeading.startsJudgement(t)
          || HeadingVocabulary.withLeadWord(t, { !$0.elementsEqual("overall".utf8) }) != true
            && HeadingVocabulary.normalise(t).hasPrefix("overall effectiveness")
        if sawGrade && !label
          && (!t.hasAtMostCharacters(200)
            || blocks[k].kind == .heading && HeadingVocabulary.kind(of: t) != nil)
        {
          break
        }
        if !sawGrade && !t.hasAtMostCharacters(300) { break }
      }
      if last >= 0 {
        var end = last + 1
        // The LSCB judgement and similar lines that follow the table.
        while end < blocks.count, Grade.exact(blocks[end].text) != nil || blocks[end].text == "to be good" {
          end += 1
        }
        return end
      }
      // A title block: lines before the first paragraph that are short.
      var k = 0
      while k < limit,
        blocks[k].kind == .heading
          || blocks[k].text.hasAtMostCharacters(89) && !doc.endsSentence(blocks[k].lastLine)
      {
        k += 1
      }
      return k
    case .newsRelease, .committeePaper, .improvementPlan:
      return 0
    }
  }

  /// Whether the lowercased text starts with "the overall judgement is": on bytes, ASCII
  /// case ignored (no scalar beyond ASCII lowers or is canonically equivalent to one of its
  /// characters), unless a byte beyond ASCII follows (a mark that might join the last).
  static func startsOverallJudgement(_ t: String) -> Bool {
    let opening = "the overall judgement is"
    guard ASCIIMatch.hasPrefix(t, "the overall judgement is") else { return false }
    let u = t.utf8
    let next = u.index(u.startIndex, offsetBy: opening.utf8.count)
    if next == u.endIndex || u[next] < 0x80 { return true }
    return t.quickLowercased.hasPrefix(opening)
  }

  /// Whether the block opens the closing matter (sign-off, publication notes).
  private func isClosing(_ b: Block, index: Int) -> Bool {
    guard index * 3 >= blocks.count else { return false }
    return ClosingCue.matches(b.text, documentKind: kind)
  }

  /// The last line of a contents list: entries followed by page numbers.
  private func contentsEnd(after line: Int) -> Int {
    var i = line + 1
    var lastNumbered = line
    while i < doc.lines.count {
      let li = doc.info[i]
      if li.kind == .blank || li.kind == .furniture {
        if li.kind == .furniture { lastNumbered = i }
        i += 1
        continue
      }
      // An entry: is a page number within the next two content lines?
      var seen = 0
      var k = i + 1
      var numbered = false
      while k < doc.lines.count, seen < 3 {
        if doc.info[k].kind == .furniture, !doc.info[k].text.isEmpty || isPageNumber(k) {
          numbered = true
          break
        }
        if doc.info[k].kind == .text { seen += 1 }
        if seen >= 3 { break }
        k += 1
      }
      if !numbered { break }
      lastNumbered = k
      i = k + 1
    }
    return lastNumbered
  }

  /// Whether the block follows a footnote number alone on a line and explains something
  /// rather than listing ("The areas for improvement have been cross-referenced …").
  private func isFootnote(_ b: Block) -> Bool {
    var k = b.firstLine - 1
    while k >= 0, doc.info[k].kind == .blank { k -= 1 }
    guard k >= 0, doc.info[k].kind == .furniture else { return false }
    let c = doc.content(k)
    return !c.isEmpty && c.count <= 2 && c.allSatisfy(\.isNumber) && !RecommendationCue.isImperative(b.text)
  }

  private func isPageNumber(_ i: Int) -> Bool {
    let c = doc.content(i)
    return !c.isEmpty && c.count <= 3 && c.allSatisfy(\.isNumber)
  }

  private func responseSpan(_ b: Block, labelChars: Int) -> Span {
    let s = b.span(in: doc)
    // Skip the label in the source: find the first colon or dash after the content start.
    let bytes = doc.bytes
    var i = doc.info[b.firstLine].textStart
    while i < s.end, bytes[i] != UInt8(ascii: ":"), bytes[i] != UInt8(ascii: "-") { i += 1 }
    i += 1
    while i < s.end, bytes[i] == 0x20 { i += 1 }
    return Span(start: min(i, s.end), end: s.end)
  }
}

extension String {
  func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}

/// Compares each authority's documents across years: theme statuses, recurring
/// concerns, follow-up of recommendations, promises against findings, KPIs, questions.
///
/// Statuses are decided on the inspectorate's words only (letters and reports, and the
/// recommendations a council document quotes); the authority's own documents appear as
/// claims and promises beside them. Items are compared only within an authority and a
/// theme, never all against all.
public enum Comparer {
  /// - Parameters:
  ///   - documents: documents of any authorities, in any order.
  ///   - themes: theme ids and labels, in the order to report them.
  ///   - authority: compare only this authority (matched without regard to case).
  public static func compare(_ documents: [EvidenceDocument], themes: [RuleSet.Theme], authority: String? = nil)
    -> Comparison
  {
    var byAuthority: [String: [EvidenceDocument]] = [:]
    for d in documents {
      if let authority, d.authority.lowercased() != authority.lowercased() { continue }
      byAuthority[d.authority, default: []].append(d)
    }
    let authorities = byAuthority.keys.sorted().map { name in
      AuthorityComparer(authority: name, documents: byAuthority[name]!, themes: themes).run()
    }
    return Comparison(authorities: authorities)
  }
}

struct AuthorityComparer {
  let authority: String
  let documents: [EvidenceDocument]
  let themes: [RuleSet.Theme]
  /// Content words per document and item, computed once.
  let words: [[Set<String>]]

  init(authority: String, documents: [EvidenceDocument], themes: [RuleSet.Theme]) {
    self.authority = authority
    self.documents = documents.sorted {
      ($0.date?.dayNumber ?? Int.min, $0.path, $0.kind.rawValue) < ($1.date?.dayNumber ?? Int.min, $1.path, $1.kind.rawValue)
    }
    self.themes = themes
    words = self.documents.map { $0.items.map { Similarity.words($0.text) } }
  }

  func run() -> AuthorityComparison {
    let timeline = themes.map(timeline(for:))
    let chains = themes.compactMap(chain(for:))
    let followUps = self.followUps()
    let promises = self.promises()
    let kpis = self.kpis()
    let questions = self.questions(timeline: timeline, chains: chains)
    return AuthorityComparison(
      authority: authority, documents: documents, timeline: timeline, chains: chains, followUps: followUps,
      promises: promises, kpis: kpis, questions: questions)
  }

  // MARK: - Helpers

  /// Items on a theme in the inspectorate's voice, per document.
  private func inspectorateItems(_ theme: String, in d: Int) -> [Int] {
    let doc = documents[d]
    return doc.items.indices.filter { doc.items[$0].themes.contains(theme) && doc.items[$0].isInspectorateVoice(in: doc) }
  }

  func quote(_ d: Int, _ i: Int, similarity: Double? = nil) -> Quote {
    let item = documents[d].items[i]
    return Quote(
      document: d, item: item.number, text: item.text, span: item.span, polarity: item.segment.isImprovementList ? .concern : item.polarity,
      segment: item.segment, similarity: similarity)
  }

  private func label(_ theme: String) -> String { themes.first { $0.id == theme }?.label ?? theme }

  // MARK: - Timeline and status

  func timeline(for theme: RuleSet.Theme) -> ThemeTimeline {
    var cells: [ThemeTimeline.Cell] = []
    for (d, doc) in documents.enumerated() {
      let items = doc.isInspectorate ? inspectorateItems(theme.id, in: d) : doc.items.indices.filter { doc.items[$0].themes.contains(theme.id) }
      cells.append(
        ThemeTimeline.Cell(
          concerns: items.filter { doc.items[$0].raisesConcern }.count,
          strengths: items.filter { doc.items[$0].praises }.count, mentions: items.count))
    }
    return ThemeTimeline(theme: theme.id, label: theme.label, cells: cells, status: status(theme.id))
  }

  func status(_ theme: String) -> ThemeStatus {
    // Documents whose inspectorate-voice items mention the theme.
    var series: [(d: Int, concerns: Int, strengths: Int)] = []
    for d in documents.indices {
      let items = inspectorateItems(theme, in: d)
      guard !items.isEmpty else { continue }
      let doc = documents[d]
      series.append((d, items.filter { doc.items[$0].raisesConcern }.count, items.filter { doc.items[$0].praises }.count))
    }
    guard let last = series.last else { return .notMentioned }
    let earlier = series.dropLast()
    let earlierConcern = earlier.contains { $0.concerns > 0 }
    let latestInspectorate = documents.indices.last { documents[$0].isInspectorate || !inspectorateItems(theme, in: $0).isEmpty }
    func balance(_ x: (d: Int, concerns: Int, strengths: Int)) -> Double {
      let total = x.concerns + x.strengths
      return total == 0 ? 0 : Double(x.strengths - x.concerns) / Double(total)
    }
    if last.concerns > 0 {
      if last.d != latestInspectorate { return .unresolved }
      if !earlierConcern { return earlier.contains { $0.strengths > 0 } ? .worsening : .new }
      let previous = earlier.last!
      let change = balance(last) - balance(previous)
      if change >= 0.5 { return .improving }
      if change <= -0.5 { return .worsening }
      return .persistent
    }
    return earlierConcern ? .resolved : .praised
  }

  // MARK: - Recurring concerns

  func chain(for theme: RuleSet.Theme) -> ConcernChain? {
    // Concern items on the theme, per document.
    var perDocument: [(d: Int, items: [Int])] = []
    for d in documents.indices {
      let doc = documents[d]
      let items = inspectorateItems(theme.id, in: d).filter { doc.items[$0].raisesConcern }
      if !items.isEmpty { perDocument.append((d, items)) }
    }
    guard perDocument.count >= 2 else { return nil }
    // Per document, the item whose wording is closest to the other documents' concerns.
    var quotes: [Quote] = []
    var wordingLinked = false
    for (d, items) in perDocument {
      var best: (i: Int, score: Double) = (items[0], -1)
      for i in items {
        var score = 0.0
        for (e, others) in perDocument where e != d {
          for j in others {
            let o = Similarity.overlap(words[d][i], words[e][j])
            if o.shared >= 2 { score = max(score, o.score) }
          }
        }
        if score > best.score { best = (i, score) }
      }
      if best.score >= Similarity.chainThreshold { wordingLinked = true }
      quotes.append(quote(d, best.i, similarity: max(best.score, 0)))
    }
    // The latest word on the subject after the last concern.
    let lastConcernDocument = perDocument.last!.d
    var latest: Quote?
    var chainWords = Set<String>()
    for q in quotes {
      if let i = documents[q.document].items.firstIndex(where: { $0.number == q.item }) { chainWords.formUnion(words[q.document][i]) }
    }
    for d in documents.indices where d > lastConcernDocument {
      let items = inspectorateItems(theme.id, in: d)
      guard !items.isEmpty else { continue }
      let best = items.max { Similarity.overlap(words[d][$0], chainWords).score < Similarity.overlap(words[d][$1], chainWords).score }!
      latest = quote(d, best, similarity: Similarity.overlap(words[d][best], chainWords).score)
    }
    var status = self.status(theme.id)
    if status == .improving || status == .worsening || status == .new { status = latest == nil ? .persistent : status }
    return ConcernChain(
      theme: theme.id, label: theme.label, quotes: quotes, firstRaised: documents[perDocument[0].d].date,
      timesRaised: perDocument.count, latest: latest, status: status, linkedBy: wordingLinked ? "theme and wording" : "theme")
  }

  // MARK: - Follow-up of recommendations

  func followUps() -> [FollowUp] {
    var out: [FollowUp] = []
    for d in documents.indices {
      let doc = documents[d]
      for (i, item) in doc.items.enumerated() where item.segment.isImprovementList && item.isInspectorateVoice(in: doc) {
        guard !item.themes.isEmpty else { continue }
        var later: [Quote] = []
        for e in documents.indices where e > d && documents[e].isInspectorate {
          let candidates = documents[e].items.indices.filter { j in
            !Set(documents[e].items[j].themes).isDisjoint(with: item.themes)
          }
          guard !candidates.isEmpty else { continue }
          func rank(_ j: Int) -> (Double, Int) {
            (Similarity.overlap(words[d][i], words[e][j]).score, Set(documents[e].items[j].themes).intersection(item.themes).count)
          }
          let best = candidates.max { rank($0) < rank($1) }!
          let score = Similarity.overlap(words[d][i], words[e][best]).score
          guard score >= Similarity.followUpThreshold else { continue }
          later.append(quote(e, best, similarity: score))
        }
        out.append(FollowUp(recommendation: quote(d, i), themes: item.themes, later: later))
      }
    }
    return out
  }

  // MARK: - Promises against findings

  private static let promiseCues = [" will ", "we will", "we are ", "plan to", "committed", "intend", "going to", "by the end of", "is being", "are being"]

  func promises() -> [PromiseCheck] {
    var out: [PromiseCheck] = []
    for d in documents.indices where !documents[d].isInspectorate {
      let doc = documents[d]
      guard let next = documents.indices.first(where: { $0 > d && documents[$0].isInspectorate }) else { continue }
      for (i, item) in doc.items.enumerated() where !item.isInspectorateVoice(in: doc) || item.response != nil {
        let text = " " + (item.response ?? item.text).lowercased() + " "
        guard Self.promiseCues.contains(where: { text.contains($0) }) else { continue }
        for theme in item.themes {
          let findings = inspectorateItems(theme, in: next).map { quote(next, $0, similarity: Similarity.overlap(words[d][i], words[next][$0]).score) }
          guard !findings.isEmpty else { continue }
          var promise = quote(d, i)
          if let r = item.response { promise.text = r }
          out.append(PromiseCheck(promise: promise, theme: theme, findings: findings))
        }
      }
    }
    return out
  }

  // MARK: - KPIs

  func kpis() -> [KPISeries] {
    var series: [String: KPISeries] = [:]
    var order: [String] = []
    for (d, doc) in documents.enumerated() {
      for k in doc.kpis {
        let key = Similarity.words(k.indicator).sorted().joined(separator: " ")
        if series[key] == nil {
          series[key] = KPISeries(indicator: k.indicator, readings: [])
          order.append(key)
        }
        series[key]!.readings.append(
          KPISeries.Reading(document: d, actual: k.actual, target: k.target, tolerance: k.tolerance, outsideTolerance: k.outsideTolerance))
      }
    }
    return order.map { series[$0]! }
  }

  // MARK: - Questions for members

  func questions(timeline: [ThemeTimeline], chains: [ConcernChain]) -> [MemberQuestion] {
    var out: [MemberQuestion] = []
    for t in timeline where t.status == .persistent || t.status == .worsening {
      guard let c = chains.first(where: { $0.theme == t.theme }) ?? singleChain(t.theme) else { continue }
      let first = c.quotes.first!
      let last = c.quotes.last!
      let firstDoc = documents[first.document]
      let lastDoc = documents[last.document]
      let subject = t.label.lowercased()
      var text: String
      if t.status == .persistent {
        text = "Inspectors raised concerns about \(subject) in \(firstDoc.label) and again in \(lastDoc.label), "
        text += "where they wrote: “\(Self.excerpt(last.text))” What has changed since \(firstDoc.date.map(Self.monthYear) ?? "then"), "
        text += "and what evidence will show members that it has improved?"
      } else {
        text = "Inspectors' view of \(subject) has worsened: in \(lastDoc.label) they wrote: “\(Self.excerpt(last.text))” "
        text += "What has caused this, and what is being done about it?"
      }
      out.append(MemberQuestion(theme: t.theme, text: text, evidence: c.quotes))
    }
    return out
  }

  /// A chain of one document's concerns, for a theme that worsened in a single document.
  private func singleChain(_ theme: String) -> ConcernChain? {
    for d in documents.indices.reversed() {
      let items = inspectorateItems(theme, in: d).filter { documents[d].items[$0].raisesConcern }
      if let i = items.first {
        return ConcernChain(
          theme: theme, label: label(theme), quotes: [quote(d, i)], firstRaised: documents[d].date, timesRaised: 1,
          latest: nil, status: .worsening, linkedBy: "theme")
      }
    }
    return nil
  }

  /// The first sentence of a quotation, shortened to about thirty words.
  static func excerpt(_ text: String) -> String {
    let sentence = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
    let words = sentence.split(separator: " ")
    return words.count > 30 ? words.prefix(30).joined(separator: " ") + " …" : sentence + "."
  }

  static func monthYear(_ d: ISODate) -> String {
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    return "\(months[d.month - 1]) \(d.year)"
  }
}

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
  public static func compare(
    _ documents: [EvidenceDocument], themes: [RuleSet.Theme], authority: String? = nil
  )
    -> Comparison
  {
    var byAuthority: [String: [EvidenceDocument]] = [:]
    for d in documents {
      if let authority, d.authority.lowercased() != authority.lowercased() { continue }
      byAuthority[d.authority, default: []].append(d)
    }
    let names = byAuthority.keys.sorted()
    // Authorities are compared independently, on all cores; each lands in its own slot.
    let authorities = Parallel.map(names.count) { k in
      AuthorityComparer(authority: names[k], documents: byAuthority[names[k]]!, themes: themes).run()
    }
    return Comparison(authorities: authorities)
  }
}

struct AuthorityComparer {
  let authority: String
  let documents: [EvidenceDocument]
  let themes: [RuleSet.Theme]
  /// Content words per document and item, computed once.
  let words: [[WordSet]]
  /// Per theme, per document, the items on the theme in the inspectorate's voice, in order.
  private let inspectorateIndex: [String: [[Int]]]

  init(authority: String, documents: [EvidenceDocument], themes: [RuleSet.Theme]) {
    self.authority = authority
    self.documents = documents.sorted {
      ($0.date?.dayNumber ?? Int.min, $0.path, $0.kind.rawValue) < (
        $1.date?.dayNumber ?? Int.min, $1.path, $1.kind.rawValue
      )
    }
    self.themes = themes
    var vocabulary = WordVocabulary()
    words = self.documents.map { $0.items.map { vocabulary.words($0.text) } }
    var index: [String: [[Int]]] = [:]
    let none = Array(repeating: [Int](), count: self.documents.count)
    for (d, doc) in self.documents.enumerated() {
      for (i, item) in doc.items.enumerated() where item.isInspectorateVoice(in: doc) {
        for theme in item.themes where index[theme]?[d].last != i { index[theme, default: none][d].append(i) }
      }
    }
    inspectorateIndex = index
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
    inspectorateIndex[theme]?[d] ?? []
  }

  /// A quotation of an item; with a theme, the polarity is the item's on that theme.
  func quote(_ d: Int, _ i: Int, theme: String? = nil, similarity: Double? = nil) -> Quote {
    let item = documents[d].items[i]
    let polarity =
      theme.map { item.polarity(on: $0) } ?? (item.segment.isImprovementList ? .concern : item.polarity)
    return Quote(
      document: d, item: item.number, text: item.text, span: item.span, polarity: polarity,
      segment: item.segment,
      similarity: similarity)
  }

  private func label(_ theme: String) -> String { themes.first { $0.id == theme }?.label ?? theme }

  // MARK: - Timeline and status

  func timeline(for theme: RuleSet.Theme) -> ThemeTimeline {
    var cells: [ThemeTimeline.Cell] = []
    for (d, doc) in documents.enumerated() {
      let items =
        doc.isInspectorate
        ? inspectorateItems(theme.id, in: d)
        : doc.items.indices.filter { doc.items[$0].themes.contains(theme.id) }
      cells.append(
        ThemeTimeline.Cell(
          concerns: items.filter { doc.items[$0].raisesConcern(on: theme.id) }.count,
          strengths: items.filter { doc.items[$0].praises(on: theme.id) }.count, mentions: items.count))
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
      series.append(
        (
          d, items.filter { doc.items[$0].raisesConcern(on: theme) }.count,
          items.filter { doc.items[$0].praises(on: theme) }.count
        ))
    }
    guard let last = series.last else { return .notMentioned }
    let earlier = series.dropLast()
    // A document raises the theme as a concern when its concerns on it are at least as
    // many as its praise: one critical clause in a paragraph of praise does not make a
    // well-judged service a concern.
    func isConcern(_ x: (d: Int, concerns: Int, strengths: Int)) -> Bool {
      x.concerns > 0 && x.concerns >= x.strengths
    }
    let earlierConcern = earlier.contains(where: isConcern)
    let latestInspectorate = documents.indices.last {
      documents[$0].isInspectorate || !inspectorateItems(theme, in: $0).isEmpty
    }
    func balance(_ x: (d: Int, concerns: Int, strengths: Int)) -> Double {
      let total = x.concerns + x.strengths
      return total == 0 ? 0 : Double(x.strengths - x.concerns) / Double(total)
    }
    if isConcern(last) {
      if last.d != latestInspectorate { return .unresolved }
      if !earlierConcern { return earlier.contains { $0.strengths > 0 } ? .worsening : .new }
      let previous = earlier.last!
      let change = balance(last) - balance(previous)
      if change >= 0.5 { return .improving }
      if change <= -0.5 { return .worsening }
      return .persistent
    }
    if earlierConcern { return .resolved }
    // Praised on balance throughout; worsening only if the balance fell sharply.
    if let previous = earlier.last, last.concerns > 0, balance(last) - balance(previous) <= -0.5 {
      return .worsening
    }
    return .praised
  }

  // MARK: - Recurring concerns

  /// Concern items on a theme in different documents are linked when their wording
  /// overlaps (overlap coefficient of content words ≥ `Similarity.chainThreshold`, two words
  /// or more); a chain is a linked group that spans two documents or more. The chain
  /// quotes, per document, its member closest to the rest.
  func chain(for theme: RuleSet.Theme) -> ConcernChain? {
    var members: [(d: Int, i: Int)] = []
    for d in documents.indices {
      let doc = documents[d]
      for i in inspectorateItems(theme.id, in: d) where doc.items[i].raisesConcern(on: theme.id) {
        members.append((d, i))
      }
    }
    guard Set(members.map(\.d)).count >= 2 else { return nil }
    // Union-find over wording links between documents.
    var parent = Array(members.indices)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    var best = Array(repeating: 0.0, count: members.count)
    for a in members.indices {
      for b in members.indices where b > a && members[a].d != members[b].d {
        let o = Similarity.overlap(words[members[a].d][members[a].i], words[members[b].d][members[b].i])
        guard o.shared >= 2, o.score >= Similarity.chainThreshold else { continue }
        parent[find(a)] = find(b)
        best[a] = max(best[a], o.score)
        best[b] = max(best[b], o.score)
      }
    }
    // The largest linked group that spans documents; ties go to the earliest.
    var groups: [Int: [Int]] = [:]
    for m in members.indices { groups[find(m), default: []].append(m) }
    let spanning = groups.values.filter { Set($0.map { members[$0].d }).count >= 2 }
    guard let group = spanning.max(by: { ($0.count, -$0.min()!) < ($1.count, -$1.min()!) }) else {
      return nil
    }
    var quotes: [Quote] = []
    for d in Set(group.map { members[$0].d }).sorted() {
      let inDoc = group.filter { members[$0].d == d }
      let pick = inDoc.max { best[$0] < best[$1] || best[$0] == best[$1] && $0 > $1 }!
      quotes.append(quote(d, members[pick].i, theme: theme.id, similarity: best[pick]))
    }
    // The latest word on the subject after the last concern.
    let lastConcernDocument = quotes.last!.document
    let chainWords = WordSet.union(group.map { words[members[$0].d][members[$0].i] })
    var latest: Quote?
    for d in documents.indices where d > lastConcernDocument {
      let items = inspectorateItems(theme.id, in: d)
      guard !items.isEmpty else { continue }
      // Each item's overlap with the chain, computed once.
      let scored = items.map { ($0, Similarity.overlap(words[d][$0], chainWords).score) }
      let (pick, score) = scored.max { $0.1 < $1.1 }!
      latest = quote(d, pick, theme: theme.id, similarity: score)
    }
    let status: ThemeStatus
    if let latest {
      status = latest.polarity == .strength || latest.polarity == .neutral ? .resolved : .persistent
    } else {
      status =
        lastConcernDocument == documents.indices.last { documents[$0].isInspectorate }
        ? .persistent : .unresolved
    }
    return ConcernChain(
      theme: theme.id, label: theme.label, quotes: quotes, firstRaised: documents[quotes[0].document].date,
      timesRaised: quotes.count, latest: latest, status: status, linkedBy: "theme and wording")
  }

  // MARK: - Follow-up of recommendations

  func followUps() -> [FollowUp] {
    var out: [FollowUp] = []
    for d in documents.indices {
      let doc = documents[d]
      for (i, item) in doc.items.enumerated()
      where item.segment.isImprovementList && item.isInspectorateVoice(in: doc) {
        guard !item.themes.isEmpty else { continue }
        var later: [Quote] = []
        for e in documents.indices where e > d && documents[e].isInspectorate {
          // The item sharing a theme that ranks highest by (overlap, themes shared); the
          // first of equals.
          var best: (j: Int, overlap: (score: Double, shared: Int), themes: Int)?
          for (j, candidate) in documents[e].items.enumerated() {
            let themes = Self.sharedThemeCount(candidate.themes, item.themes)
            guard themes > 0 else { continue }
            let o = Similarity.overlap(words[d][i], words[e][j])
            if let b = best, (b.overlap.score, b.themes) >= (o.score, themes) { continue }
            best = (j, o, themes)
          }
          guard let best, best.overlap.score >= Similarity.followUpThreshold, best.overlap.shared >= 2 else {
            continue
          }
          let shared = item.themes.first { documents[e].items[best.j].themes.contains($0) }
          later.append(quote(e, best.j, theme: shared, similarity: best.overlap.score))
        }
        out.append(FollowUp(recommendation: quote(d, i), themes: item.themes, later: later))
      }
    }
    return out
  }

  /// How many distinct themes of `a` are in `b`.
  private static func sharedThemeCount(_ a: [String], _ b: [String]) -> Int {
    var n = 0
    for (k, t) in a.enumerated() where b.contains(t) && !a[..<k].contains(t) { n += 1 }
    return n
  }

  // MARK: - Promises against findings

  private static let promiseCues = [
    " will ", "we will", "we are ", "plan to", "committed", "intend", "going to", "by the end of", "is being",
    "are being",
  ]

  func promises() -> [PromiseCheck] {
    var out: [PromiseCheck] = []
    for d in documents.indices where !documents[d].isInspectorate {
      let doc = documents[d]
      guard let next = documents.indices.first(where: { $0 > d && documents[$0].isInspectorate }) else {
        continue
      }
      for (i, item) in doc.items.enumerated() where !item.isInspectorateVoice(in: doc) || item.response != nil
      {
        let text = " " + (item.response ?? item.text).lowercased() + " "
        guard Self.promiseCues.contains(where: { TextSearch.contains(text, $0) }) else { continue }
        for theme in item.themes {
          let findings = inspectorateItems(theme, in: next).map {
            quote(next, $0, theme: theme, similarity: Similarity.overlap(words[d][i], words[next][$0]).score)
          }
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
          KPISeries.Reading(
            document: d, actual: k.actual, target: k.target, tolerance: k.tolerance,
            outsideTolerance: k.outsideTolerance))
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
      var last = c.quotes.last!
      let firstDoc = documents[first.document]
      let lastDoc = documents[last.document]
      if let item = lastDoc.items.first(where: { $0.number == last.item }) {
        last.text = item.sentence(on: t.theme, concern: true)
      }
      let subject = t.label.lowercased()
      var text: String
      if t.status == .persistent {
        text =
          "Inspectors raised concerns about \(subject) in \(firstDoc.label) and again in \(lastDoc.label), "
        text +=
          "where they wrote: “\(Self.excerpt(last.text))” What has changed since \(firstDoc.date.map(Self.monthYear) ?? "then"), "
        text += "and what evidence will show members that it has improved?"
      } else {
        text =
          "Inspectors' view of \(subject) has worsened: in \(lastDoc.label) they wrote: “\(Self.excerpt(last.text))” "
        text += "What has caused this, and what is being done about it?"
      }
      out.append(MemberQuestion(theme: t.theme, text: text, evidence: c.quotes))
    }
    return out
  }

  /// A chain of one document's concerns, for a theme that worsened in a single document.
  private func singleChain(_ theme: String) -> ConcernChain? {
    for d in documents.indices.reversed() {
      let items = inspectorateItems(theme, in: d).filter { documents[d].items[$0].raisesConcern(on: theme) }
      if let i = items.first {
        return ConcernChain(
          theme: theme, label: label(theme), quotes: [quote(d, i, theme: theme)],
          firstRaised: documents[d].date, timesRaised: 1,
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
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ]
    return "\(months[d.month - 1]) \(d.year)"
  }
}

/// Renders a comparison as text for a terminal, Markdown for a committee paper, or JSON.
public enum ComparisonRenderer {
  public static func text(_ c: Comparison) -> String { render(c, markdown: false) }
  public static func markdown(_ c: Comparison) -> String { render(c, markdown: true) }

  static func render(_ c: Comparison, markdown md: Bool) -> String {
    if c.authorities.isEmpty { return "No documents to compare.\n" }
    // Each authority's section on its own, on all cores.
    return Parallel.map(c.authorities.count) { render(c.authorities[$0], markdown: md) }.joined()
  }

  static func render(_ a: AuthorityComparison, markdown md: Bool) -> String {
    var out = ""
    func heading(_ level: Int, _ s: String) {
      if md {
        out += String(repeating: "#", count: level) + " " + s + "\n\n"
      } else {
        out += s + "\n" + String(repeating: level == 1 ? "=" : "-", count: min(s.count, 80)) + "\n"
      }
    }
    func line(_ s: String = "") { out += s + "\n" }
    let dates = a.documents.compactMap(\.date)
    let span = dates.isEmpty ? "" : ", \(dates.first!.year)–\(dates.last!.year)"
    heading(1, "\(a.authority) (\(a.documents.count) document\(a.documents.count == 1 ? "" : "s")\(span))")
    heading(2, "Documents")
    for (k, d) in a.documents.enumerated() {
      let voice = d.isInspectorate ? "" : " (the authority's own)"
      line(
        "\(md ? "\(k + 1)." : "  [\(k + 1)]") \(d.label)\(voice): \(escape(d.title ?? "untitled", md)) — \(escape(d.path, md))"
      )
    }
    line()
    heading(2, "Theme timeline")
    line(
      md
        ? "Concerns/strengths per document; statuses from the inspectorate's words."
        : "Concerns/strengths per document [1], [2], …; statuses from the inspectorate's words.")
    line()
    let mentioned = a.timeline.filter {
      $0.status != .notMentioned || $0.cells.contains { $0.mentions > 0 }
    }
    if md {
      line(
        "| theme | status | " + a.documents.indices.map { "[\($0 + 1)]" }.joined(separator: " | ") + " |")
      line("|---|---|" + String(repeating: "---|", count: a.documents.count))
    }
    for t in mentioned {
      let cells = t.cells.map { $0.mentions == 0 ? "·" : "\($0.concerns)/\($0.strengths)" }
      if md {
        line("| \(t.label) | \(t.status.rawValue) | " + cells.joined(separator: " | ") + " |")
      } else {
        line(
          "  " + padded(t.label, 34)
            + padded(t.status.rawValue, 14)
            + cells.map { padded($0, 5) }.joined())
      }
    }
    line()
    heading(2, "Recurring concerns")
    if a.chains.isEmpty { line("None: no theme was a concern in more than one inspectorate document.\n") }
    for ch in a.chains {
      let first = ch.firstRaised.map(\.description) ?? "undated"
      line(
        (md ? "**" : "") + "\(ch.label)" + (md ? "**" : "")
          + ": raised in \(ch.timesRaised) documents since \(first); status \(ch.status.rawValue) (linked by \(ch.linkedBy))."
      )
      for q in ch.quotes { line(quoteLine(q, a, md)) }
      if let l = ch.latest { line(quoteLine(l, a, md, prefix: "latest")) }
      line()
    }
    heading(2, "Follow-up of recommendations")
    if a.followUps.isEmpty { line("No recommendations or areas for improvement in these documents.\n") }
    for f in a.followUps {
      let d = a.documents[f.recommendation.document]
      line(
        (md ? "- " : "  * ")
          + "“\(escape(f.recommendation.text, md))” (\(d.label), item \(f.recommendation.item); \(f.themes.joined(separator: ", ")))"
      )
      if f.later.isEmpty {
        line(
          md
            ? "  - not taken up by a later inspectorate document"
            : "      not taken up by a later inspectorate document")
      }
      for q in f.later {
        let ld = a.documents[q.document]
        line(
          (md ? "  - " : "      ")
            + "\(ld.label): \(q.polarity.rawValue) — “\(escape(excerpt(q.text), md))” [\(q.span.start)–\(q.span.end)]"
        )
      }
    }
    line()
    heading(2, "Promises against findings")
    if a.promises.isEmpty {
      line("No promises in the authority's documents with a later inspection to set them against.\n")
    }
    for p in a.promises {
      let d = a.documents[p.promise.document]
      line(
        (md ? "- " : "  * ") + "\(d.label) promised (\(p.theme)): “\(escape(excerpt(p.promise.text), md))”")
      for q in p.findings.prefix(3) {
        let fd = a.documents[q.document]
        line(
          (md ? "  - " : "      ")
            + "\(fd.label) found: \(q.polarity.rawValue) — “\(escape(excerpt(q.text), md))”")
      }
    }
    line()
    if !a.kpis.isEmpty {
      heading(2, "KPIs over time")
      for k in a.kpis {
        let readings = k.readings.map { r -> String in
          let flag = r.outsideTolerance == true ? " (\(side(r)) the tolerance \(r.tolerance ?? "?"))" : ""
          return
            "\(a.documents[r.document].date?.description ?? "undated"): \(r.actual ?? "–") against \(r.target ?? "–")\(flag)"
        }
        line((md ? "- " : "  * ") + "\(escape(k.indicator, md)): " + readings.joined(separator: "; "))
      }
      line()
    }
    heading(2, "Questions for members")
    if a.questions.isEmpty { line("No persistent or worsening concerns to ask about.\n") }
    for (n, q) in a.questions.enumerated() {
      line("\(n + 1). \(escape(q.text, md))")
      let sources = q.evidence.map { "\(a.documents[$0.document].label), item \($0.item)" }.joined(
        separator: "; ")
      line((md ? "   " : "     ") + "Evidence: \(sources)")
    }
    line()
    return out
  }

  /// `s.padding(toLength: n, withPad: " ", startingAt: 0)`: padded with spaces, or cut,
  /// to `n` UTF-16 code units; without Foundation when only padding is needed.
  static func padded(_ s: String, _ n: Int) -> String {
    let units = s.utf16.count
    guard units <= n else { return s.padding(toLength: n, withPad: " ", startingAt: 0) }
    return s + String(repeating: " ", count: n - units)
  }

  /// Whether a reading outside its tolerance lies above or below it (whether that is
  /// better or worse depends on the indicator, which the table does not say).
  static func side(_ r: KPISeries.Reading) -> String {
    guard let a = r.actual.flatMap(Measure.parse), let t = r.tolerance.flatMap(MeasureRange.parse) else {
      return "outside"
    }
    return a.value > t.high.value ? "above" : "below"
  }

  static func quoteLine(_ q: Quote, _ a: AuthorityComparison, _ md: Bool, prefix: String? = nil) -> String {
    let d = a.documents[q.document]
    let lead = prefix.map { "\($0): " } ?? ""
    return (md ? "- " : "  - ")
      + "\(lead)\(d.label), item \(q.item) (\(q.polarity.rawValue)) [\(q.span.start)–\(q.span.end)]: “\(escape(excerpt(q.text), md))”"
  }

  /// The first sixty words of `text` (runs between spaces), or all of it when it has no
  /// more.
  static func excerpt(_ text: String) -> String {
    switch firstWords(text, 60) {
    case .all: return text
    case .first(let words): return words + " …"
    case .unknown:
      let words = text.split(separator: " ")
      return words.count > 60 ? words.prefix(60).joined(separator: " ") + " …" : text
    }
  }

  private enum FirstWords {
    /// The text has no more words than asked for.
    case all
    /// The words asked for, joined by single spaces.
    case first(String)
    /// Splitting bytes might not split characters the same way.
    case unknown
  }

  /// The first `limit` runs of text between spaces, found on UTF-8 bytes. That is how
  /// `split(separator: " ")` splits characters unless a space is part of a larger
  /// character (followed by a combining mark, or after a prepended one): then `.unknown`.
  private static func firstWords(_ text: String, _ limit: Int) -> FirstWords {
    var text = text
    return text.withUTF8 { b in
      var runs = 0
      var kept: [Range<Int>] = []
      var start = -1
      for i in 0..<b.count {
        if b[i] == 0x20 {
          if (i > 0 && b[i - 1] >= 0x80) || (i + 1 < b.count && b[i + 1] >= 0x80),
            !isCharacter(space: i, in: b)
          {
            return .unknown
          }
          if start >= 0, runs <= limit { kept.append(start..<i) }
          start = -1
        } else if start < 0 {
          start = i
          runs += 1
        }
      }
      guard runs > limit else { return .all }
      var out: [UInt8] = []
      for (k, r) in kept.enumerated() {
        if k > 0 { out.append(0x20) }
        out.append(contentsOf: b[r])
      }
      return .first(String(decoding: out, as: UTF8.self))
    }
  }

  /// Whether the space at `i` is a character of its own: whether it breaks from the
  /// scalars on either side, which is all grapheme breaking looks at around a space.
  private static func isCharacter(space i: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
    var before = i
    if before > 0 {
      before -= 1
      while before > 0, b[before] & 0xC0 == 0x80 { before -= 1 }
    }
    var after = i + 1
    if after < b.count {
      after += 1
      while after < b.count, b[after] & 0xC0 == 0x80 { after += 1 }
    }
    let left = String(decoding: UnsafeBufferPointer(rebasing: b[before...i]), as: UTF8.self)
    let right = String(decoding: UnsafeBufferPointer(rebasing: b[i..<after]), as: UTF8.self)
    return left.count == (before < i ? 2 : 1) && right.count == (after > i + 1 ? 2 : 1)
  }

  /// Markdown's active characters in quoted text are escaped; plain text is left alone.
  public static func escape(_ s: String, _ md: Bool) -> String {
    guard md else { return s }
    // Most text holds none of them: a byte scan says so.
    guard s.utf8.contains(where: { markdownActive[Int($0)] }) else { return s }
    var out = ""
    for c in s {
      if "\\`*_[]<>#|".contains(c) { out.append("\\") }
      out.append(c)
    }
    return out
  }

  /// Which bytes `escape` may have to escape: \\ ` * _ [ ] < > # |.
  private static let markdownActive: [Bool] = (0..<256).map { "\\`*_[]<>#|".utf8.contains(UInt8($0)) }

  public static func json(_ c: Comparison, pretty: Bool = true) -> String {
    var w = JSONWriter(pretty: pretty)
    w.beginObject()
    w.key("schemaVersion")
    w.int(JSONRenderer.schemaVersion)
    w.key("authorities")
    w.beginArray()
    for a in c.authorities {
      w.beginObject()
      w.field("authority", a.authority)
      w.key("documents")
      w.beginArray()
      for d in a.documents {
        w.beginObject()
        w.field("path", d.path)
        w.field("kind", d.kind.rawValue)
        w.field("date", d.date?.description)
        w.field("title", d.title)
        w.key("inspectorate")
        w.bool(d.isInspectorate)
        w.endObject()
      }
      w.endArray()
      w.key("timeline")
      w.beginArray()
      for t in a.timeline where t.cells.contains(where: { $0.mentions > 0 }) {
        w.beginObject()
        w.field("theme", t.theme)
        w.field("status", t.status.rawValue)
        w.key("documents")
        w.beginArray()
        for cell in t.cells {
          w.beginObject()
          w.field("concerns", cell.concerns)
          w.field("strengths", cell.strengths)
          w.field("mentions", cell.mentions)
          w.endObject()
        }
        w.endArray()
        w.endObject()
      }
      w.endArray()
      w.key("recurringConcerns")
      w.beginArray()
      for ch in a.chains {
        w.beginObject()
        w.field("theme", ch.theme)
        w.field("firstRaised", ch.firstRaised?.description)
        w.field("timesRaised", ch.timesRaised)
        w.field("status", ch.status.rawValue)
        w.field("linkedBy", ch.linkedBy)
        w.key("quotes")
        writeQuotes(ch.quotes, a, &w)
        w.key("latest")
        if let l = ch.latest { writeQuote(l, a, &w) } else { w.null() }
        w.endObject()
      }
      w.endArray()
      w.key("followUps")
      w.beginArray()
      for f in a.followUps {
        w.beginObject()
        w.key("recommendation")
        writeQuote(f.recommendation, a, &w)
        w.field("themes", f.themes)
        w.key("later")
        writeQuotes(f.later, a, &w)
        w.endObject()
      }
      w.endArray()
      w.key("promises")
      w.beginArray()
      for p in a.promises {
        w.beginObject()
        w.field("theme", p.theme)
        w.key("promise")
        writeQuote(p.promise, a, &w)
        w.key("findings")
        writeQuotes(p.findings, a, &w)
        w.endObject()
      }
      w.endArray()
      w.key("kpis")
      w.beginArray()
      for k in a.kpis {
        w.beginObject()
        w.field("indicator", k.indicator)
        w.key("readings")
        w.beginArray()
        for r in k.readings {
          w.beginObject()
          w.field("date", a.documents[r.document].date?.description)
          w.field("path", a.documents[r.document].path)
          w.field("actual", r.actual)
          w.field("target", r.target)
          w.field("tolerance", r.tolerance)
          w.key("outsideTolerance")
          if let o = r.outsideTolerance { w.bool(o) } else { w.null() }
          w.endObject()
        }
        w.endArray()
        w.endObject()
      }
      w.endArray()
      w.key("questions")
      w.beginArray()
      for q in a.questions {
        w.beginObject()
        w.field("theme", q.theme)
        w.field("text", q.text)
        w.key("evidence")
        writeQuotes(q.evidence, a, &w)
        w.endObject()
      }
      w.endArray()
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w.output + (pretty ? "\n" : "")
  }

  static func writeQuotes(_ qs: [Quote], _ a: AuthorityComparison, _ w: inout JSONWriter) {
    w.beginArray()
    for q in qs { writeQuote(q, a, &w) }
    w.endArray()
  }

  static func writeQuote(_ q: Quote, _ a: AuthorityComparison, _ w: inout JSONWriter) {
    let d = a.documents[q.document]
    w.beginObject()
    w.field("path", d.path)
    w.field("date", d.date?.description)
    w.field("kind", d.kind.rawValue)
    w.field("item", q.item)
    w.field("segment", q.segment.rawValue)
    w.field("polarity", q.polarity.rawValue)
    w.field("start", q.span.start)
    w.field("end", q.span.end)
    if let s = q.similarity {
      w.key("similarity")
      w.double((s * 1000).rounded() / 1000)
    }
    w.field("text", q.text)
    w.endObject()
  }
}

extension ComparisonRenderer {
  /// One row per piece of evidence, for a spreadsheet: the theme timeline's statuses,
  /// the recurring concerns' quotations, the follow-ups, the promises and the questions.
  /// Columns: section, authority, theme, status, date, kind, path, item, polarity,
  /// similarity, start, end, text.
  public static func csv(_ c: Comparison) -> String {
    var w = CSVWriter()
    w.row([
      "section", "authority", "theme", "status", "date", "kind", "path", "item", "polarity", "similarity",
      "start", "end", "text",
    ])
    for a in c.authorities {
      func row(_ section: String, _ theme: String, _ status: String, _ q: Quote?, text: String? = nil) {
        guard let q else {
          w.row([section, a.authority, theme, status, "", "", "", "", "", "", "", "", text ?? ""])
          return
        }
        let d = a.documents[q.document]
        w.row([
          section, a.authority, theme, status, d.date?.description ?? "", d.kind.rawValue, d.path,
          String(q.item),
          q.polarity.rawValue, q.similarity.map { JSONWriter.format(($0 * 1000).rounded() / 1000) } ?? "",
          String(q.span.start), String(q.span.end), text ?? q.text,
        ])
      }
      for t in a.timeline where t.status != .notMentioned {
        let cells = zip(a.documents, t.cells).filter { $0.1.mentions > 0 }
          .map { "\($0.0.date?.description ?? "undated"): \($0.1.concerns)/\($0.1.strengths)" }
        row("timeline", t.theme, t.status.rawValue, nil, text: cells.joined(separator: "; "))
      }
      for ch in a.chains {
        for q in ch.quotes { row("recurring-concern", ch.theme, ch.status.rawValue, q) }
        if let l = ch.latest { row("recurring-concern-latest", ch.theme, ch.status.rawValue, l) }
      }
      for f in a.followUps {
        let theme = f.themes.joined(separator: ";")
        row("recommendation", theme, "", f.recommendation)
        for q in f.later { row("follow-up", theme, "", q) }
      }
      for p in a.promises {
        row("promise", p.theme, "", p.promise)
        for q in p.findings { row("finding-after-promise", p.theme, "", q) }
      }
      for q in a.questions { row("question", q.theme, "", q.evidence.last, text: q.text) }
    }
    return w.output
  }
}

extension HistoryRenderer {
  /// One row per item: authority, date, kind, path, item, segment, polarity, inspectorate, start, end, text.
  public static func csv(_ h: ThemeHistory) -> String {
    var w = CSVWriter()
    w.row([
      "authority", "date", "kind", "path", "item", "segment", "polarity", "inspectorate", "start", "end",
      "text",
    ])
    for e in h.entries {
      w.row([
        e.document.authority, e.document.date?.description ?? "", e.document.kind.rawValue, e.document.path,
        String(e.item.number), e.item.segment.rawValue, e.item.polarity(on: h.theme).rawValue,
        e.inspectorate ? "yes" : "no",
        String(e.item.span.start), String(e.item.span.end), e.item.text,
      ])
    }
    return w.output
  }

  /// One row per change: change, theme, old item, new item, similarity, old text, new text.
  public static func csv(_ d: DocumentDiff) -> String {
    var w = CSVWriter()
    w.row(["change", "theme", "oldItem", "newItem", "similarity", "oldText", "newText"])
    for (name, themes) in [
      ("theme-gained", d.themesGained), ("theme-lost", d.themesLost),
      ("concern-resolved", d.concernsResolved),
      ("concern-not-looked-at", d.concernsNotLookedAt), ("concern-new", d.concernsNew),
      ("concern-continuing", d.concernsContinuing),
    ] {
      for t in themes { w.row([name, t, "", "", "", "", ""]) }
    }
    for c in d.carriedOver {
      w.row([
        "carried-over", c.old.themes.joined(separator: ";"), String(c.old.number), String(c.new.number),
        JSONWriter.format((c.similarity * 1000).rounded() / 1000), c.old.text, c.new.text,
      ])
    }
    return w.output
  }
}

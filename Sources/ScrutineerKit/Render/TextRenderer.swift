/// Renders analysed files for reading in a terminal: each document, its metadata, and
/// each segment with numbered items, wrapped to a width.
public enum TextRenderer {
  /// - Parameter explain: also list every rule that fired on each item, with the words it
  ///   matched and where, and the themes an `unless` rule took away.
  public static func render(_ files: [AnalysedFile], width: Int = 100, explain: Bool = false) -> String {
    var out = ""
    for (k, f) in files.enumerated() {
      if k > 0 { out += "\n" }
      for (n, d) in f.documents.enumerated() {
        if n > 0 { out += "\n" }
        out += render(d, path: f.path, index: n + 1, of: f.documents.count, width: width, explain: explain)
      }
    }
    return out
  }

  static func render(_ d: Document, path: String, index: Int, of count: Int, width: Int, explain: Bool)
    -> String
  {
    let m = d.metadata
    var out = count > 1 ? "\(path) (document \(index) of \(count))\n" : "\(path)\n"
    var line = [label(d.kind)]
    if let la = m.localAuthority { line.append(la) }
    if let date = m.date { line.append("\(date)" + (m.dateBasis.map { " (\($0.rawValue))" } ?? "")) }
    out += line.joined(separator: " · ") + "\n"
    if let t = m.title { out += "Title: \(t)\n" }
    if let first = m.visitDates.first, let last = m.visitDates.last {
      out += first == last ? "Visit: \(first)\n" : "Visit: \(first) to \(last) (\(m.visitDates.count) days)\n"
    }
    if let n = m.visitNumber { out += "Visit number: \(n)\n" }
    if let p = m.previousJudgement {
      out += "Previously judged: \(p.grade.rawValue)" + (p.date.map { " (\($0))" } ?? "") + "\n"
    }
    if !m.inspectors.isEmpty {
      out +=
        "Inspectors: "
        + m.inspectors.enumerated().map { $0.offset == 0 ? "\($0.element) (lead)" : $0.element }
        .joined(separator: ", ") + "\n"
    }
    if let r = m.recipient { out += "Recipient: \(r.name)" + (r.role.map { ", \($0)" } ?? "") + "\n" }
    if !m.judgements.isEmpty {
      out += "Judgements:\n"
      for area in JudgementArea.allCases {
        if let g = m.judgements[area] { out += "  \(areaLabel(area)): \(g.rawValue)\n" }
      }
    }
    for s in d.segments {
      out += "\n== \(s.kind.rawValue)"
      if let h = s.heading { out += ": \(h)" }
      out += " [\(s.span.start)–\(s.span.end)]\n"
      for item in s.items {
        let prefix = "  \(item.number). "
        out += wrap(item.text, first: prefix, rest: String(repeating: " ", count: prefix.count), width: width)
        if let r = item.response {
          out += wrap(r.text, first: "     Response: ", rest: String(repeating: " ", count: 15), width: width)
        }
        if let a = item.analysis {
          var parts: [String] = []
          if !a.themes.isEmpty { parts.append(a.themes.map(\.id).joined(separator: ", ")) }
          parts.append(a.polarity.rawValue)
          if let q = a.quantifier { parts.append("quantifier: \(q.rawValue)") }
          out += String(repeating: " ", count: prefix.count) + "[" + parts.joined(separator: " · ") + "]\n"
          if explain { out += explanation(a, indent: prefix.count + 2) }
        }
      }
    }
    return out
  }

  /// The workings of an analysis: each rule that fired, what it matched and where.
  public static func explanation(_ a: ItemAnalysis, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var out = ""
    for e in a.fired {
      out += pad + "\(e.rule) matched “\(e.text)” at \(e.span.start)–\(e.span.end)\n"
    }
    for x in a.excluded {
      out += pad + "\(x.theme) not given: excluded by \(x.rule)\n"
    }
    out +=
      pad
      + "polarity \(a.polarity.rawValue): strength cues \(format(a.strengthScore)), concern cues \(format(a.concernScore))\n"
    return out
  }

  private static func format(_ d: Double) -> String { JSONWriter.format(d) }

  static func label(_ k: DocumentKind) -> String {
    switch k {
    case .focusedVisitLetter: "Focused visit letter"
    case .monitoringVisitLetter: "Monitoring visit letter"
    case .inspectionReport: "Inspection report"
    case .jtaiLetter: "Joint targeted area inspection letter"
    case .councilResponse: "Council response"
    case .newsRelease: "News release"
    case .committeePaper: "Committee paper"
    case .improvementPlan: "Improvement plan"
    case .other: "Other document"
    }
  }

  static func areaLabel(_ a: JudgementArea) -> String {
    switch a {
    case .overallEffectiveness: "Overall effectiveness"
    case .leaders: "Impact of leaders"
    case .helpAndProtection: "Help and protection"
    case .childrenInCare: "Children in care"
    case .careLeavers: "Care leavers"
    case .adoption: "Adoption"
    }
  }

  /// Greedy word wrap.
  static func wrap(_ text: String, first: String, rest: String, width: Int) -> String {
    var out = ""
    var line = first
    var empty = true
    for word in text.split(separator: " ") {
      if !empty, line.count + 1 + word.count > width {
        out += line + "\n"
        line = rest
        empty = true
      }
      line += (empty ? "" : " ") + word
      empty = false
    }
    return out + line + "\n"
  }
}

/// Renders analysed files as Markdown to paste into a committee paper: each document a
/// heading with its metadata as a list, each segment with items a heading over a
/// numbered list of its items, each item with its themes, polarity and quantifier.
///
/// Text from the documents is escaped, so a `*`, `_` or `<` in a letter shows as written
/// rather than turning into formatting. Segments without items are left out.
public enum MarkdownRenderer {
  /// The Markdown for `files`, documents in order.
  public static func render(_ files: [AnalysedFile]) -> String {
    var parts: [String] = []
    for f in files {
      for (n, d) in f.documents.enumerated() {
        parts.append(render(d, path: f.path, index: n + 1, of: f.documents.count))
      }
    }
    return parts.joined(separator: "\n")
  }

  static func render(_ d: Document, path: String, index: Int, of count: Int) -> String {
    let m = d.metadata
    var out = "# " + escape(m.title ?? TextRenderer.label(d.kind)) + "\n\n"
    var facts: [(String, String)] = [("Document", TextRenderer.label(d.kind))]
    facts.append(("Source", path + (count > 1 ? " (document \(index) of \(count))" : "")))
    if let la = m.localAuthority { facts.append(("Local authority", la)) }
    if let date = m.date {
      facts.append(("Date", "\(date)" + (m.dateBasis.map { " (\($0.rawValue))" } ?? "")))
    }
    if let first = m.visitDates.first, let last = m.visitDates.last {
      facts.append(("Visit", first == last ? "\(first)" : "\(first) to \(last) (\(m.visitDates.count) days)"))
    }
    if let n = m.visitNumber { facts.append(("Visit number", "\(n)")) }
    if let p = m.previousJudgement {
      facts.append(("Previously judged", p.grade.rawValue + (p.date.map { " (\($0))" } ?? "")))
    }
    if !m.inspectors.isEmpty {
      let names = m.inspectors.enumerated().map { $0.offset == 0 ? "\($0.element) (lead)" : $0.element }
      facts.append(("Inspectors", names.joined(separator: ", ")))
    }
    if let r = m.recipient { facts.append(("Recipient", r.name + (r.role.map { ", \($0)" } ?? ""))) }
    let grades = JudgementArea.allCases.compactMap { a in
      m.judgements[a].map { "\(TextRenderer.areaLabel(a)): \($0.rawValue)" }
    }
    if !grades.isEmpty { facts.append(("Judgements", grades.joined(separator: "; "))) }
    for (name, value) in facts { out += "- **\(name):** \(escape(value))\n" }
    for s in d.segments where !s.items.isEmpty {
      out += "\n## " + escape(s.heading ?? label(s.kind)) + "\n\n"
      if s.heading != nil { out += "*\(label(s.kind))*\n\n" }
      for (k, item) in s.items.enumerated() {
        if k > 0 { out += "\n" }
        let marker = "\(item.number). "
        let pad = String(repeating: " ", count: marker.count)
        out += marker + escape(item.text) + "\n"
        if let r = item.response { out += "\n" + pad + "**Response:** " + escape(r.text) + "\n" }
        if let a = item.analysis {
          var tags = ["Themes: " + (a.themes.isEmpty ? "none" : a.themes.map(\.id).joined(separator: ", "))]
          tags.append("polarity: \(a.polarity.rawValue)")
          if let q = a.quantifier { tags.append("quantifier: \(q.rawValue)") }
          out += "\n" + pad + "*" + escape(tags.joined(separator: " · ")) + "*\n"
        }
      }
    }
    return out
  }

  /// A segment kind for a reader: `areas-for-improvement` → "Areas for improvement".
  static func label(_ kind: SegmentKind) -> String {
    switch kind {
    case .kpis: return "Key performance indicators"
    default:
      let words = kind.rawValue.replacingHyphens()
      return words.prefix(1).uppercased() + words.dropFirst()
    }
  }

  /// `text` on one line with every character Markdown could read as formatting
  /// backslash-escaped: emphasis, code, links, HTML, tables, headings, and list markers or
  /// block quotes at the start.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func escape(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    var start = 0
    while start < scalars.count, scalars[start] == " " { start += 1 }
    var out = String.UnicodeScalarView()
    var i = start
    // A list marker or a setext/ATX marker at the start: "-", "+", "=", "1." or "1)".
    if i < scalars.count, ["-", "+", "="].contains(scalars[i]) {
      out.append("\\")
    } else {
      var j = i
      while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
      if j > i, j < scalars.count, scalars[j] == "." || scalars[j] == ")" {
        out.append(contentsOf: scalars[i..<j])
        out.append("\\")
        i = j
      }
    }
    while i < scalars.count {
      let u = scalars[i]
      switch u {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#":
        out.append("\\")
      case "&":
        // Only where it could start an entity such as `&amp;` or `&#39;`.
        if i + 1 < scalars.count, scalars[i + 1] == "#" || scalars[i + 1].properties.isAlphabetic {
          out.append("\\")
        }
      default: break
      }
      out.append(u)
      i += 1
    }
    return String(out)
  }
}

extension String {
  /// Hyphens turned into spaces.
  fileprivate func replacingHyphens() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "-" ? " " : $0 }))
  }
}

/// The heat map of themes × documents as inline SVG, drawn here: each cell coloured by
/// the balance of strengths and concerns, with a text alternative for every cell.
enum HeatMap {
  static let cell = 30
  static let labelWidth = 240
  static let headerHeight = 110

  static func svg(_ a: AuthorityComparison, themes rows: [ThemeTimeline], id: String) -> String {
    let width = labelWidth + cell * max(a.documents.count, 1) + 90
    let height = headerHeight + cell * max(rows.count, 1) + 10
    var s = "<svg id=\"\(id)\" class=\"heatmap\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
    s +=
      "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
    s += "<title id=\"\(id)-title\">Themes by document for \(HTML.escape(a.authority))</title>"
    s +=
      "<desc id=\"\(id)-desc\">Each cell shows the concerns and strengths the inspectorate recorded on a theme in one document: "
    s +=
      "red for more concerns, green for more strengths, yellow for a balance, grey when not mentioned. The table after the map gives the same figures.</desc>"
    for (k, d) in a.documents.enumerated() {
      let x = labelWidth + k * cell + cell / 2
      let label = (d.date?.description ?? "undated") + (d.isInspectorate ? "" : " *")
      s +=
        "<text class=\"col\" transform=\"translate(\(x),\(headerHeight - 6)) rotate(-60)\">\(HTML.escape(label))</text>"
    }
    for (r, t) in rows.enumerated() {
      let y = headerHeight + r * cell
      s +=
        "<text class=\"row\" x=\"\(labelWidth - 8)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"end\">\(HTML.escape(t.label))</text>"
      for (k, c) in t.cells.enumerated() {
        let x = labelWidth + k * cell
        let (fill, word) = colour(c)
        let doc = a.documents[k]
        let title =
          "\(t.label), \(doc.label): \(c.concerns) concern\(c.concerns == 1 ? "" : "s"), \(c.strengths) strength\(c.strengths == 1 ? "" : "s") (\(word))"
        s +=
          "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"\(fill)\" data-theme=\"\(HTML.escape(t.theme))\">"
        s += "<title>\(HTML.escape(title))</title></rect>"
        if c.mentions > 0 {
          s +=
            "<text class=\"n\" x=\"\(x + cell / 2)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"middle\" aria-hidden=\"true\">\(c.concerns)/\(c.strengths)</text>"
        }
      }
    }
    return s + "</svg>"
  }

  /// Colours chosen to be told apart with common colour-vision deficiencies and to carry
  /// dark text with enough contrast.
  static func colour(_ c: ThemeTimeline.Cell) -> (String, String) {
    if c.mentions == 0 { return ("#e8e8e8", "not mentioned") }
    let total = c.concerns + c.strengths
    if total == 0 { return ("#d9e2ec", "mentioned, neither") }
    let balance = Double(c.strengths - c.concerns) / Double(total)
    if balance <= -0.5 { return ("#f4a6a6", "mostly concerns") }
    if balance < 0 { return ("#f8cfa0", "more concerns") }
    if balance == 0 { return ("#f7e8a0", "balanced") }
    if balance < 0.5 { return ("#cfe8b0", "more strengths") }
    return ("#9fd5a8", "mostly strengths")
  }
}

/// Renders theme histories and document diffs.
public enum HistoryRenderer {
  /// Everything said on a theme, for reading (`markdown: false`) or a committee paper.
  public static func text(_ h: ThemeHistory, label: String, markdown md: Bool) -> String {
    var out =
      md ? "# \(label): everything said, in date order\n\n" : "\(label): everything said, in date order\n\n"
    var authority = ""
    for e in h.entries {
      if e.document.authority != authority {
        authority = e.document.authority
        out += md ? "## \(authority)\n\n" : "\(authority)\n"
      }
      let voice = e.inspectorate ? "" : " [the authority's own words]"
      let text = ComparisonRenderer.escape(e.item.text, md)
      out += (md ? "- " : "  ") + "\(e.document.label), item \(e.item.number), \(e.item.segment.rawValue), "
      out += "\(e.item.polarity.rawValue)\(voice) [\(e.item.span.start)–\(e.item.span.end)]: “\(text)”\n"
    }
    if h.entries.isEmpty { out += "No items on this theme.\n" }
    return out
  }

  public static func json(_ h: ThemeHistory) -> String {
    var w = JSONWriter(pretty: true)
    w.beginObject()
    w.key("schemaVersion")
    w.int(JSONRenderer.schemaVersion)
    w.field("theme", h.theme)
    w.key("items")
    w.beginArray()
    for e in h.entries {
      w.beginObject()
      w.field("authority", e.document.authority)
      w.field("date", e.document.date?.description)
      w.field("kind", e.document.kind.rawValue)
      w.field("path", e.document.path)
      w.field("item", e.item.number)
      w.field("segment", e.item.segment.rawValue)
      w.field("polarity", e.item.polarity.rawValue)
      w.key("inspectorate")
      w.bool(e.inspectorate)
      w.field("start", e.item.span.start)
      w.field("end", e.item.span.end)
      w.field("text", e.item.text)
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w.output + "\n"
  }

  public static func text(_ d: DocumentDiff, markdown md: Bool) -> String {
    var out =
      md
      ? "# From \(d.old.label) to \(d.new.label)\n\n"
      : "From \(d.old.label) (\(d.old.path))\nto   \(d.new.label) (\(d.new.path))\n\n"
    func list(_ title: String, _ xs: [String]) {
      out +=
        (md ? "**\(title):** " : "\(title): ") + (xs.isEmpty ? "none" : xs.joined(separator: ", ")) + "\n"
    }
    list("Themes gained", d.themesGained)
    list("Themes lost", d.themesLost)
    list("Concerns resolved", d.concernsResolved)
    list("Concerns not looked at again", d.concernsNotLookedAt)
    list("New concerns", d.concernsNew)
    list("Concerns continuing", d.concernsContinuing)
    out += md ? "\n## Areas for improvement carried over\n\n" : "\nAreas for improvement carried over:\n"
    if d.carriedOver.isEmpty { out += (md ? "" : "  ") + "none\n" }
    for c in d.carriedOver {
      let o = md ? ComparisonRenderer.escape(c.old.text, true) : c.old.text
      let n = md ? ComparisonRenderer.escape(c.new.text, true) : c.new.text
      out +=
        (md ? "- " : "  - ") + "“\(o)”\n" + (md ? "  - " : "      ")
        + "still: “\(n)” (item \(c.new.number), similarity \(JSONWriter.format((c.similarity * 100).rounded() / 100)))\n"
    }
    return out
  }

  public static func json(_ d: DocumentDiff) -> String {
    var w = JSONWriter(pretty: true)
    w.beginObject()
    w.key("schemaVersion")
    w.int(JSONRenderer.schemaVersion)
    w.field("old", d.old.path)
    w.field("new", d.new.path)
    w.field("themesGained", d.themesGained)
    w.field("themesLost", d.themesLost)
    w.field("concernsResolved", d.concernsResolved)
    w.field("concernsNotLookedAt", d.concernsNotLookedAt)
    w.field("concernsNew", d.concernsNew)
    w.field("concernsContinuing", d.concernsContinuing)
    w.key("carriedOver")
    w.beginArray()
    for c in d.carriedOver {
      w.beginObject()
      w.field("oldItem", c.old.number)
      w.field("oldText", c.old.text)
      w.field("newItem", c.new.number)
      w.field("newText", c.new.text)
      w.key("similarity")
      w.double((c.similarity * 1000).rounded() / 1000)
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w.output + "\n"
  }
}

/// A self-contained HTML report: no network, no external assets, readable with scripts
/// off, printable. Per authority: documents with judgements, a heat map, recurring
/// concerns as a timeline, follow-up of recommendations, questions for members, and each
/// document's segments with tagged items and their evidence highlighted.
public enum HTMLReport {
  public static func render(_ c: Comparison, themes: [RuleSet.Theme], title: String = "Scrutineer report")
    -> String
  {
    var h = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    h += "<title>\(HTML.escape(title))</title>\n<style>\(style)</style>\n</head>\n<body>\n"
    h += "<a class=\"skip\" href=\"#main\">Skip to the report</a>\n"
    h += "<header><h1>\(HTML.escape(title))</h1>"
    let docCount = c.authorities.reduce(0) { $0 + $1.documents.count }
    h +=
      "<p>\(c.authorities.count) authorit\(c.authorities.count == 1 ? "y" : "ies"), \(docCount) document\(docCount == 1 ? "" : "s"). "
    h +=
      "Statuses are decided on what the inspectorate wrote; the authority's own documents are shown as claims and promises, marked with *.</p>"
    h += "<nav aria-label=\"Authorities\"><h2>Authorities</h2><ul>"
    for a in c.authorities {
      h += "<li><a href=\"#\(HTML.id(a.authority))\">\(HTML.escape(a.authority))</a></li>"
    }
    h += "</ul></nav>"
    let used = Set(
      c.authorities.flatMap { $0.timeline.filter { $0.cells.contains { $0.mentions > 0 } }.map(\.theme) })
    h +=
      "<form class=\"filter\" id=\"filter\" hidden><label for=\"theme\">Show items on theme </label><select id=\"theme\"><option value=\"\">all themes</option>"
    for t in themes where used.contains(t.id) {
      h += "<option value=\"\(HTML.escape(t.id))\">\(HTML.escape(t.label))</option>"
    }
    h += "</select></form></header>\n<main id=\"main\">\n"
    for a in c.authorities { h += authority(a, themes: themes) }
    if c.authorities.isEmpty { h += "<p>No documents to report.</p>" }
    h +=
      "</main>\n<footer><p>Made by Scrutineer. Quotations are the documents' own words; offsets in brackets point into the source text.</p></footer>\n"
    h += "<script>\(script)</script>\n</body>\n</html>\n"
    return h
  }

  static func authority(_ a: AuthorityComparison, themes: [RuleSet.Theme]) -> String {
    let aid = HTML.id(a.authority)
    var h =
      "<section class=\"authority\" id=\"\(aid)\" aria-labelledby=\"\(aid)-h\"><h2 id=\"\(aid)-h\">\(HTML.escape(a.authority))</h2>\n"
    // Documents.
    h +=
      "<h3>Documents</h3><table class=\"documents\"><caption>Documents in date order</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Kind</th><th scope=\"col\">Title</th><th scope=\"col\">Judgements</th></tr></thead><tbody>"
    for (k, d) in a.documents.enumerated() {
      let judgements = JudgementArea.allCases.compactMap { area in
        d.judgements[area.rawValue].map { "\(TextRenderer.areaLabel(area)): \($0)" }
      }
      h +=
        "<tr><td>\(HTML.escape(d.date?.description ?? "undated"))</td><td>\(HTML.escape(TextRenderer.label(d.kind)))\(d.isInspectorate ? "" : " *")</td>"
      h +=
        "<td><a href=\"#\(aid)-d\(k + 1)\">\(HTML.escape(d.title ?? d.path))</a></td><td>\(HTML.escape(judgements.joined(separator: "; ")))</td></tr>"
    }
    h += "</tbody></table>\n"
    // Heat map and its table.
    let rows = a.timeline.filter { $0.cells.contains { $0.mentions > 0 } }
    h += "<h3>Themes across the documents</h3><figure>" + HeatMap.svg(a, themes: rows, id: "\(aid)-heatmap")
    h +=
      "<figcaption>Concerns/strengths per theme and document. Red: mostly concerns; green: mostly strengths; grey: not mentioned. * the authority's own document.</figcaption></figure>"
    h +=
      "<details><summary>The heat map as a table, with each theme's status</summary><table class=\"timeline\"><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Status</th>"
    for d in a.documents {
      h +=
        "<th scope=\"col\">\(HTML.escape(d.date?.description ?? "undated"))\(d.isInspectorate ? "" : " *")</th>"
    }
    h += "</tr></thead><tbody>"
    for t in rows {
      h +=
        "<tr data-theme=\"\(HTML.escape(t.theme))\"><th scope=\"row\">\(HTML.escape(t.label))</th><td>\(t.status.rawValue)</td>"
      for c in t.cells { h += "<td>\(c.mentions == 0 ? "–" : "\(c.concerns)/\(c.strengths)")</td>" }
      h += "</tr>"
    }
    h += "</tbody></table></details>\n"
    // Recurring concerns as a timeline.
    h += "<h3>Recurring concerns</h3>"
    if a.chains.isEmpty { h += "<p>No theme was a concern in more than one inspectorate document.</p>" }
    for ch in a.chains {
      h +=
        "<article class=\"chain\" data-theme=\"\(HTML.escape(ch.theme))\"><h4>\(HTML.escape(ch.label)) <span class=\"status \(ch.status.rawValue)\">\(ch.status.rawValue)</span></h4>"
      h +=
        "<p>Raised in \(ch.timesRaised) documents since \(HTML.escape(ch.firstRaised?.description ?? "undated")); linked by \(HTML.escape(ch.linkedBy)).</p><ol class=\"timeline\">"
      for q in ch.quotes + (ch.latest.map { [$0] } ?? []) {
        let d = a.documents[q.document]
        h +=
          "<li class=\"\(q.polarity.rawValue)\"><time>\(HTML.escape(d.date?.description ?? "undated"))</time> <span class=\"kind\">\(HTML.escape(TextRenderer.label(d.kind)))</span> "
        h +=
          "<span class=\"polarity\">\(q.polarity.rawValue)</span><blockquote>\(HTML.escape(ComparisonRenderer.excerpt(q.text)))</blockquote>"
        h +=
          "<cite><a href=\"#\(aid)-d\(q.document + 1)-i\(q.item)\">item \(q.item)</a> [\(q.span.start)–\(q.span.end)]</cite></li>"
      }
      h += "</ol></article>"
    }
    // Follow-up.
    h += "<h3>Follow-up of recommendations</h3>"
    if a.followUps.isEmpty { h += "<p>No recommendations or areas for improvement.</p>" }
    h += "<ul class=\"followups\">"
    for f in a.followUps {
      let d = a.documents[f.recommendation.document]
      h +=
        "<li data-theme=\"\(HTML.escape(f.themes.joined(separator: " ")))\"><p><strong>\(HTML.escape(d.date?.description ?? "undated")):</strong> “\(HTML.escape(f.recommendation.text))”</p><ul>"
      if f.later.isEmpty { h += "<li>Not taken up by a later inspectorate document.</li>" }
      for q in f.later {
        let ld = a.documents[q.document]
        h +=
          "<li class=\"\(q.polarity.rawValue)\">\(HTML.escape(ld.label)): <span class=\"polarity\">\(q.polarity.rawValue)</span> — “\(HTML.escape(ComparisonRenderer.excerpt(q.text)))”</li>"
      }
      h += "</ul></li>"
    }
    h += "</ul>"
    // Questions.
    h += "<h3>Questions for members</h3>"
    if a.questions.isEmpty { h += "<p>No persistent or worsening concerns to ask about.</p>" }
    h += "<ol class=\"questions\">"
    for q in a.questions {
      let sources = q.evidence.map { "\(a.documents[$0.document].label), item \($0.item)" }.joined(
        separator: "; ")
      h +=
        "<li data-theme=\"\(HTML.escape(q.theme))\">\(HTML.escape(q.text)) <small>Evidence: \(HTML.escape(sources))</small></li>"
    }
    h += "</ol>"
    // Each document.
    h += "<h3>The documents</h3>"
    let labels = Dictionary(uniqueKeysWithValues: themes.map { ($0.id, $0.label) })
    for (k, d) in a.documents.enumerated() {
      h +=
        "<details class=\"document\" id=\"\(aid)-d\(k + 1)\"><summary>\(HTML.escape(d.label))\(d.isInspectorate ? "" : " (the authority's own)"): \(HTML.escape(d.title ?? d.path))</summary>"
      h += "<p class=\"source\">Source: \(HTML.escape(d.path))</p>"
      var current: SegmentKind?
      for item in d.items {
        if item.segment != current {
          if current != nil { h += "</ol>" }
          current = item.segment
          h +=
            "<h4>\(HTML.escape(item.segment.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst))</h4><ol class=\"items\">"
        }
        let phrases = item.evidence.flatMap { t, ps in ps.map { ($0, t) } }.sorted { $0.0 < $1.0 }
        h +=
          "<li value=\"\(item.number)\" id=\"\(aid)-d\(k + 1)-i\(item.number)\" class=\"item \(item.polarity.rawValue)\" data-themes=\"\(HTML.escape(item.themes.joined(separator: " ")))\">"
        h += "<p>" + HTML.highlighted(item.text, phrases: phrases) + "</p>"
        if let r = item.response {
          h += "<p class=\"response\"><strong>Response:</strong> \(HTML.escape(r))</p>"
        }
        h += "<p class=\"tags\"><span class=\"polarity\">\(item.polarity.rawValue)</span>"
        for t in item.themes { h += " <span class=\"tag\">\(HTML.escape(labels[t] ?? t))</span>" }
        h += " <span class=\"offsets\">[\(item.span.start)–\(item.span.end)]</span></p></li>"
      }
      if current != nil { h += "</ol>" }
      h += "</details>\n"
    }
    return h + "</section>\n"
  }

  static let style = """
    :root{--ink:#1b1b1b;--muted:#505a5f;--line:#b1b4b6;--focus:#ffdd00;--link:#1d4f91}
    body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:0 1rem 3rem}
    a{color:var(--link)}a:focus,summary:focus,select:focus{outline:3px solid var(--focus);outline-offset:2px}
    .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
    header{border-bottom:4px solid var(--ink);margin-bottom:1rem}nav ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}
    table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
    caption{text-align:left;font-weight:600}
    .heatmap text{font-size:11px;fill:var(--ink)}.heatmap text.n{font-size:9px}.heatmap rect{stroke:#fff}
    figure{margin:0;overflow-x:auto}figcaption{color:var(--muted);font-size:.9rem}
    .status{font-size:.8rem;border:1px solid var(--ink);border-radius:3px;padding:0 .3rem;margin-left:.5rem}
    .status.persistent,.status.worsening{background:#f4a6a6}.status.resolved,.status.improving{background:#9fd5a8}.status.new{background:#f8cfa0}
    ol.timeline{border-left:3px solid var(--line);list-style:none;padding-left:1rem}ol.timeline li{margin:.5rem 0}
    ol.timeline time{font-weight:600}blockquote{margin:.25rem 0 .25rem 1rem;font-style:italic}
    .concern .polarity{color:#8a1f11}.strength .polarity{color:#1a5e2a}.mixed .polarity{color:#7a4d00}
    .polarity{font-weight:600;font-size:.85rem}.tag{display:inline-block;border:1px solid var(--muted);border-radius:3px;padding:0 .3rem;font-size:.8rem;margin:.1rem}
    .offsets,.source,small{color:var(--muted);font-size:.8rem}mark{background:#fff2a8;color:inherit}
    details.document{border-top:1px solid var(--line);padding:.5rem 0}details>summary{cursor:pointer;font-weight:600}
    .response{border-left:3px solid var(--line);padding-left:.5rem}
    .hidden-by-filter{display:none}
    @media print{nav,.filter,.skip{display:none}details{display:block}details>summary{list-style:none}a{color:inherit;text-decoration:none}
    section.authority{break-before:page}figure,article.chain,li.item{break-inside:avoid}body{max-width:none;font-size:11pt}}
    """

  /// Filtering by theme; without scripts everything stays visible.
  static let script = """
    (function(){var f=document.getElementById('filter');if(!f)return;f.hidden=false;
    var s=document.getElementById('theme');s.addEventListener('change',function(){var t=s.value;
    document.querySelectorAll('[data-themes]').forEach(function(e){var on=!t||(' '+e.getAttribute('data-themes')+' ').indexOf(' '+t+' ')>=0;e.classList.toggle('hidden-by-filter',!on);});
    document.querySelectorAll('article.chain,ul.followups>li,ol.questions>li,table.timeline tr[data-theme]').forEach(function(e){var v=e.getAttribute('data-theme')||'';var on=!t||(' '+v+' ').indexOf(' '+t+' ')>=0;e.classList.toggle('hidden-by-filter',!on);});
    });})();
    (function(){function open(){var id=decodeURIComponent(location.hash.slice(1));var e=id&&document.getElementById(id);
    if(!e)return;var d=e.closest('details');if(d)d.open=true;e.scrollIntoView();}
    window.addEventListener('hashchange',open);open();})();
    (function(){var m=/[?&]view=([a-z0-9-]+)/.exec(location.search);if(!m)return;var t=document.getElementById(m[1]);if(!t)return;
    document.querySelectorAll('header,footer,section.authority>*').forEach(function(e){if(e!==t)e.style.display='none';});
    document.querySelectorAll('section.authority').forEach(function(s){if(!s.contains(t))s.style.display='none';});
    if(t.tagName==='DETAILS')t.open=true;})();
    """
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// A Markdown brief that pastes into a committee paper: a summary, then the comparison's
/// tables, quotations and questions with their sources.
public enum MarkdownBrief {
  public static func render(_ c: Comparison, title: String = "Scrutineer brief") -> String {
    var out = "# \(title)\n\n## Summary\n\n"
    for a in c.authorities {
      let persistent = a.timeline.filter { $0.status == .persistent || $0.status == .worsening }.map(\.label)
      let resolved = a.timeline.filter { $0.status == .resolved || $0.status == .improving }.map(\.label)
      let new = a.timeline.filter { $0.status == .new }.map(\.label)
      let dates = a.documents.compactMap(\.date)
      let span = dates.isEmpty ? "" : " from \(dates.first!) to \(dates.last!)"
      out += "- **\(ComparisonRenderer.escape(a.authority, true))** (\(a.documents.count) documents\(span)): "
      out +=
        "still a concern or worse — \(persistent.isEmpty ? "none" : persistent.joined(separator: ", ")); "
      out += "resolved or improving — \(resolved.isEmpty ? "none" : resolved.joined(separator: ", ")); "
      out += "new — \(new.isEmpty ? "none" : new.joined(separator: ", ")).\n"
    }
    out += "\n"
    // The detailed sections, one level down.
    let body = ComparisonRenderer.markdown(c)
    for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
      out += (line.hasPrefix("#") ? "#" : "") + line + "\n"
    }
    return out
  }
}

/// Escaping for text placed in HTML, so that a letter holding `<script>` or `&` is shown
/// as text and never run.
enum HTML {
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// A fragment id from any text: lowercase letters, digits and hyphens.
  static func id(_ s: String) -> String {
    var out = ""
    var dash = false
    for c in s.lowercased().unicodeScalars {
      if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
        out.unicodeScalars.append(c)
        dash = false
      } else if !dash, !out.isEmpty {
        out += "-"
        dash = true
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "x" : out
  }

  /// The item text, escaped, with each evidence phrase wrapped in `<mark>`.
  /// Phrases are found case-insensitively in the text; overlapping ones merge.
  static func highlighted(_ text: String, phrases: [(phrase: String, theme: String)]) -> String {
    let lower = Array(text.lowercased().unicodeScalars)
    let original = Array(text.unicodeScalars)
    guard lower.count == original.count else { return escape(text) }
    var marks: [(Int, Int, String)] = []
    for (phrase, theme) in phrases where phrase.count >= 2 {
      let needle = Array(phrase.lowercased().unicodeScalars)
      guard needle.count <= lower.count else { continue }
      var i = 0
      while i + needle.count <= lower.count {
        if lower[i] == needle[0], Array(lower[i..<(i + needle.count)]) == needle {
          marks.append((i, i + needle.count, theme))
          i += needle.count
        } else {
          i += 1
        }
      }
    }
    guard !marks.isEmpty else { return escape(text) }
    marks.sort { $0.0 < $1.0 || $0.0 == $1.0 && $0.1 > $1.1 }
    var merged: [(Int, Int, String)] = []
    for m in marks {
      if let last = merged.last, m.0 < last.1 {
        merged[merged.count - 1].1 = max(last.1, m.1)
      } else {
        merged.append(m)
      }
    }
    var out = ""
    var pos = 0
    func piece(_ a: Int, _ b: Int) -> String {
      var s = ""
      s.unicodeScalars.append(contentsOf: original[a..<b])
      return escape(s)
    }
    for (a, b, theme) in merged {
      out += piece(pos, a)
      out += "<mark title=\"evidence for \(escape(theme))\">" + piece(a, b) + "</mark>"
      pos = b
    }
    out += piece(pos, original.count)
    return out
  }
}

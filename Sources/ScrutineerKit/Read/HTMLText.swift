/// Extracts an article's text from a saved web page or a committee-system page:
/// paragraphs, headings, list items and table rows on lines of their own; scripts,
/// styles, navigation, headers, footers, forms and cookie banners dropped; entities
/// decoded. A linear scan that tolerates malformed and deeply nested markup.
enum HTMLText {
  /// Elements whose content is never article text.
  private static let dropped: Set<String> = [
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "template",
    "iframe",
    "select", "head", "title", "canvas", "object", "embed", "menu",
  ]
  private static let blocks: Set<String> = [
    "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table",
    "tbody",
    "thead", "tfoot", "figure", "figcaption", "address", "hr", "body", "html",
  ]

  static func text(_ html: String) -> String {
    var out = ""
    out.reserveCapacity(html.utf8.count / 2)
    var skipDepth = 0
    var skipName = ""
    var s = html.unicodeScalars[...]
    var pendingSpace = false
    func newline(_ n: Int = 1) {
      while out.hasSuffix(" ") { out.removeLast() }
      let have = out.reversed().prefix { $0 == "\n" }.count
      if !out.isEmpty, have < n { out += String(repeating: "\n", count: n - have) }
      pendingSpace = false
    }
    while let c = s.first {
      if c == "<" {
        // A comment, a declaration or a tag.
        if s.starts(with: "<!--".unicodeScalars) {
          if let end = s.firstRange(of: "-->".unicodeScalars) {
            s = s[end.upperBound...]
          } else {
            s = s[s.endIndex...]
          }
          continue
        }
        guard let close = s.firstIndex(of: ">") else {
          s = s.dropFirst()
          continue
        }
        let tag = String(String.UnicodeScalarView(s[s.index(after: s.startIndex)..<close]))
        s = s[s.index(after: close)...]
        let isEnd = tag.hasPrefix("/")
        let body = isEnd ? tag.dropFirst() : tag[...]
        let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
        let attributes = body.lowercased()
        if skipDepth > 0 {
          if name == skipName { skipDepth += isEnd ? -1 : (tag.hasSuffix("/") ? 0 : 1) }
          continue
        }
        let banner =
          !isEnd && (attributes.contains("cookie") || attributes.contains("consent"))
          && (name == "div" || name == "section" || name == "aside")
        if !isEnd && (dropped.contains(name) || banner), !tag.hasSuffix("/") {
          skipDepth = 1
          skipName = name
          continue
        }
        switch name {
        case "br": newline()
        case "li":
          if !isEnd {
            newline()
            out += "• "
          }
        case "tr": newline()
        case "td", "th":
          if !isEnd, !out.hasSuffix("\n"), !out.isEmpty {
            while out.hasSuffix(" ") { out.removeLast() }
            out += "\t"
          }
        case "h1", "h2", "h3", "h4", "h5", "h6": newline(2)
        default: if blocks.contains(name) { newline(2) }
        }
        continue
      }
      if skipDepth > 0 {
        s = s.dropFirst()
        continue
      }
      if c == "&", let (decoded, rest) = entity(s) {
        if pendingSpace, !out.isEmpty, !out.hasSuffix("\n"), !out.hasSuffix("\t"), !out.hasSuffix(" ") {
          out += " "
        }
        out.unicodeScalars.append(contentsOf: decoded.unicodeScalars)
        s = rest
        pendingSpace = false
        continue
      }
      if c == " " || c == "\n" || c == "\t" || c == "\r" {
        pendingSpace = true
      } else {
        if pendingSpace, !out.isEmpty, !out.hasSuffix("\n"), !out.hasSuffix("\t"), !out.hasSuffix(" ") {
          out += " "
        }
        pendingSpace = false
        out.unicodeScalars.append(c)
      }
      s = s.dropFirst()
    }
    while out.hasSuffix("\n") || out.hasSuffix(" ") { out.removeLast() }
    return out + "\n"
  }

  private static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "pound": "£", "euro": "€",
    "ndash": "–",
    "mdash": "—", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "bull": "•",
    "middot": "·",
    "copy": "©", "reg": "®", "trade": "™", "deg": "°", "frac12": "½", "eacute": "é", "egrave": "è",
    "aacute": "á",
    "ouml": "ö", "uuml": "ü", "auml": "ä", "ccedil": "ç", "times": "×", "shy": "",
  ]

  /// `&amp;`, `&#8217;`, `&#x2019;`: the decoded text and the rest, or `nil` if not an entity.
  private static func entity(_ s: Substring.UnicodeScalarView) -> (String, Substring.UnicodeScalarView)? {
    guard let semi = s.prefix(12).firstIndex(of: ";") else { return nil }
    let body = String(String.UnicodeScalarView(s[s.index(after: s.startIndex)..<semi]))
    let rest = s[s.index(after: semi)...]
    if body.hasPrefix("#") {
      let digits = body.dropFirst()
      let value =
        digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      guard let v = value, let scalar = Unicode.Scalar(v), v != 0 else { return nil }
      return (String(Character(scalar)), rest)
    }
    guard let text = named[body] ?? named[body.lowercased()] else { return nil }
    return (text, rest)
  }
}

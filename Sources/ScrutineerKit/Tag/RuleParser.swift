/// Reads the rule language. One statement a line; a line indented deeper than the rule
/// above it (or starting with `|` or `&`) continues that rule; `#` starts a comment.
///
///     theme early-help
///       label: Early help
///       description: The early help offer and family support below the statutory level.
///       rule offer: "early help" | "early intervention" | "think family"
///       rule step-down [in findings, areas-for-improvement]: "step* down" near/4 "early help"
///       unless: "early help" near/3 "police"
///
///     polarity concern
///       rule delay: delay* | drift | "not always" | inconsistent*
///
///     quantifier most
///       rule: most | "the majority"
struct RuleParser {
  let text: String
  let file: String

  fileprivate enum Section {
    case none
    case theme(String)
    case polarity(Polarity)
    case quantifier(Quantifier)
  }

  /// A character with where it stands.
  fileprivate struct Char {
    var c: Unicode.Scalar
    var line: Int
    var column: Int
  }

  private static let statementWords: Set<String> = [
    "theme", "polarity", "quantifier", "rule", "unless", "label", "description",
  ]

  func parse(into set: inout RuleSet) throws(RuleError) {
    var section = Section.none
    // Lines split on bytes: a CRLF file splits as an LF one (the CR is skipped below).
    let rawLines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    // Join continuation lines onto their statement, keeping each character's position.
    var statements: [[Char]] = []
    // Whether the last statement is a rule, which deeper lines continue.
    var previousIsRule = false
    for (n, raw) in rawLines.enumerated() {
      var chars: [Char] = []
      var column = 0
      var inQuote = false
      for c in raw.unicodeScalars {
        column += 1
        if c == "\r" { continue }
        if c == "\"" { inQuote.toggle() }
        if c == "#" && !inQuote { break }
        chars.append(Char(c: c, line: n + 1, column: column))
      }
      while let l = chars.last, l.c == " " || l.c == "\t" { chars.removeLast() }
      let firstIndex = chars.firstIndex { $0.c != " " && $0.c != "\t" }
      guard let f = firstIndex else { continue }
      let trimmed = Array(chars[f...])
      let firstWord = String(
        trimmed.prefix { $0.c != " " && $0.c != "\t" && $0.c != ":" && $0.c != "[" }.map(\.c).string
      ).quickLowercased
      let previous = statements.last
      let deeper = (previous.map { f > ($0.first?.column ?? 1) - 1 } ?? false)
      if trimmed[0].c == "|" || trimmed[0].c == "&"
        || previousIsRule && deeper && !Self.statementWords.contains(firstWord)
      {
        guard !statements.isEmpty else {
          throw RuleError(
            file: file, line: n + 1, column: trimmed[0].column,
            message: "a continuation line needs a rule above it")
        }
        statements[statements.count - 1].append(Char(c: " ", line: n + 1, column: trimmed[0].column))
        statements[statements.count - 1] += trimmed
      } else {
        statements.append(trimmed)
        previousIsRule = firstWord == "rule" || firstWord == "unless"
      }
    }
    var counter = 0
    for statement in statements {
      var lexer = Lexer(chars: statement, file: file)
      var keyword = lexer.word()
      if keyword == "rule:" || keyword == "unless:" {
        // "rule: expr" without a name: give the colon back.
        keyword.removeLast()
        lexer.position -= 1
      }
      switch keyword {
      case "theme":
        let id = try lexer.identifier(what: "a theme id such as early-help")
        try lexer.end()
        set.declareTheme(id)
        section = .theme(id)
        counter = 0
      case "polarity":
        lexer.skipSpaces()
        let at = lexer.position
        let id = try lexer.identifier(what: "strength or concern")
        guard let p = Polarity(rawValue: id), p == .strength || p == .concern else {
          throw lexer.error(at: at, "expected strength or concern after 'polarity', found '\(id)'")
        }
        try lexer.end()
        section = .polarity(p)
        counter = 0
      case "quantifier":
        lexer.skipSpaces()
        let at = lexer.position
        let id = try lexer.identifier(what: "a quantifier such as most")
        guard let q = Quantifier(rawValue: id) else {
          let all = Quantifier.allCases.map(\.rawValue).joined(separator: ", ")
          throw lexer.error(at: at, "unknown quantifier '\(id)'; expected one of \(all)")
        }
        try lexer.end()
        section = .quantifier(q)
        counter = 0
      case "label:", "label", "description:", "description":
        guard case .theme(let id) = section else {
          throw lexer.error(at: 0, "'\(keyword.trimmingCharacters(in: ":"))' belongs inside a theme")
        }
        if !keyword.hasSuffix(":") { try lexer.expect(":") }
        let value = lexer.rest()
        guard !value.isEmpty else { throw lexer.error(at: lexer.position, "expected text after ':'") }
        if keyword.hasPrefix("label") {
          set.setTheme(id, label: value)
        } else {
          set.setTheme(id, description: value)
        }
      case "rule", "unless":
        let prefix: String
        let group: RuleSet.Rule.Group
        switch section {
        case .none:
          throw lexer.error(at: 0, "'\(keyword)' must follow a 'theme', 'polarity' or 'quantifier' line")
        case .theme(let id):
          prefix = id
          group = keyword == "unless" ? .exclusion(id) : .theme(id)
        case .polarity(let p):
          guard keyword == "rule" else { throw lexer.error(at: 0, "'unless' belongs inside a theme") }
          prefix = "polarity." + p.rawValue
          group = .polarity(p)
        case .quantifier(let q):
          guard keyword == "rule" else { throw lexer.error(at: 0, "'unless' belongs inside a theme") }
          prefix = "quantifier." + q.rawValue
          group = .quantifier(q)
        }
        counter += 1
        var name = keyword == "unless" ? "unless-\(counter)" : "\(counter)"
        lexer.skipSpaces()
        if keyword == "rule", let c = lexer.peek, c != ":" && c != "[" {
          name = try lexer.identifier(what: "a rule name, '[' or ':'")
        }
        let id = "\(prefix)/\(name)"
        let line = statement[0].line
        if set.hasRule(id: id) { throw lexer.error(at: 0, "the rule '\(id)' is defined twice") }
        var segments: Set<SegmentKind>?
        var minimum = 1
        lexer.skipSpaces()
        if lexer.peek == "[" {
          (segments, minimum) = try options(&lexer)
        }
        try lexer.expect(":")
        // The builder interns phrases into the set: lend it the set rather than copy it.
        var builder = ExpressionParser(lexer: lexer, set: RuleSet())
        swap(&builder.set, &set)
        let expression = try builder.parse()
        swap(&builder.set, &set)
        guard !expression.positivePhrases().isEmpty else {
          throw RuleError(
            file: file, line: line, column: statement[0].column,
            message: "the rule needs at least one word or phrase that is not negated")
        }
        set.append(
          RuleSet.Rule(
            id: id, group: group, segments: segments, minimum: minimum, expression: expression,
            origin: "\(file):\(line)"))
      case "":
        throw lexer.error(
          at: 0, "expected 'theme', 'polarity', 'quantifier', 'rule', 'unless', 'label' or 'description'")
      default:
        throw lexer.error(
          at: 0,
          "unknown statement '\(keyword)'; expected 'theme', 'polarity', 'quantifier', 'rule', 'unless', 'label' or 'description'"
        )
      }
    }
  }

  /// `[in findings, areas-for-improvement; min 2]`
  private func options(_ lexer: inout Lexer) throws(RuleError) -> (Set<SegmentKind>?, Int) {
    try lexer.expect("[")
    var segments: Set<SegmentKind>?
    var minimum = 1
    while true {
      lexer.skipSpaces()
      let at = lexer.position
      let key = try lexer.identifier(what: "'in' or 'min'")
      switch key {
      case "in":
        var kinds = Set<SegmentKind>()
        repeat {
          lexer.skipSpaces()
          let kat = lexer.position
          let k = try lexer.identifier(what: "a segment kind")
          guard let kind = SegmentKind(rawValue: k) else {
            throw lexer.error(
              at: kat,
              "unknown segment kind '\(k)'; expected one of \(SegmentKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
          }
          kinds.insert(kind)
          lexer.skipSpaces()
        } while lexer.take(",")
        segments = kinds
      case "min":
        lexer.skipSpaces()
        let nat = lexer.position
        let n = try lexer.identifier(what: "a number")
        guard let v = Int(n), (1...20).contains(v) else {
          throw lexer.error(at: nat, "expected a number from 1 to 20 after 'min'")
        }
        minimum = v
      default:
        throw lexer.error(at: at, "expected 'in' or 'min' inside '[ ]', found '\(key)'")
      }
      lexer.skipSpaces()
      if lexer.take(";") { continue }
      try lexer.expect("]")
      return (segments, minimum)
    }
  }

  /// A cursor over one statement's characters.
  fileprivate struct Lexer {
    var chars: [Char]
    var file: String
    var position = 0

    var peek: Unicode.Scalar? { position < chars.count ? chars[position].c : nil }

    mutating func skipSpaces() {
      while let c = peek, c == " " || c == "\t" { position += 1 }
    }

    mutating func take(_ c: Unicode.Scalar) -> Bool {
      skipSpaces()
      if peek == c {
        position += 1
        return true
      }
      return false
    }

    mutating func expect(_ c: Unicode.Scalar) throws(RuleError) {
      skipSpaces()
      guard peek == c else {
        throw error(
          at: position, "expected '\(c)'" + (peek.map { " but found '\($0)'" } ?? " at the end of the line"))
      }
      position += 1
    }

    /// The next run of non-space characters (may be empty).
    mutating func word() -> String {
      skipSpaces()
      var out = ""
      while let c = peek, c != " " && c != "\t" && c != "[" {
        out.unicodeScalars.append(c)
        position += 1
        if c == ":" { break }
      }
      return out
    }

    mutating func identifier(what: String) throws(RuleError) -> String {
      skipSpaces()
      let start = position
      var out = ""
      while let c = peek, c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." {
        out.unicodeScalars.append(c)
        position += 1
      }
      guard !out.isEmpty else {
        throw error(
          at: start, "expected \(what)" + (peek.map { " but found '\($0)'" } ?? " at the end of the line"))
      }
      return out.quickLowercased
    }

    mutating func rest() -> String {
      skipSpaces()
      let s = chars[position...].map(\.c).string
      position = chars.count
      return s
    }

    mutating func end() throws(RuleError) {
      skipSpaces()
      if let c = peek { throw error(at: position, "unexpected '\(c)' at the end of the statement") }
    }

    func error(at index: Int, _ message: String) -> RuleError {
      let ch =
        index < chars.count
        ? chars[index]
        : (chars.last.map { Char(c: " ", line: $0.line, column: $0.column + 1) }
          ?? Char(c: " ", line: 1, column: 1))
      return RuleError(file: file, line: ch.line, column: ch.column, message: message)
    }
  }

  /// Precedence, lowest first: `|`/`or`, `&`/`and`, `not`/`!`, `near/N` and `except`.
  fileprivate struct ExpressionParser {
    var lexer: Lexer
    var set: RuleSet

    mutating func parse() throws(RuleError) -> RuleExpression {
      let e = try parseOr()
      lexer.skipSpaces()
      if let c = lexer.peek {
        throw lexer.error(
          at: lexer.position, "expected '|', '&', 'near' or the end of the rule, found '\(c)'")
      }
      return e
    }

    /// Takes the keyword `k` (lowercase ASCII) if it comes next as a whole word, in any case.
    private mutating func keyword(_ k: StaticString) -> Bool {
      lexer.skipSpaces()
      let save = lexer.position
      let expected = UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount)
      for e in expected {
        guard let c = lexer.peek, let a = c.asciiValue, a | 0x20 == e else {
          lexer.position = save
          return false
        }
        lexer.position += 1
      }
      if let c = lexer.peek, c.isLetter || c.isNumber || c == "*" || c == "-" {
        lexer.position = save
        return false
      }
      return true
    }

    private mutating func parseOr() throws(RuleError) -> RuleExpression {
      var parts = [try parseAnd()]
      while lexer.take("|") || keyword("or") { parts.append(try parseAnd()) }
      return parts.count == 1 ? parts[0] : .any(parts)
    }

    private mutating func parseAnd() throws(RuleError) -> RuleExpression {
      var parts = [try parseNot()]
      while lexer.take("&") || keyword("and") { parts.append(try parseNot()) }
      return parts.count == 1 ? parts[0] : .all(parts)
    }

    private mutating func parseNot() throws(RuleError) -> RuleExpression {
      if lexer.take("!") || keyword("not") {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
          throw lexer.error(at: lexer.position, "'not' repeated more than \(Self.maxDepth) times")
        }
        return .not(try parseNot())
      }
      return try parseBinary()
    }

    private mutating func parseBinary() throws(RuleError) -> RuleExpression {
      var left = try parsePrimary()
      while true {
        if keyword("near") {
          var distance = 8
          if lexer.peek == "/" {
            lexer.position += 1
            let at = lexer.position
            var digits = ""
            while let c = lexer.peek, c.isNumber {
              digits.unicodeScalars.append(c)
              lexer.position += 1
            }
            guard let n = Int(digits), (1...50).contains(n) else {
              throw lexer.error(at: at, "expected a distance in words from 1 to 50 after 'near/'")
            }
            distance = n
          }
          left = .near(left, try parsePrimary(), distance)
        } else if keyword("except") {
          left = .except(left, try parsePrimary())
        } else {
          return left
        }
      }
    }

    /// How deep parentheses may nest; deeper is refused rather than risking the stack.
    static let maxDepth = 64
    var depth = 0

    private mutating func parsePrimary() throws(RuleError) -> RuleExpression {
      lexer.skipSpaces()
      let at = lexer.position
      depth += 1
      defer { depth -= 1 }
      guard depth <= Self.maxDepth else {
        throw lexer.error(at: at, "parentheses nest more than \(Self.maxDepth) deep")
      }
      guard let c = lexer.peek else {
        throw lexer.error(at: at, "expected a word, a \"phrase\" or '(' at the end of the rule")
      }
      if c == "(" {
        lexer.position += 1
        let e = try parseOr()
        guard lexer.take(")") else {
          throw lexer.error(
            at: lexer.position, "expected ')' to close the '(' at column \(lexer.chars[at].column)")
        }
        return e
      }
      if c == "\"" || c == "\u{201C}" {
        lexer.position += 1
        var body = ""
        while let d = lexer.peek, d != "\"" && d != "\u{201D}" {
          body.unicodeScalars.append(d)
          lexer.position += 1
        }
        guard lexer.peek != nil else { throw lexer.error(at: at, "this phrase has no closing quote") }
        lexer.position += 1
        return .phrase(set.intern(try pattern(body, at: at)))
      }
      if c.isLetter || c.isNumber {
        var body = ""
        while let d = lexer.peek,
          d.isLetter || d.isNumber || d == "*" || d == "-" || d == "'" || d == "\u{2019}"
        {
          body.unicodeScalars.append(d)
          lexer.position += 1
        }
        return .phrase(set.intern(try pattern(body, at: at)))
      }
      throw lexer.error(at: at, "expected a word, a \"phrase\" or '(' but found '\(c)'")
    }

    /// Normalises a phrase the way the text is normalised: lowercase, apostrophes
    /// removed, hyphens and spaces separating words, plurals folded.
    private func pattern(_ body: String, at: Int) throws(RuleError) -> PhrasePattern {
      var words: [PhrasePattern.Word] = []
      var current: [UInt8] = []
      func flush() throws(RuleError) {
        guard !current.isEmpty else { return }
        defer { current = [] }
        if current.last == UInt8(ascii: "*") {
          let stem = Array(current.dropLast())
          guard stem.count >= 3, !stem.contains(UInt8(ascii: "*")) else {
            throw lexer.error(at: at, "a wildcard needs at least three letters before '*'")
          }
          words.append(.prefix(stem))
        } else {
          guard !current.contains(UInt8(ascii: "*")) else {
            throw lexer.error(at: at, "'*' may only end a word")
          }
          words.append(.exact(WordTokenizer.fold(current)))
        }
      }
      for scalar in body.quickLowercased.unicodeScalars {
        switch scalar {
        case "'", "\u{2019}":
          continue
        case " ", "-", "\u{2013}", ",", ".", "/", "\t":
          try flush()
        default:
          current.append(contentsOf: scalar.utf8)
        }
      }
      try flush()
      guard !words.isEmpty else { throw lexer.error(at: at, "an empty phrase matches nothing") }
      guard words.count <= 8 else { throw lexer.error(at: at, "a phrase may have at most eight words") }
      return PhrasePattern(words: words)
    }
  }
}

extension Unicode.Scalar {
  /// A letter, as the rule language counts letters.
  fileprivate var isLetter: Bool {
    if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
    return properties.isAlphabetic
  }
  fileprivate var isNumber: Bool {
    if value < 0x80 { return value >= 0x30 && value <= 0x39 }
    return properties.numericType != nil
  }
  fileprivate var asciiValue: UInt8? { isASCII ? UInt8(value) : nil }
}

extension Array where Element == Unicode.Scalar {
  fileprivate var string: String {
    var out = ""
    out.unicodeScalars.append(contentsOf: self)
    return out
  }
}

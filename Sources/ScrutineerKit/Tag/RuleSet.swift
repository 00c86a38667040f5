/// A set of rules read from rule files: themes with their rules, polarity cues and
/// quantifier cues. See the README for the language.
public struct RuleSet: Sendable {
  /// A theme as the rule files declare it.
  public struct Theme: Hashable, Sendable {
    public var id: String
    public var label: String
    public var description: String
  }

  /// One rule: a condition over the words of an item.
  struct Rule: Sendable {
    enum Group: Hashable, Sendable {
      case theme(String)
      /// The theme is not given when this matches.
      case exclusion(String)
      case polarity(Polarity)
      case quantifier(Quantifier)
    }

    var id: String
    var group: Group
    /// The segment kinds the rule applies to; `nil` for all.
    var segments: Set<SegmentKind>?
    /// How many occurrences the rule needs before it fires.
    var minimum: Int
    var expression: RuleExpression
    /// Where the rule was written ("rules.txt:12").
    var origin: String
  }

  public private(set) var themes: [Theme] = []
  var rules: [Rule] = []
  var phrases: [PhrasePattern] = []
  private var phraseIndex: [PhrasePattern: Int] = [:]
  private var ruleIDs: Set<String> = []
  /// The files the rules came from, in order, for reports and cache keys.
  public private(set) var sources: [String] = []

  public init() {}

  /// Parses rule text.
  /// - Parameter file: the name used in error messages.
  /// - Throws: `RuleError` with the file, line and column of the first problem.
  public static func parse(_ text: String, file: String) throws(RuleError) -> RuleSet {
    var set = RuleSet()
    try set.add(text, file: file)
    return set
  }

  /// Adds the rules of another text to this set (themes with the same id gain rules).
  public mutating func add(_ text: String, file: String) throws(RuleError) {
    var copy = self
    try RuleParser(text: text, file: file).parse(into: &copy)
    copy.sources.append(file)
    self = copy
  }

  /// The rules Scrutineer ships with, covering every theme of the shared theme list.
  public static let defaults: RuleSet = {
    do {
      return try RuleSet.parse(DefaultRules.text, file: "default.rules")
    } catch {
      fatalError("the bundled rules do not parse: \(error)")
    }
  }()

  /// The text of the bundled rules, to print or copy and edit.
  public static var defaultRulesText: String { DefaultRules.text }

  // MARK: - Building (used by the parser)

  mutating func declareTheme(_ id: String) {
    if !themes.contains(where: { $0.id == id }) { themes.append(Theme(id: id, label: id, description: "")) }
  }

  mutating func setTheme(_ id: String, label: String? = nil, description: String? = nil) {
    guard let k = themes.firstIndex(where: { $0.id == id }) else { return }
    if let label { themes[k].label = label }
    if let description { themes[k].description = description }
  }

  mutating func intern(_ p: PhrasePattern) -> Int {
    if let k = phraseIndex[p] { return k }
    phrases.append(p)
    phraseIndex[p] = phrases.count - 1
    return phrases.count - 1
  }

  mutating func append(_ rule: Rule) {
    rules.append(rule)
    ruleIDs.insert(rule.id)
  }

  func hasRule(id: String) -> Bool { ruleIDs.contains(id) }

  /// The number of rules in the set.
  public var ruleCount: Int { rules.count }

  /// The number of rules (including `unless` rules) that belong to a theme.
  public func ruleCount(theme: String) -> Int {
    rules.filter {
      switch $0.group {
      case .theme(let t), .exclusion(let t): t == theme
      default: false
      }
    }.count
  }

  /// A fingerprint of the rules, for telling whether a cached result was made by them.
  public var fingerprint: String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ s: String) {
      for b in s.utf8 {
        h ^= UInt64(b)
        h = h &* 0x100_0000_01b3
      }
      h ^= 0xff
      h = h &* 0x100_0000_01b3
    }
    for r in rules { mix(r.id + "\u{1}" + r.origin + "\u{1}" + r.expression.description(phrases)) }
    for t in themes { mix(t.id + t.label + t.description) }
    return String(h, radix: 16)
  }
}

/// A sequence of word patterns: `"early help"`, `re-refer*`.
struct PhrasePattern: Hashable, Sendable {
  enum Word: Hashable, Sendable {
    /// A whole word, folded ("services" → "service").
    case exact([UInt8])
    /// A word that starts with these lowercase letters (`refer*`).
    case prefix([UInt8])
  }

  var words: [Word]

  var text: String {
    words.map {
      switch $0 {
      case .exact(let w): String(decoding: w, as: UTF8.self)
      case .prefix(let w): String(decoding: w, as: UTF8.self) + "*"
      }
    }.joined(separator: " ")
  }
}

/// A rule's condition.
indirect enum RuleExpression: Sendable {
  case phrase(Int)
  case any([RuleExpression])
  case all([RuleExpression])
  case not(RuleExpression)
  /// Both sides within this many words of each other.
  case near(RuleExpression, RuleExpression, Int)
  /// Occurrences of the first side that do not overlap an occurrence of the second.
  case except(RuleExpression, RuleExpression)

  /// The phrases the expression can match positively (outside `not`).
  func positivePhrases() -> [Int] {
    switch self {
    case .phrase(let p): [p]
    case .any(let xs), .all(let xs): xs.flatMap { $0.positivePhrases() }
    case .not: []
    case .near(let a, let b, _): a.positivePhrases() + b.positivePhrases()
    case .except(let a, _): a.positivePhrases()
    }
  }

  /// Lists of phrases of which the expression needs one each to match: it cannot match
  /// while every phrase of one list is absent. Empty when it can match with none present
  /// (`not …`).
  func neededPhrases() -> [[Int]] {
    switch self {
    case .phrase(let p): return [[p]]
    case .any(let xs):
      // One alternative must match, so one of the phrases some list of each needs.
      var union: [Int] = []
      for x in xs {
        guard let fewest = x.neededPhrases().min(by: { $0.count < $1.count }) else { return [] }
        union += fewest
      }
      return [union]
    case .all(let xs): return xs.flatMap { $0.neededPhrases() }
    case .not: return []
    case .near(let a, let b, _): return a.neededPhrases() + b.neededPhrases()
    case .except(let a, _): return a.neededPhrases()
    }
  }

  /// Every phrase the expression mentions.
  func allPhrases() -> [Int] {
    switch self {
    case .phrase(let p): [p]
    case .any(let xs), .all(let xs): xs.flatMap { $0.allPhrases() }
    case .not(let x): x.allPhrases()
    case .near(let a, let b, _), .except(let a, let b): a.allPhrases() + b.allPhrases()
    }
  }

  func description(_ phrases: [PhrasePattern]) -> String {
    switch self {
    case .phrase(let p): "\"\(phrases[p].text)\""
    case .any(let xs): "(" + xs.map { $0.description(phrases) }.joined(separator: " | ") + ")"
    case .all(let xs): "(" + xs.map { $0.description(phrases) }.joined(separator: " & ") + ")"
    case .not(let x): "not " + x.description(phrases)
    case .near(let a, let b, let n): "(\(a.description(phrases)) near/\(n) \(b.description(phrases)))"
    case .except(let a, let b): "(\(a.description(phrases)) except \(b.description(phrases)))"
    }
  }
}

/// A problem in a rule file, with where it is.
public struct RuleError: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  /// `file:line:column: error: message`, as compilers print it.
  public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

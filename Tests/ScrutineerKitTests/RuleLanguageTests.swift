import Testing

@testable import ScrutineerKit

@Suite("The rule language")
struct RuleLanguageTests {
  static func tag(_ rules: String, _ text: String, segment: SegmentKind = .findings) throws -> [String] {
    let set = try RuleSet.parse(rules, file: "test.rules")
    return Tagger(rules: set).analyse(text: text, segment: segment).themes.map(\.id)
  }

  @Test func wordsPhrasesWildcardsAndPlurals() throws {
    let rules = """
      theme t
        rule a: "early help" | re-refer* | conference
      """
    #expect(try Self.tag(rules, "Early-help services") == ["t"])
    #expect(try Self.tag(rules, "There were re-referrals.") == ["t"])
    #expect(try Self.tag(rules, "Conferences are held") == ["t"])
    #expect(try Self.tag(rules, "the child’s conference") == ["t"])
    #expect(try Self.tag(rules, "early intervention") == [])
  }

  @Test func windowsLineEndsReadAsUnixOnes() throws {
    let rules = "theme t\r\n  rule a: \"early help\"\r\n    | conference\r\ntheme u\r\n  rule b: police\r\n"
    let set = try RuleSet.parse(rules, file: "crlf.rules")
    #expect(set.themes.map(\.id) == ["t", "u"])
    #expect(try Self.tag(rules, "Conferences are held") == ["t"])
    #expect(try Self.tag(rules, "the police attend") == ["u"])
  }

  @Test func proximityAllOfNoneOfAndExceptions() throws {
    let rules = """
      theme near
        rule r: partner* near/3 attend*
      theme both
        rule r: police & health & not school*
      theme except
        rule r: threshold* except ("threshold for camhs")
      """
    #expect(try Self.tag(rules, "partners do not attend") == ["near"])
    #expect(try Self.tag(rules, "partners are many words away from where they attend") == [])
    #expect(try Self.tag(rules, "Partners were there. They attend.") == [])
    #expect(try Self.tag(rules, "police and health") == ["both"])
    #expect(try Self.tag(rules, "police, health and schools") == [])
    #expect(try Self.tag(rules, "a high threshold for CAMHS") == [])
    #expect(try Self.tag(rules, "thresholds are applied") == ["except"])
  }

  @Test func segmentsMinimaAndUnless() throws {
    let rules = """
      theme t
        rule r [in areas-for-improvement]: delay
      theme m
        rule r [min 2]: leader*
      theme u
        rule r: attendance
        unless: "school attendance"
      """
    #expect(try Self.tag(rules, "delay", segment: .findings) == [])
    #expect(try Self.tag(rules, "delay", segment: .areasForImprovement) == ["t"])
    #expect(try Self.tag(rules, "leaders") == [])
    #expect(try Self.tag(rules, "leaders and their leadership") == ["m"])
    #expect(try Self.tag(rules, "school attendance is low") == [])
    #expect(try Self.tag(rules, "attendance at conferences") == ["u"])
  }

  @Test func aRuleNeedsAPhraseOfEachOfItsNeededLists() {
    // Random expressions over eight phrases and random sets of phrases present: whenever
    // an expression could match on which phrases are present, every list it says it
    // needs one of has one present (the tagger waits for the shortest list).
    var seed: UInt64 = 11
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    func expression(_ depth: Int) -> RuleExpression {
      if depth == 0 || next(3) == 0 { return .phrase(next(8)) }
      switch next(5) {
      case 0: return .any((0..<(1 + next(3))).map { _ in expression(depth - 1) })
      case 1: return .all((0..<(1 + next(3))).map { _ in expression(depth - 1) })
      case 2: return .not(expression(depth - 1))
      case 3: return .near(expression(depth - 1), expression(depth - 1), 1 + next(5))
      default: return .except(expression(depth - 1), expression(depth - 1))
      }
    }
    func mayMatch(_ e: RuleExpression, _ present: Set<Int>) -> Bool {
      switch e {
      case .phrase(let p): present.contains(p)
      case .any(let xs): xs.contains { mayMatch($0, present) }
      case .all(let xs): xs.allSatisfy { mayMatch($0, present) }
      case .not: true
      case .near(let a, let b, _): mayMatch(a, present) && mayMatch(b, present)
      case .except(let a, _): mayMatch(a, present)
      }
    }
    var refused = 0
    for _ in 0..<2_000 {
      let e = expression(4)
      let present = Set((0..<8).filter { _ in next(3) == 0 })
      let needed = e.neededPhrases()
      let satisfied = needed.allSatisfy { list in list.contains { present.contains($0) } }
      if mayMatch(e, present) { #expect(satisfied, "\(e) with \(present.sorted())") }
      if !satisfied { refused += 1 }
    }
    // The lists refuse some rules, or they would not be worth having.
    #expect(refused > 200)
  }

  @Test func everyTagExplainsItself() throws {
    let set = try RuleSet.parse("theme t\n  rule why: partner*\n", file: "x")
    let a = Tagger(rules: set).analyse(text: "Our partners help.")
    #expect(
      a.themes.first?.evidence == [Evidence(rule: "t/why", span: Span(start: 4, end: 12), text: "partners")])
  }

  @Test(arguments: [
    ("theme t\n  rule r: (a | b\n", "test.rules:2:17: error: expected ')' to close the '(' at column 11"),
    ("rule r: x\n", "test.rules:1:1: error: 'rule' must follow a 'theme', 'polarity' or 'quantifier' line"),
    ("theme t\n  rule r: a*\n", "test.rules:2:11: error: a wildcard needs at least three letters before '*'"),
    (
      "theme t\n  rule r [in nowhere]: x\n",
      "test.rules:2:14: error: unknown segment kind 'nowhere'; expected one of overview, scope, findings, areas-for-improvement, priority-actions, recommendations, kpis, questions, background, achievements, next-steps, quotes, boilerplate, other"
    ),
    (
      "theme t\n  rule r: not x\n",
      "test.rules:2:3: error: the rule needs at least one word or phrase that is not negated"
    ),
    (
      "theme t\n  rule r: x near/99 y\n",
      "test.rules:2:18: error: expected a distance in words from 1 to 50 after 'near/'"
    ),
    (
      "theme t\n  frobnicate\n",
      "test.rules:2:3: error: unknown statement 'frobnicate'; expected 'theme', 'polarity', 'quantifier', 'rule', 'unless', 'label' or 'description'"
    ),
    (
      "quantifier lots\n",
      "test.rules:1:12: error: unknown quantifier 'lots'; expected one of all, almost-all, vast-majority, most, many, some, a-small-number, few, none"
    ),
  ])
  func brokenFilesNameFileLineAndColumn(text: String, message: String) {
    #expect(throws: RuleError.self) { try RuleSet.parse(text, file: "test.rules") }
    do {
      _ = try RuleSet.parse(text, file: "test.rules")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func nothingRunsHalfLoaded() throws {
    var set = try RuleSet.parse("theme a\n  rule r: x\n", file: "one")
    #expect(throws: RuleError.self) { try set.add("theme b\n  rule r: y\n  rule s: (\n", file: "two") }
    #expect(set.themes.map(\.id) == ["a"])
    #expect(set.ruleCount == 1)
  }

  @Test func pathologicalRulesAreRefusedOrCheap() throws {
    let deep =
      "theme t\n  rule r: " + String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000)
      + "\n"
    #expect(throws: RuleError.self) { try RuleSet.parse(deep, file: "deep") }
    let nots = "theme t\n  rule r: x & " + String(repeating: "not ", count: 5000) + "y\n"
    #expect(throws: RuleError.self) { try RuleSet.parse(nots, file: "nots") }
    // Ten thousand alternatives compile and match in one pass.
    let many = "theme t\n  rule r: " + (0..<10000).map { "word\($0)" }.joined(separator: " | ") + "\n"
    let set = try RuleSet.parse(many, file: "many")
    #expect(Tagger(rules: set).analyse(text: "a word9999 here").themes.map(\.id) == ["t"])
  }

  @Test func theDefaultsProvideEveryThemeOfTheSharedList() {
    let ids = Set(RuleSet.defaults.themes.map(\.id))
    for id in [
      "front-door", "thresholds", "early-help", "partner-attendance", "multi-agency-working",
      "strategy-meetings",
      "assessment", "planning", "management-oversight", "supervision", "quality-assurance",
      "performance-information",
      "workforce", "voice-of-child", "children-in-care", "permanence", "care-leavers", "exploitation-missing",
      "domestic-abuse", "neglect", "mental-health", "education", "out-of-hours", "recording",
      "leadership-governance",
      "timeliness", "disabled-children", "youth-justice", "court-proceedings", "private-fostering", "uasc",
    ] {
      #expect(ids.contains(id), "missing theme \(id)")
    }
    #expect(RuleSet.defaults.themes.allSatisfy { !$0.description.isEmpty && $0.label != $0.id })
  }

  @Test func quantifiersFollowOfstedsScale() {
    let t = Tagger(rules: .defaults)
    let cases: [(String, Quantifier?)] = [
      ("In most cases, thresholds are applied correctly.", .most),
      ("In a small number of cases, thresholds are not applied.", .aSmallNumber),
      ("Almost all children are seen alone.", .almostAll),
      ("The vast majority of plans are good.", .vastMajority),
      ("Too few care leavers are in work.", .few),
      ("The most vulnerable children wait.", nil),
    ]
    for (text, q) in cases { #expect(t.analyse(text: text).quantifier == q, "\(text)") }
  }
}

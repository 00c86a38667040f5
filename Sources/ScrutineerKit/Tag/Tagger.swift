/// Applies a rule set to items: themes with evidence, polarity and quantifier.
public struct Tagger: Sendable {
  public let rules: RuleSet
  private let matcher: PhraseMatcher
  /// For each phrase, the rules it may let match: `ruleWords` words of bits in rule order.
  /// A rule is listed under the phrases of the shortest of the lists it needs one phrase
  /// of (see `RuleExpression.neededPhrases`), or under every phrase it mentions
  /// positively when it needs none, so that an item's candidate rules are those that
  /// have a phrase they need.
  private let rulesByPhrase: [UInt64]
  private let ruleWords: Int
  /// For each rule of a theme (or an exclusion from one), the theme's position in
  /// `rules.themes`; -1 for other rules.
  private let ruleTheme: [Int]
  /// Each rule's expression in the form the tagger evaluates.
  private let program: RuleProgram
  /// For each rule, the segment kinds it applies to as bits of `SegmentKind.allCases`
  /// positions; all bits for a rule without a list.
  private let ruleSegments: [UInt64]
  private static let segmentBits: [SegmentKind: UInt64] = Dictionary(
    uniqueKeysWithValues: SegmentKind.allCases.enumerated().map { ($1, UInt64(1) << UInt64($0)) })

  public init(rules: RuleSet) {
    self.rules = rules
    matcher = PhraseMatcher(phrases: rules.phrases, cueWords: PolarityJudge.cueWords)
    let words = (rules.rules.count + 63) / 64
    var byPhrase = Array(repeating: UInt64(0), count: rules.phrases.count * words)
    for (k, r) in rules.rules.enumerated() {
      let needed = r.expression.neededPhrases().min { $0.count < $1.count } ?? r.expression.positivePhrases()
      for p in needed { byPhrase[p * words + k / 64] |= 1 << UInt64(k % 64) }
    }
    rulesByPhrase = byPhrase
    ruleWords = words
    program = RuleProgram(rules.rules.map(\.expression))
    ruleSegments = rules.rules.map { rule in
      rule.segments.map { kinds in kinds.reduce(0) { $0 | (Self.segmentBits[$1] ?? 0) } } ?? ~0
    }
    var themeIndex: [String: Int] = [:]
    for (k, t) in rules.themes.enumerated() where themeIndex[t.id] == nil { themeIndex[t.id] = k }
    ruleTheme = rules.rules.map {
      switch $0.group {
      case .theme(let id), .exclusion(let id): themeIndex[id] ?? -1
      default: -1
      }
    }
  }

  /// Tags every item of every document in place.
  public func tag(_ documents: inout [Document], text: String) { tag(&documents, bytes: Array(text.utf8)) }

  /// The same over the text's UTF-8 bytes, for callers that keep them.
  func tag(_ documents: inout [Document], bytes: [UInt8]) {
    var scan = TextScan()
    // An item without source ranges is its span, given in one array kept from item to item.
    var whole = [0..<0]
    for d in documents.indices {
      for s in documents[d].segments.indices {
        let kind = documents[d].segments[s].kind
        for i in documents[d].segments[s].items.indices {
          // The ranges and span read in place: a copy of the item would retain all it holds.
          let ranges = documents[d].segments[s].items[i].sourceRanges
          if ranges.isEmpty {
            let span = documents[d].segments[s].items[i].span
            whole[0] = span.start..<span.end
          }
          let a = analyse(bytes: bytes, ranges: ranges.isEmpty ? whole : ranges, segment: kind, scan: &scan)
          documents[d].segments[s].items[i].analysis = a
        }
      }
    }
  }

  /// Analyses a piece of text as one item of the given segment kind.
  public func analyse(text: String, segment: SegmentKind = .findings) -> ItemAnalysis {
    let bytes = Array(text.utf8)
    var scan = TextScan()
    return analyse(bytes: bytes, ranges: [0..<bytes.count], segment: segment, scan: &scan)
  }

  func analyse(bytes: [UInt8], ranges: [Range<Int>], segment: SegmentKind, scan: inout TextScan)
    -> ItemAnalysis
  {
    matcher.scan(bytes, ranges: ranges, into: &scan)
    // Where each phrase's occurrences start, for the phrases present (-1 for the others).
    var starts: [Int32] = []
    swap(&starts, &scan.phraseStart)
    if starts.count != rules.phrases.count { starts = Array(repeating: -1, count: rules.phrases.count) }
    Self.groupByPhrase(&scan, starts: &starts)
    // The rules that mention a phrase present, as bits in rule order.
    var candidates: [UInt64] = []
    swap(&candidates, &scan.ruleBits)
    if candidates.count != ruleWords { candidates = Array(repeating: 0, count: ruleWords) }
    for p in scan.present {
      let row = p * ruleWords
      for w in 0..<ruleWords { candidates[w] |= rulesByPhrase[row + w] }
    }
    let tokens = scan.words
    let sentenceCount = (tokens.last?.sentence ?? 0) + 1
    let sentenceWords = (sentenceCount + 63) / 64
    var analysis = ItemAnalysis()
    // The evidence, cues and theme sentences gather in buffers kept from item to item.
    var work = TaggerScratch()
    swap(&work, &scan.tagging)
    work.reset()
    // The themes whose rules fired, in the order they first did; slot k's sentences (as
    // bits) are `work.sentences[k * sentenceWords ..< (k + 1) * sentenceWords]`.
    var themes: [FiredTheme] = []
    swap(&themes, &work.fired)
    func fired(_ t: Int) -> Int {
      if let k = themes.firstIndex(where: { $0.theme == t }) { return k }
      themes.append(FiredTheme(theme: t))
      work.sentences.append(contentsOf: repeatElement(0, count: sentenceWords))
      return themes.count - 1
    }
    var quantifiers: [(Quantifier, Int)] = []
    swap(&quantifiers, &work.quantifiers)
    let segmentBit = Self.segmentBits[segment] ?? 0
    for w in 0..<ruleWords {
      var bits = candidates[w]
      candidates[w] = 0
      while bits != 0 {
        let r = w * 64 + bits.trailingZeroBitCount
        bits &= bits - 1
        if ruleSegments[r] & segmentBit == 0 { continue }
        guard
          scan.evaluator.evaluate(
            rule: program.roots[r], program: program, occurrences: scan.occurrences, start: starts),
          Self.distinct(scan.evaluator.arena[...]) >= rules.rules[r].minimum,
          let first = scan.evaluator.arena.first
        else { continue }
        let result = scan.evaluator.arena
        let id = rules.rules[r].id
        var theme: Int32 = -1
        switch rules.rules[r].group {
        case .theme:
          let t = ruleTheme[r]
          guard t >= 0 else { break }
          let k = fired(t)
          theme = Int32(k)
          themes[k].evidence += result.count
          for o in result {
            work.sentences[k * sentenceWords + o.sentence >> 6] |= 1 << UInt64(o.sentence & 63)
          }
        case .exclusion:
          let t = ruleTheme[r]
          guard t >= 0 else { break }
          let k = fired(t)
          themes[k].excludedBy = themes[k].excludedBy ?? id
        case .polarity(.strength):
          for o in result { work.strength.append((o.first, o.last)) }
        case .polarity(_):
          for o in result { work.concern.append((o.first, o.last)) }
        case .quantifier(let q): quantifiers.append((q, first.first))
        }
        for o in result {
          let span = Span(start: tokens[o.first].start, end: tokens[o.last].end)
          work.evidence.append(Evidence(rule: id, span: span, text: Self.words(bytes, span)))
          work.evidenceTheme.append(theme)
        }
      }
    }
    swap(&candidates, &scan.ruleBits)
    // Themes in the order the rule files declare them, each with its evidence in order of
    // place (among evidence at one place, in the order the rules fired).
    var tagged: [Int] = []
    swap(&tagged, &work.tagged)
    var order: [Int] = []
    swap(&order, &work.order)
    order.append(contentsOf: themes.indices)
    order.sort { themes[$0].theme < themes[$1].theme }
    analysis.themes.reserveCapacity(themes.count)
    for k in order where themes[k].evidence > 0 {
      let id = rules.themes[themes[k].theme].id
      if let rule = themes[k].excludedBy {
        analysis.excluded.append((id, rule))
        continue
      }
      var evidence: [Evidence] = []
      evidence.reserveCapacity(themes[k].evidence)
      for (e, t) in zip(work.evidence, work.evidenceTheme) where t == k { evidence.append(e) }
      evidence.sort { $0.span < $1.span }
      analysis.themes.append(ThemeTag(id: id, evidence: evidence))
      tagged.append(k)
    }
    for p in scan.present { starts[p] = -1 }
    swap(&starts, &scan.phraseStart)
    // Sorted where it lies and handed to the analysis, buffer and all: the scratch's reset
    // gives the next item a fresh one. (The themes have taken theirs, and `evidenceTheme`,
    // which no longer lines up with it, is not read again for this item.)
    work.evidence.sort { $0.span < $1.span || $0.span == $1.span && $0.rule < $1.rule }
    analysis.fired = work.evidence
    analysis.quantifier = quantifiers.min { $0.1 < $1.1 || $0.1 == $1.1 && $0.0.rawValue < $1.0.rawValue }?.0
    swap(&quantifiers, &work.quantifiers)
    // The judge needs the words' context only when the item has a cue.
    let strength = work.strength
    let concern = work.concern
    let context =
      strength.isEmpty && concern.isEmpty
      ? nil
      : PolarityJudge.context(
        tokens: tokens, strength: strength, concern: concern, memory: &work.polarityMemory)
    (analysis.polarity, analysis.strengthScore, analysis.concernScore) = PolarityJudge.judge(
      tokens: tokens, strength: strength, concern: concern, segment: segment, context: context)
    // Each theme's own polarity, from the cues in the sentences that hold its evidence.
    for (n, k) in tagged.enumerated() {
      let sentences = work.sentences[(k * sentenceWords)..<((k + 1) * sentenceWords)]
      if sentences.reduce(0, { $0 + $1.nonzeroBitCount }) >= sentenceCount || segment.isImprovementList {
        analysis.themes[n].polarity = analysis.polarity
        continue
      }
      func holds(_ cue: (Int, Int)) -> Bool {
        let s = tokens[cue.0].sentence
        return sentences[sentences.startIndex + s >> 6] & (1 << UInt64(s & 63)) != 0
      }
      work.themeStrength.removeAll(keepingCapacity: true)
      work.themeConcern.removeAll(keepingCapacity: true)
      for cue in strength where holds(cue) { work.themeStrength.append(cue) }
      for cue in concern where holds(cue) { work.themeConcern.append(cue) }
      analysis.themes[n].polarity =
        work.themeStrength.isEmpty && work.themeConcern.isEmpty
        ? .neutral
        : PolarityJudge.judge(
          tokens: tokens, strength: work.themeStrength, concern: work.themeConcern, segment: segment,
          context: context
        ).0
    }
    // The buffers go back to the scratch, whose reset empties them for the next item.
    swap(&themes, &work.fired)
    swap(&tagged, &work.tagged)
    swap(&order, &work.order)
    swap(&work, &scan.tagging)
    return analysis
  }

  /// A theme a rule fired for in an item: how much evidence counts for it and the first
  /// exclusion rule that fired for it (its evidence and sentences are in `TaggerScratch`).
  struct FiredTheme {
    var theme: Int
    /// How many pieces of evidence count for it.
    var evidence = 0
    var excludedBy: String? = nil
  }

  /// The source text of a span with its line breaks and runs of spaces folded to one space.
  static func words(_ bytes: [UInt8], _ span: Span) -> String {
    // (Through a buffer rather than an array slice, which retains the array and is read
    // through a generic path: this runs for every piece of evidence.)
    bytes.withUnsafeBufferPointer {
      InlineMarkup.collapseSpaces(bytes: UnsafeBufferPointer(rebasing: $0[span.start..<span.end]))
    }
  }

  /// Groups the occurrences by phrase, keeping each phrase's in the order the matcher
  /// found them (by position), as a counting sort over the phrases present; the groups
  /// lie in the order their phrases first occur (the evaluator needs each phrase's
  /// occurrences together, not the groups in any order). `starts` is -1 for every phrase
  /// on entry; on return it holds where each present phrase's occurrences start, and
  /// `scan.present` the phrases present.
  private static func groupByPhrase(_ scan: inout TextScan, starts: inout [Int32]) {
    var present: [Int] = []
    swap(&present, &scan.present)
    present.removeAll(keepingCapacity: true)
    var grouped: [PhraseMatcher.Occurrence] = []
    swap(&grouped, &scan.grouped)
    starts.withUnsafeMutableBufferPointer { starts in
      scan.occurrences.withUnsafeBufferPointer { occurrences in
        for o in occurrences {
          if starts[o.phrase] < 0 {
            starts[o.phrase] = 0
            present.append(o.phrase)
          }
          starts[o.phrase] &+= 1
        }
        var offset: Int32 = 0
        for p in present {
          let count = starts[p]
          starts[p] = offset
          offset &+= count
        }
        guard present.count > 1 else { return }
        grouped.removeAll(keepingCapacity: true)
        grouped.append(contentsOf: occurrences)
        grouped.withUnsafeMutableBufferPointer { grouped in
          for o in occurrences {
            grouped[Int(starts[o.phrase])] = o
            starts[o.phrase] &+= 1
          }
        }
        // Placing moved each start to the end of its group: move them back.
        offset = 0
        for p in present {
          let end = starts[p]
          starts[p] = offset
          offset = end
        }
      }
    }
    // The grouped occurrences take the place of the found ones, whose buffer is kept for
    // the next item's grouping.
    if present.count > 1 { swap(&grouped, &scan.occurrences) }
    swap(&grouped, &scan.grouped)
    swap(&present, &scan.present)
  }

  /// How many separate places the occurrences cover ("children in care" and "in care"
  /// at the same place count once).
  static func distinct(_ xs: ArraySlice<PhraseMatcher.Occurrence>) -> Int {
    // Rule evidence comes in order of position; anything else is sorted first.
    var previous = Int.min
    for o in xs {
      if o.first < previous { return distinct(xs.sorted { $0.first < $1.first }[...]) }
      previous = o.first
    }
    var count = 0
    var end = -1
    for o in xs {
      if o.first > end { count += 1 }
      end = max(end, o.last)
    }
    return count
  }
}

/// Weighs strength and concern cues into a polarity.
///
/// Four simple adjustments, each about how inspectors write:
/// - negation: a strength cue within a few words after a negator in the same clause ("are not
///   thorough", "do not consider well enough", "too focused on", "without positive change") counts
///   as a concern; a concern cue after "no", "without" or "never" ("without delay", "no children
///   were found to be unsafe") counts as a strength. A negator that is part of the cue itself
///   ("not always", "no evidence") negates nothing;
/// - concession: cues inside a concessive clause ("although …") weigh half;
/// - turn: cues after "however", "but" weigh more;
/// - aim: strength cues after "to ensure" or "in order to" are a goal, not an achievement, and do
///   not count ("further work is needed to ensure that practice is consistently good").
enum PolarityJudge {
  /// Words that open a concessive clause: cues inside it weigh half ("Although plans
  /// are in place, they are not always SMART" is a concern).
  private static let concessive = [
    "although", "though", "while", "whilst", "despite", "notwithstanding", "albeit",
  ]
  /// Words that turn a sentence: what follows weighs more.
  private static let turning = ["however", "but", "nevertheless", "yet"]
  /// Words that negate what follows them in the clause.
  private static let negators = [
    "not", "no", "never", "cannot", "without", "nor", "lack", "lacks", "lacking", "too", "overly", "little",
    "insufficiently", "unable", "fail", "fails", "failed", "failing", "hinder", "hinders", "hindered",
    "prevent",
    "prevents", "prevented", "avoid", "avoids", "avoided",
  ]
  /// Negators that turn a criticism into praise ("without delay", "no children were unsafe",
  /// "assessments prevent delay").
  private static let strongNegators = [
    "no", "without", "never", "prevent", "prevents", "prevented", "avoid", "avoids", "avoided",
  ]

  /// The words above with their cues, for the phrase matcher to recognise as it scans.
  static let cueWords: [(String, WordCues)] =
    concessive.map { ($0, .concessive) } + turning.map { ($0, .turning) } + negators.map { ($0, .negator) }
    + strongNegators.map { ($0, .strongNegator) }
    + [("to", .to), ("ensure", .ensure), ("in", .in), ("order", .order)]

  /// How many words after a negator it reaches; "no children were seen to be at immediate risk
  /// or experiencing drift" negates its whole clause, so the praising negators reach further.
  private static let negationReach = 6
  private static let strongNegationReach = 12

  /// What the judge knows of each word of an item: its weight, whether it stands in an aim,
  /// the negator reaching it, and whether it is inside a concern cue. Computed once per item
  /// and shared by the item's judgement and each theme's.
  struct Context {
    var words: [Word]
  }

  /// The buffers `context(tokens:strength:concern:memory:)` works in.
  struct Memory {
    var words: [Word] = []
    var cueStarts: [Int] = []
  }

  /// What the judge knows of one word.
  struct Word {
    /// Half inside a concessive clause, more after a turn.
    var weight = 1.0
    /// The negator (its index) reaching the word, or -1.
    var negatedBy: Int32 = -1
    /// Whether the word stands in an aim ("to ensure …").
    var aim = false
    /// Whether the word is inside a concern cue: a negator there ("no evidence of", "little
    /// evidence of") does not turn the criticism that follows into praise.
    var inConcernCue = false
  }

  /// The judge's view of the words that cues start at (the others are left as they are):
  /// a word's weight, aim and negator depend only on the words before it in its sentence,
  /// so only the sentences that hold a cue are read, each up to its last cue.
  /// - Parameter memory: buffers kept from item to item, so that an item need not allocate
  ///   its own; what they hold on entry does not matter. The context shares its words'
  ///   buffer, which is unique again once the context is gone.
  static func context(
    tokens: UnsafeBufferPointer<TaggedWord>, strength: [(Int, Int)], concern: [(Int, Int)],
    memory: inout Memory
  ) -> Context {
    // As many words as the tokens (or more, from an earlier item), every one as new.
    if memory.words.count < tokens.count {
      memory.words.append(contentsOf: repeatElement(Word(), count: tokens.count - memory.words.count))
    }
    memory.words.withUnsafeMutableBufferPointer {
      UnsafeMutableBufferPointer(rebasing: $0[..<tokens.count]).update(repeating: Word())
    }
    for (a, b) in concern { for k in a...b { memory.words[k].inConcernCue = true } }
    memory.cueStarts.removeAll(keepingCapacity: true)
    for cue in strength { memory.cueStarts.append(cue.0) }
    for cue in concern { memory.cueStarts.append(cue.0) }
    memory.cueStarts.sort()
    var inConcession = false
    var turned = false
    var inAim = false
    var negator = -1
    // The words before `next` have been read, from the start of their sentence.
    var next = 0
    for cue in memory.cueStarts where cue >= next {
      let sentence = tokens[cue].sentence
      if next == 0 || tokens[next - 1].sentence != sentence {
        // A sentence not yet begun: read it from its first word.
        next = cue
        while next > 0, tokens[next - 1].sentence == sentence { next -= 1 }
        inConcession = false
        turned = false
        inAim = false
        negator = -1
      }
      while next <= cue {
        let k = next
        let t = tokens[k]
        next += 1
        if t.cues.contains(.concessive) { inConcession = true }
        if t.cues.contains(.turning) { turned = true }
        if k > 0, tokens[k - 1].sentence == t.sentence,
          tokens[k - 1].cues.contains(.to) && t.cues.contains(.ensure)
            || tokens[k - 1].cues.contains(.in) && t.cues.contains(.order)
        {
          inAim = true
        }
        memory.words[k].weight = inConcession ? 0.5 : (turned ? 1.25 : 1.0)
        memory.words[k].aim = inAim
        if negator >= 0 {
          let reach =
            tokens[negator].cues.contains(.strongNegator) && !memory.words[negator].inConcernCue
            ? strongNegationReach : negationReach
          if k - negator <= reach { memory.words[k].negatedBy = Int32(negator) }
        }
        if t.cues.contains(.negator) { negator = k }
        if t.clauseEnd {
          inConcession = false
          negator = -1
        }
      }
    }
    return Context(words: memory.words)
  }

  /// - Parameter context: the item's words as `context(tokens:strength:concern:)` gives
  ///   them, made with every cue of the item (the cues judged here may be a part of them).
  static func judge(
    tokens: UnsafeBufferPointer<TaggedWord>, strength: [(Int, Int)], concern: [(Int, Int)],
    segment: SegmentKind,
    context: Context? = nil
  ) -> (Polarity, Double, Double) {
    // No cue at all: nothing to weigh.
    if strength.isEmpty && concern.isEmpty { return (segment.isImprovementList ? .concern : .neutral, 0, 0) }
    var memory = Memory()
    let words =
      (context ?? Self.context(tokens: tokens, strength: strength, concern: concern, memory: &memory)).words
    // A cue is negated when a negator before it (and outside it) reaches its first word.
    func negation(_ cue: (Int, Int)) -> Int? {
      let n = Int(words[cue.0].negatedBy)
      return n >= 0 && n < cue.0 ? n : nil
    }
    var s = 0.0
    var c = 0.0
    // Each cue counts once for its first word (bits by word: an item may hold thousands of
    // cues), in memory on the stack when the item is short enough.
    let seenWords = (tokens.count + 63) / 64
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: seenWords) { seen in
      seen.initialize(repeating: 0)
      func firstTime(_ k: Int) -> Bool {
        let bit = UInt64(1) << UInt64(k & 63)
        defer { seen[k >> 6] |= bit }
        return seen[k >> 6] & bit == 0
      }
      for cue in strength where firstTime(cue.0) {
        if negation(cue) != nil {
          c += words[cue.0].weight
        } else if !words[cue.0].aim {
          s += words[cue.0].weight
        }
      }
      seen.update(repeating: 0)
      for cue in concern where firstTime(cue.0) {
        // The cue's own negator ("not always") is inside it, so negation() does not see it.
        if let n = negation(cue), tokens[n].cues.contains(.strongNegator), !words[n].inConcernCue {
          s += words[cue.0].weight
        } else {
          c += words[cue.0].weight
        }
      }
    }
    if segment.isImprovementList { return (.concern, s, c) }
    if s == 0 && c == 0 { return (.neutral, s, c) }
    if c == 0 { return (.strength, s, c) }
    if s == 0 { return (.concern, s, c) }
    // Both: one side must clearly outweigh the other, or it is mixed.
    if s >= 3 * c { return (.strength, s, c) }
    if c >= 3 * s { return (.concern, s, c) }
    return (.mixed, s, c)
  }
}

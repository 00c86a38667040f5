/// All the rules' phrases compiled into one automaton over words.
///
/// The text is scanned once, byte by byte. As each word's letters are lowered they walk a
/// trie of every word the matcher knows (`Lexicon`: the rules' whole words, their wildcard
/// prefixes, and the words the polarity judge weighs, such as "however" and "not"), so
/// that when the word ends its state names it, and the states a few letters back name
/// its folded form ("services" → "service"). Each word's symbols then step the walks of
/// the phrase trie that earlier words of its sentence began, and begin their own, so the
/// text is read once. The cost grows with the length of the text and the depth of the
/// longest phrase, not with the number of rules, and nothing is allocated per word.
struct PhraseMatcher: Sendable {
  /// An occurrence of a phrase: its index and the first and last word.
  struct Occurrence: Hashable {
    var phrase: Int
    var first: Int
    var last: Int
    /// The sentence the occurrence stands in.
    var sentence: Int = 0
  }

  /// The whole words and wildcard prefixes the matcher knows.
  private var lexicon: Lexicon
  /// For each whole word of the lexicon, its symbol in phrases (-1 if none) and its cues.
  private var entrySymbol: [Int32] = []
  private var entryCues: [WordCues] = []
  /// Phrase trie over symbols; the phrases ending at node k are `ends[endStart[k]..<endStart[k + 1]]`.
  /// Node k's children (but the root's) are `childNode[childStart[k]..<childStart[k + 1]]`,
  /// by the symbols `childSymbol[…]` in the same places: a node has few children, and a
  /// walk reads them side by side rather than probing a hash table over all the edges.
  private var childStart: [Int32] = []
  private var childSymbol: [Int32] = []
  private var childNode: [Int32] = []
  private var endStart: [Int32] = []
  /// The root's child for each symbol (-1 for none): most steps of a scan start at the
  /// root, and an array read is cheaper than a hash lookup.
  private var rootChild: [Int32] = []
  private var ends: [Int32] = []
  /// For each node of the phrase trie, whether a longer phrase goes on from it: a walk
  /// carries on only from such nodes.
  private var goesOn: [Bool] = []

  /// - Parameters:
  ///   - phrases: the rules' phrases, numbered by their position.
  ///   - cueWords: words whose cues the scan should report, as the tokenizer lowers them.
  init(phrases: [PhrasePattern], cueWords: [(String, WordCues)] = []) {
    var symbols: Int32 = 0
    var words = Lexicon.Builder()
    var entrySymbol: [Int32] = []
    var entryCues: [WordCues] = []
    func entry(_ word: [UInt8]) -> Int {
      let e = Int(words.insert(word))
      if e == entrySymbol.count {
        entrySymbol.append(-1)
        entryCues.append([])
      }
      return e
    }
    func symbol(_ w: PhrasePattern.Word) -> Int32 {
      switch w {
      case .exact(let bytes):
        let e = entry(bytes)
        if entrySymbol[e] < 0 {
          entrySymbol[e] = symbols
          symbols += 1
        }
        return entrySymbol[e]
      case .prefix(let bytes):
        if let s = words.prefixSymbol(bytes) { return s }
        let s = symbols
        symbols += 1
        words.insertPrefix(bytes, symbol: s)
        return s
      }
    }
    var phraseEdges = TransitionTable()
    var edgeList: [(from: Int32, symbol: Int32, to: Int32)] = []
    var phraseNodes: Int32 = 1
    var endsAt: [[Int32]] = [[]]
    var goesOn = [false]
    for (k, p) in phrases.enumerated() {
      var node: Int32 = 0
      for w in p.words {
        let s = symbol(w)
        let next = phraseEdges.target(node, s)
        if next >= 0 {
          node = next
        } else {
          phraseEdges.set(node, s, to: phraseNodes)
          edgeList.append((node, s, phraseNodes))
          endsAt.append([])
          goesOn[Int(node)] = true
          goesOn.append(false)
          node = phraseNodes
          phraseNodes += 1
        }
      }
      endsAt[Int(node)].append(Int32(k))
    }
    let edges = phraseEdges
    rootChild = (0..<symbols).map { edges.target(0, $0) }
    // The other edges grouped by the node they leave, in the order they were made.
    var counts = [Int32](repeating: 0, count: Int(phraseNodes) + 1)
    for e in edgeList where e.from != 0 { counts[Int(e.from) + 1] += 1 }
    for k in 1..<counts.count { counts[k] += counts[k - 1] }
    childStart = counts
    childSymbol = [Int32](repeating: -1, count: Int(counts[counts.count - 1]))
    childNode = childSymbol
    var next = counts
    for e in edgeList where e.from != 0 {
      let at = Int(next[Int(e.from)])
      childSymbol[at] = e.symbol
      childNode[at] = e.to
      next[Int(e.from)] += 1
    }
    for list in endsAt {
      endStart.append(Int32(ends.count))
      ends += list
    }
    endStart.append(Int32(ends.count))
    for (word, cues) in cueWords {
      let e = entry(Array(word.utf8))
      entryCues[e].formUnion(cues)
    }
    self.goesOn = goesOn
    lexicon = words.freeze()
    self.entrySymbol = entrySymbol
    self.entryCues = entryCues
  }

  /// Scans the ranges of the text into words with their cues, and finds every occurrence
  /// of every phrase as the words come: each word's symbols step the walks that the words
  /// before it in its sentence began, and begin their own.
  func scan(_ bytes: [UInt8], ranges: [Range<Int>], into scan: inout TextScan) {
    scan.reset()
    // The sink gathers words and occurrences in buffers the scan keeps from item to item,
    // copied to the scan's arrays at the end: a word costs a store rather than an array's
    // append, and an item allocates nothing.
    let store = scan.sinkBuffers
    lexicon.withWalker { walker in
      withPhraseTrie { phrases in
        entrySymbol.withUnsafeBufferPointer { entrySymbol in
          entryCues.withUnsafeBufferPointer { entryCues in
            var sink = Sink(
              walker: walker, entrySymbol: entrySymbol, entryCues: entryCues, phrases: phrases,
              buffers: store.buffers)
            WordTokenizer.scan(bytes, ranges: ranges, into: &sink)
            scan.occurrences.append(contentsOf: sink.buffers.found.elements)
            // The buffers go back to the scan, grown as they may have been.
            store.buffers = sink.buffers
          }
        }
      }
    }
  }

  /// Calls `body` with the phrase trie's tables, valid only during the call.
  private func withPhraseTrie<R>(_ body: (PhraseTrie) -> R) -> R {
    childStart.withUnsafeBufferPointer { childStart in
      childSymbol.withUnsafeBufferPointer { childSymbol in
        childNode.withUnsafeBufferPointer { childNode in
          rootChild.withUnsafeBufferPointer { rootChild in
            endStart.withUnsafeBufferPointer { endStart in
              ends.withUnsafeBufferPointer { ends in
                goesOn.withUnsafeBufferPointer { goesOn in
                  body(
                    PhraseTrie(
                      childStart: childStart, childSymbol: childSymbol, childNode: childNode,
                      rootChild: rootChild, endStart: endStart, ends: ends, goesOn: goesOn))
                }
              }
            }
          }
        }
      }
    }
  }

  /// The phrase trie's tables, read through buffers: every node and symbol indexes them
  /// by construction.
  private struct PhraseTrie {
    let childStart: UnsafeBufferPointer<Int32>
    let childSymbol: UnsafeBufferPointer<Int32>
    let childNode: UnsafeBufferPointer<Int32>
    let rootChild: UnsafeBufferPointer<Int32>
    let endStart: UnsafeBufferPointer<Int32>
    let ends: UnsafeBufferPointer<Int32>
    let goesOn: UnsafeBufferPointer<Bool>
  }

  /// Walks the lexicon with each letter, turns each word into its symbols and cues, and
  /// walks the phrase trie with each word's symbols.
  private struct Sink: WordSink {
    let walker: Lexicon.Walker
    let entrySymbol: UnsafeBufferPointer<Int32>
    let entryCues: UnsafeBufferPointer<WordCues>
    let phrases: PhraseTrie
    /// The words and occurrences found, the current word's symbols and the walks under
    /// way, in buffers the scan lends.
    var buffers: SinkBuffers
    /// The sentence of the walks under way.
    var walkSentence = -1

    /// Takes the scan's buffers and empties them.
    init(
      walker: Lexicon.Walker, entrySymbol: UnsafeBufferPointer<Int32>,
      entryCues: UnsafeBufferPointer<WordCues>,
      phrases: PhraseTrie, buffers: SinkBuffers
    ) {
      self.walker = walker
      self.entrySymbol = entrySymbol
      self.entryCues = entryCues
      self.phrases = phrases
      self.buffers = buffers
      self.buffers.removeAll()
    }

    /// The lexicon state after the word's letters so far, and after all but the last one,
    /// two and three of them: where the folded forms of the word end.
    struct Letters {
      var state = Lexicon.root
      var back1 = Lexicon.root
      var back2 = Lexicon.root
      var back3 = Lexicon.root
    }

    var lettersAtStart: Letters { Letters() }

    @inline(__always)
    func letter(_ l: Letters, _ byte: UInt8) -> Letters {
      Letters(state: walker.step(l.state, byte), back1: l.state, back2: l.back1, back3: l.back2)
    }

    @inline(__always)
    mutating func word(
      start: Int, end: Int, lower: UnsafeBufferPointer<UInt8>, sentence: Int, letters: Letters
    ) {
      let state = letters.state
      buffers.symbols.removeAll()
      if letters.back3 == Lexicon.dead {
        // The walk left the lexicon more than three letters before the word's end, with no
        // wildcard prefix on the way: neither the word nor a folded form of it is known.
        buffers.words.append(
          TaggedWord(start: start, end: end, sentence: sentence, clauseEnd: false, cues: []))
        walk(buffers.words.count - 1, sentence: sentence)
        return
      }
      var cues: WordCues = []
      var lowerSymbol: Int32 = -1
      let e = walker.entry(state)
      if e >= 0 {
        cues = entryCues[Int(e)]
        lowerSymbol = entrySymbol[Int(e)]
      }
      let (keep, y) = WordTokenizer.folding(lower)
      if keep != lower.count || y {
        // Folding keeps all but the last one, two or three bytes, perhaps with a "y".
        let back = lower.count - keep
        var folded = back == 1 ? letters.back1 : (back == 2 ? letters.back2 : letters.back3)
        if y { folded = walker.step(folded, UInt8(ascii: "y")) }
        let f = walker.entry(folded)
        if f >= 0, entrySymbol[Int(f)] >= 0 { buffers.symbols.append(entrySymbol[Int(f)]) }
      }
      if lowerSymbol >= 0 { buffers.symbols.append(lowerSymbol) }
      if walker.passedPrefix(state) {
        // The wildcard prefixes the word starts with, shortest first.
        var node = Lexicon.root
        for b in lower {
          node = walker.step(node, b)
          if node <= Lexicon.deadAfterPrefix { break }
          let s = walker.prefix(node)
          if s >= 0 { buffers.symbols.append(s) }
        }
      }
      let index = buffers.words.count
      buffers.words.append(
        TaggedWord(start: start, end: end, sentence: sentence, clauseEnd: false, cues: cues))
      walk(index, sentence: sentence)
    }

    /// Steps the walks under way with the word's symbols and begins a walk from each: a
    /// phrase never runs across the end of a sentence, nor over a word none of whose
    /// symbols carries it on.
    @inline(__always)
    private mutating func walk(_ index: Int, sentence: Int) {
      if sentence != walkSentence {
        buffers.walks.removeAll()
        walkSentence = sentence
      }
      guard buffers.symbols.count > 0 else {
        buffers.walks.removeAll()
        return
      }
      buffers.nextWalks.removeAll()
      for w in 0..<buffers.walks.count {
        let walk = buffers.walks.base[w]
        let children = Int(phrases.childStart[Int(walk.node)])..<Int(phrases.childStart[Int(walk.node) + 1])
        for k in 0..<buffers.symbols.count {
          let symbol = buffers.symbols.base[k]
          // A node has at most one child by a symbol.
          for e in children where phrases.childSymbol[e] == symbol {
            reached(phrases.childNode[e], first: walk.first, last: index, sentence: sentence)
            break
          }
        }
      }
      for k in 0..<buffers.symbols.count {
        let child = phrases.rootChild[Int(buffers.symbols.base[k])]
        if child >= 0 { reached(child, first: Int32(index), last: index, sentence: sentence) }
      }
      buffers.swapWalks()
    }

    /// Notes the phrases that end at the node, and carries the walk on if a longer phrase
    /// goes on from it.
    @inline(__always)
    private mutating func reached(_ node: Int32, first: Int32, last: Int, sentence: Int) {
      for p in Int(phrases.endStart[Int(node)])..<Int(phrases.endStart[Int(node) + 1]) {
        buffers.found.append(
          Occurrence(phrase: Int(phrases.ends[p]), first: Int(first), last: last, sentence: sentence))
      }
      if phrases.goesOn[Int(node)] { buffers.nextWalks.append(Walk(node: node, first: first)) }
    }

    mutating func clauseEnd() {
      if buffers.words.count > 0 { buffers.words.base[buffers.words.count - 1].clauseEnd = true }
    }
  }
}

/// A walk of the phrase trie under way: the node it has reached and the word it began at.
struct Walk {
  var node: Int32
  var first: Int32
}

/// The memory a scan's sink writes into: plain buffers, moved in and out as a value.
struct SinkBuffers {
  var words = RawBuffer<TaggedWord>(capacity: 1024)
  var found = RawBuffer<PhraseMatcher.Occurrence>(capacity: 256)
  /// The current word's symbols.
  var symbols = RawBuffer<Int32>(capacity: 16)
  /// The walks under way, and those the current word carries on.
  var walks = RawBuffer<Walk>(capacity: 16)
  var nextWalks = RawBuffer<Walk>(capacity: 16)

  /// Forgets every value, keeping the memory.
  mutating func removeAll() {
    words.removeAll()
    found.removeAll()
    symbols.removeAll()
    walks.removeAll()
    nextWalks.removeAll()
  }

  /// The walks carried on become the walks under way.
  mutating func swapWalks() { swap(&walks, &nextWalks) }

  func free() {
    words.free()
    found.free()
    symbols.free()
    walks.free()
    nextWalks.free()
  }
}

/// Holds a scan's `SinkBuffers` from item to item, and frees them with the scan.
final class SinkBufferStore {
  var buffers = SinkBuffers()
  deinit { buffers.free() }
}

/// A word as the tagger sees it: where it stands and what the polarity judge knows of it.
struct TaggedWord {
  var start: Int
  var end: Int
  var sentence: Int
  /// Whether a comma, semicolon, colon or sentence end follows the word.
  var clauseEnd: Bool
  var cues: WordCues
}

/// The words and phrase occurrences of one piece of text; reused from item to item so
/// that its buffers are allocated once.
struct TextScan {
  /// The words of the last scan, in the sink's buffer: valid until the next scan.
  var words: UnsafeBufferPointer<TaggedWord> { sinkBuffers.buffers.words.elements }
  var occurrences: [PhraseMatcher.Occurrence] = []
  /// For the phrase matcher: the buffers its sink writes into.
  var sinkBuffers = SinkBufferStore()
  /// For the tagger: where each phrase's occurrences start, -1 between items.
  var phraseStart: [Int32] = []
  /// For the tagger: the phrases present, and the occurrences grouped by phrase.
  var present: [Int] = []
  var grouped: [PhraseMatcher.Occurrence] = []
  /// For the tagger: the candidate rules as bits, zero between items.
  var ruleBits: [UInt64] = []
  /// For the tagger: where rule expressions are evaluated.
  var evaluator = RuleEvaluator()
  /// For the tagger: what an item's rules gave.
  var tagging = TaggerScratch()

  mutating func reset() {
    occurrences.removeAll(keepingCapacity: true)
  }
}

/// What the tagger gathers for one item before it orders it: every piece of evidence
/// with the slot of the theme it counts for (-1 for none), the strength and concern
/// cues (first and last word), and each theme slot's sentences as bits.
struct TaggerScratch {
  var evidence: [Evidence] = []
  var evidenceTheme: [Int32] = []
  var strength: [(Int, Int)] = []
  var concern: [(Int, Int)] = []
  var sentences: [UInt64] = []
  /// The cues in one theme's sentences, for its own polarity.
  var themeStrength: [(Int, Int)] = []
  var themeConcern: [(Int, Int)] = []
  /// The themes whose rules fired, their slots in the order of the rule files, the slots
  /// tagged, and the quantifiers found: lent to each item and given back.
  var fired: [Tagger.FiredTheme] = []
  var order: [Int] = []
  var tagged: [Int] = []
  var quantifiers: [(Quantifier, Int)] = []
  /// What the polarity judge works in, kept from item to item.
  var polarityMemory = PolarityJudge.Memory()

  mutating func reset() {
    evidence.removeAll(keepingCapacity: true)
    evidenceTheme.removeAll(keepingCapacity: true)
    strength.removeAll(keepingCapacity: true)
    concern.removeAll(keepingCapacity: true)
    sentences.removeAll(keepingCapacity: true)
    fired.removeAll(keepingCapacity: true)
    order.removeAll(keepingCapacity: true)
    tagged.removeAll(keepingCapacity: true)
    quantifiers.removeAll(keepingCapacity: true)
  }
}

/// What the polarity judge needs to know of a word, found by the same lookup as the phrases.
struct WordCues: OptionSet, Sendable {
  let rawValue: UInt16
  /// Opens a concessive clause ("although").
  static let concessive = WordCues(rawValue: 1 << 0)
  /// Turns a sentence ("however").
  static let turning = WordCues(rawValue: 1 << 1)
  /// Negates what follows in its clause ("not", "without").
  static let negator = WordCues(rawValue: 1 << 2)
  /// Negates a criticism into praise ("without delay").
  static let strongNegator = WordCues(rawValue: 1 << 3)
  /// "to" and "in", which open an aim before "ensure" and "order".
  static let to = WordCues(rawValue: 1 << 4)
  static let ensure = WordCues(rawValue: 1 << 5)
  static let `in` = WordCues(rawValue: 1 << 6)
  static let order = WordCues(rawValue: 1 << 7)
}

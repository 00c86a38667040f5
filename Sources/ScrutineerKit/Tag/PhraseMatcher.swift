/// All the rules' phrases compiled into one automaton over words.
///
/// Each text word is looked up once: its folded form in a hash table of whole words,
/// its letters along a trie of wildcard prefixes. The phrase trie is then walked from
/// each word over the symbols found. The cost grows with the number of words in the
/// text and the depth of the longest phrase, not with the number of rules.
struct PhraseMatcher: Sendable {
  /// An occurrence of a phrase: its index and the first and last word.
  struct Occurrence: Hashable {
    var phrase: Int
    var first: Int
    var last: Int
    /// The sentence the occurrence stands in.
    var sentence: Int = 0
  }

  private var exact: [[UInt8]: Int32] = [:]
  /// Prefix trie over letters: children by byte, and the symbol a node ends, if any.
  private var prefixChildren: [[UInt8: Int32]] = [[:]]
  private var prefixSymbol: [Int32] = [-1]
  /// Phrase trie over symbols.
  private var phraseChildren: [[Int32: Int32]] = [[:]]
  private var phraseEnds: [[Int]] = [[]]
  private(set) var maxLength = 0

  init(phrases: [PhrasePattern]) {
    var symbols = 0
    var prefixIDs: [[UInt8]: Int32] = [:]
    func symbol(_ w: PhrasePattern.Word) -> Int32 {
      switch w {
      case .exact(let bytes):
        if let s = exact[bytes] { return s }
        let s = Int32(symbols)
        symbols += 1
        exact[bytes] = s
        return s
      case .prefix(let bytes):
        if let s = prefixIDs[bytes] { return s }
        let s = Int32(symbols)
        symbols += 1
        prefixIDs[bytes] = s
        var node: Int32 = 0
        for b in bytes {
          if let next = prefixChildren[Int(node)][b] {
            node = next
          } else {
            prefixChildren.append([:])
            prefixSymbol.append(-1)
            let next = Int32(prefixChildren.count - 1)
            prefixChildren[Int(node)][b] = next
            node = next
          }
        }
        prefixSymbol[Int(node)] = s
        return s
      }
    }
    for (k, p) in phrases.enumerated() {
      var node: Int32 = 0
      for w in p.words {
        let s = symbol(w)
        if let next = phraseChildren[Int(node)][s] {
          node = next
        } else {
          phraseChildren.append([:])
          phraseEnds.append([])
          let next = Int32(phraseChildren.count - 1)
          phraseChildren[Int(node)][s] = next
          node = next
        }
      }
      phraseEnds[Int(node)].append(k)
      maxLength = max(maxLength, p.words.count)
    }
  }

  /// The symbols a word carries: its whole-word symbol and every wildcard prefix it has.
  private func symbols(of token: WordToken, into out: inout [Int32]) {
    out.removeAll(keepingCapacity: true)
    if let s = exact[token.folded] { out.append(s) }
    if token.lower != token.folded, let s = exact[token.lower] { out.append(s) }
    var node: Int32 = 0
    for b in token.lower {
      guard let next = prefixChildren[Int(node)][b] else { break }
      node = next
      let s = prefixSymbol[Int(node)]
      if s >= 0 { out.append(s) }
    }
  }

  /// Every occurrence of every phrase in the words, in order of first word.
  func occurrences(in tokens: [WordToken]) -> [Occurrence] {
    var symbolsAt: [[Int32]] = []
    symbolsAt.reserveCapacity(tokens.count)
    var scratch: [Int32] = []
    for t in tokens {
      symbols(of: t, into: &scratch)
      symbolsAt.append(scratch)
    }
    var out: [Occurrence] = []
    var frontier: [Int32] = []
    var next: [Int32] = []
    for i in tokens.indices where !symbolsAt[i].isEmpty {
      frontier = [0]
      var j = i
      // A phrase never runs across the end of a sentence.
      while !frontier.isEmpty, j < tokens.count, j - i < maxLength, tokens[j].sentence == tokens[i].sentence {
        next.removeAll(keepingCapacity: true)
        for node in frontier {
          for s in symbolsAt[j] {
            if let child = phraseChildren[Int(node)][s] {
              next.append(child)
              for p in phraseEnds[Int(child)] {
                out.append(Occurrence(phrase: p, first: i, last: j, sentence: tokens[i].sentence))
              }
            }
          }
        }
        swap(&frontier, &next)
        j += 1
      }
    }
    return out
  }
}

/// The rules' expressions flattened into one array of nodes, evaluated over an item's
/// phrase occurrences without boxed enums or an array for every intermediate result.
///
/// An alternation of plain phrases (the commonest node by far) is one run of phrase
/// numbers in `lists`; the children of `|` and `&` are runs of node numbers there too.
struct RuleProgram: Sendable {
  enum Op: UInt8, Sendable {
    /// `a` is the phrase.
    case phrase
    /// `lists[a..<b]` are phrases, any of which matches.
    case phrases
    /// `lists[a..<b]` are nodes, any of which matches.
    case any
    /// `lists[a..<b]` are nodes, all of which must match.
    case all
    /// `a` is the node negated.
    case not
    /// Nodes `a` and `b` within `n` words in a sentence.
    case near
    /// Occurrences of node `a` that no occurrence of node `b` overlaps.
    case except
  }

  struct Node: Sendable {
    var op: Op
    var a: Int32
    var b: Int32 = 0
    var n: Int32 = 0
  }

  private(set) var nodes: [Node] = []
  private(set) var lists: [Int32] = []
  /// Each rule's top node.
  private(set) var roots: [Int32] = []

  init(_ expressions: [RuleExpression]) {
    for e in expressions { roots.append(add(e)) }
  }

  private mutating func add(_ e: RuleExpression) -> Int32 {
    switch e {
    case .phrase(let p):
      return append(Node(op: .phrase, a: Int32(p)))
    case .any(let xs):
      // The plain phrases among the alternatives are one run of phrases, in the place of
      // the first of them: the evidence is the same set of occurrences in order of place,
      // and one node costs less to visit than a node for each phrase.
      var phrases: [Int32] = []
      for x in xs { if case .phrase(let p) = x { phrases.append(Int32(p)) } }
      if phrases.count == xs.count { return appendList(.phrases, phrases) }
      var children: [Int32] = []
      for x in xs {
        if case .phrase = x {
          if phrases.isEmpty { continue }
          children.append(phrases.count == 1 ? add(x) : appendList(.phrases, phrases))
          phrases = []
        } else {
          children.append(add(x))
        }
      }
      return appendList(.any, children)
    case .all(let xs):
      return appendList(.all, xs.map { add($0) })
    case .not(let x):
      return append(Node(op: .not, a: add(x)))
    case .near(let x, let y, let n):
      let a = add(x)
      return append(Node(op: .near, a: a, b: add(y), n: Int32(n)))
    case .except(let x, let y):
      let a = add(x)
      return append(Node(op: .except, a: a, b: add(y)))
    }
  }

  private mutating func appendList(_ op: Op, _ items: [Int32]) -> Int32 {
    let start = Int32(lists.count)
    lists += items
    return append(Node(op: op, a: start, b: Int32(lists.count)))
  }

  private mutating func append(_ node: Node) -> Int32 {
    nodes.append(node)
    return Int32(nodes.count - 1)
  }
}

/// Evaluates rule nodes over one item's occurrences.
///
/// Every result's evidence is the run of the arena from where the arena ended when the
/// node's evaluation began to where it ends now, so the evidence of the children of `|`
/// and `&` lies end to end without copying, and an unmatched node leaves the arena as it
/// found it.
struct RuleEvaluator {
  typealias Occurrence = PhraseMatcher.Occurrence

  /// Whether the node matched; its evidence is `storage[base..<count]`.
  struct Result {
    var matched: Bool
    var base: Int
  }

  /// The arena: its first `count` values are the evidence gathered so far; the values
  /// after them are left from earlier and overwritten as it grows again, so that cutting
  /// the arena back is setting a count rather than removing from an array.
  private var storage: [Occurrence] = []
  private var count = 0

  /// The occurrences in order of position the last evaluation found, each once.
  var arena: ArraySlice<Occurrence> { storage[0..<count] }

  /// No phrase is longer than this many words (the rule language allows eight), so an
  /// occurrence that ends near a word starts at most this far before it.
  static let longestPhrase = 8

  /// Evaluates a rule's top node afresh.
  /// - Parameters:
  ///   - occurrences: every occurrence in the item, sorted by phrase and position.
  ///   - start: where each phrase's occurrences begin in `occurrences`, -1 when absent.
  mutating func evaluate(
    rule root: Int32, program: RuleProgram, occurrences: [Occurrence], start: [Int32]
  ) -> Bool {
    count = 0
    return program.nodes.withUnsafeBufferPointer { nodes in
      program.lists.withUnsafeBufferPointer { lists in
        occurrences.withUnsafeBufferPointer { occurrences in
          start.withUnsafeBufferPointer { start in
            var context = Context(nodes: nodes, lists: lists, occurrences: occurrences, start: start)
            guard Self.mayMatch(Int(root), context) else { return false }
            return evaluate(Int(root), &context).matched
          }
        }
      }
    }
  }

  private struct Context {
    let nodes: UnsafeBufferPointer<RuleProgram.Node>
    let lists: UnsafeBufferPointer<Int32>
    let occurrences: UnsafeBufferPointer<Occurrence>
    let start: UnsafeBufferPointer<Int32>
  }

  /// Whether the node can match, from which phrases are present alone: false when a
  /// phrase it needs is absent, so that a rule whose last condition fails is refused
  /// before the evidence of the others is gathered.
  private static func mayMatch(_ k: Int, _ c: Context) -> Bool {
    let node = c.nodes[k]
    switch node.op {
    case .phrase:
      return c.start[Int(node.a)] >= 0
    case .phrases:
      var i = Int(node.a)
      let end = Int(node.b)
      while i < end {
        if c.start[Int(c.lists[i])] >= 0 { return true }
        i &+= 1
      }
      return false
    case .any:
      for i in Int(node.a)..<Int(node.b) where mayMatch(Int(c.lists[i]), c) { return true }
      return false
    case .all:
      for i in Int(node.a)..<Int(node.b) where !mayMatch(Int(c.lists[i]), c) { return false }
      return true
    case .not:
      return true
    case .near:
      return mayMatch(Int(node.a), c) && mayMatch(Int(node.b), c)
    case .except:
      return mayMatch(Int(node.a), c)
    }
  }

  /// Appends a phrase's occurrences, if it has any.
  @inline(__always)
  private mutating func appendPhrase(_ p: Int, _ c: Context) -> Bool {
    let s = Int(c.start[p])
    guard s >= 0 else { return false }
    var k = s
    repeat {
      append(c.occurrences[k])
      k += 1
    } while k < c.occurrences.count && c.occurrences[k].phrase == p
    return true
  }

  @inline(__always)
  private mutating func append(_ o: Occurrence) {
    if count < storage.count {
      storage[count] = o
    } else {
      storage.append(o)
    }
    count += 1
  }

  private mutating func evaluate(_ k: Int, _ c: inout Context) -> Result {
    let node = c.nodes[k]
    let base = count
    switch node.op {
    case .phrase:
      return Result(matched: appendPhrase(Int(node.a), c), base: base)
    case .phrases:
      // Most of a run's phrases are absent: each is one test of its start.
      var parts = 0
      var i = Int(node.a)
      let end = Int(node.b)
      while i < end {
        let p = Int(c.lists[i])
        if c.start[p] >= 0 {
          _ = appendPhrase(p, c)
          parts &+= 1
        }
        i &+= 1
      }
      if parts > 1 { unique(from: base) }
      return Result(matched: parts > 0, base: base)
    case .any:
      var parts = 0
      var any = false
      for i in Int(node.a)..<Int(node.b) {
        let before = count
        guard evaluate(Int(c.lists[i]), &c).matched else { continue }
        any = true
        if count > before { parts += 1 }
      }
      if parts > 1 { unique(from: base) }
      return Result(matched: any, base: base)
    case .all:
      var parts = 0
      for i in Int(node.a)..<Int(node.b) {
        let before = count
        guard evaluate(Int(c.lists[i]), &c).matched else {
          truncate(to: base)
          return Result(matched: false, base: base)
        }
        if count > before { parts += 1 }
      }
      if parts > 1 { unique(from: base) }
      return Result(matched: true, base: base)
    case .not:
      let matched = evaluate(Int(node.a), &c).matched
      truncate(to: base)
      return Result(matched: !matched, base: base)
    case .near:
      guard evaluate(Int(node.a), &c).matched else { return Result(matched: false, base: base) }
      let middle = count
      guard evaluate(Int(node.b), &c).matched else {
        truncate(to: base)
        return Result(matched: false, base: base)
      }
      let end = count
      inOrder(base..<middle)
      inOrder(middle..<end)
      // Both lists are in order of position: for each x, only the ys that start within
      // reach of it are looked at, so a long item costs its length, not its length squared.
      let n = Int(node.n)
      var lo = middle
      for xi in base..<middle {
        let x = storage[xi]
        while lo < end && storage[lo].first < x.first - n - Self.longestPhrase { lo += 1 }
        var k = lo
        while k < end && storage[k].first <= x.last + n {
          let y = storage[k]
          k += 1
          // Within n words and in the same sentence.
          let gap = x.last < y.first ? y.first - x.last - 1 : (y.last < x.first ? x.first - y.last - 1 : 0)
          if gap < n, x.sentence == y.sentence {
            append(x)
            append(y)
          }
        }
      }
      let found = count > end
      if found { unique(from: end) }
      moveDown(from: end, to: base)
      return Result(matched: found, base: base)
    case .except:
      guard evaluate(Int(node.a), &c).matched else { return Result(matched: false, base: base) }
      let middle = count
      _ = evaluate(Int(node.b), &c)
      let end = count
      inOrder(middle..<end)
      inOrder(base..<middle)
      var lo = middle
      for xi in base..<middle {
        let x = storage[xi]
        while lo < end && storage[lo].first < x.first - Self.longestPhrase { lo += 1 }
        var k = lo
        var overlaps = false
        while k < end && storage[k].first <= x.last {
          if x.first <= storage[k].last {
            overlaps = true
            break
          }
          k += 1
        }
        if !overlaps { append(x) }
      }
      let kept = count > end
      moveDown(from: end, to: base)
      return Result(matched: kept, base: base)
    }
  }

  @inline(__always)
  private mutating func truncate(to newCount: Int) { count = newCount }

  /// Moves `storage[from..<count]` down to start at `to`, dropping what lay between.
  private mutating func moveDown(from: Int, to: Int) {
    guard from > to else { return }
    let moved = count - from
    for i in 0..<moved { storage[to + i] = storage[from + i] }
    truncate(to: to + moved)
  }

  /// Sorts the occurrences in the range by first word, then last (they almost always are
  /// already), keeping the order of those at the same place.
  private mutating func inOrder(_ range: Range<Int>) {
    guard range.count > 1 else { return }
    var previous = Int.min
    var sorted = true
    for i in range {
      if storage[i].first < previous {
        sorted = false
        break
      }
      previous = storage[i].first
    }
    if !sorted { sortByPlace(range) }
  }

  /// Sorts the range in place (sorting `storage[range]` would copy the slice first).
  private mutating func sortByPlace(_ range: Range<Int>) {
    storage.withUnsafeMutableBufferPointer { all in
      var part = UnsafeMutableBufferPointer(rebasing: all[range])
      part.sort(by: Self.byPlace)
    }
  }

  private static func byPlace(_ x: Occurrence, _ y: Occurrence) -> Bool {
    x.first < y.first || x.first == y.first && x.last < y.last
  }

  /// Puts `storage[base...]` in order of position with each occurrence once; among
  /// occurrences at the same place, the order in which they came.
  private mutating func unique(from base: Int) {
    sortByPlace(base..<count)
    var written = base
    var groupStart = base
    for r in base..<count {
      let o = storage[r]
      if written > base, storage[written - 1].first != o.first || storage[written - 1].last != o.last {
        groupStart = written
      }
      var seen = false
      for g in groupStart..<written where storage[g] == o {
        seen = true
        break
      }
      if !seen {
        storage[written] = o
        written += 1
      }
    }
    truncate(to: written)
  }
}

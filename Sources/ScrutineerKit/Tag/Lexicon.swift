/// The words the phrase matcher knows (whole words and wildcard prefixes) as one trie over
/// their bytes, frozen into a double array and walked a byte at a time as the tokenizer
/// lowers a word's letters; when the word ends its state names the whole word it spells,
/// if any, with no hashing and no comparing of bytes.
///
/// The trie is a `DoubleArray` over the bytes' codes, whose cells name the states: its
/// walk's cells fit in the first-level cache, where a dense table of states by bytes (ten
/// times the size) did not, and most letters of text step a live state.
///
/// States 0 and 1 are dead ends, which every step from them stays in: 1 when a wildcard
/// prefix lay on the way there, so that only such words are walked again for their
/// prefixes. State 2 is the root.
struct Lexicon: Sendable {
  static let dead: Int32 = 0
  static let deadAfterPrefix: Int32 = 1
  static let root: Int32 = 2

  /// Each byte's code; 0 for the bytes no word holds, which no cell is the child by.
  private var column: [UInt16]
  /// The double array; a state is its cell.
  private var cells: [DoubleArray.Cell]
  /// For each state, the number of the whole word ending there, or -1.
  private var entries: [Int32]
  /// For each state, the symbol of the wildcard prefix ending there, or -1.
  private var prefixes: [Int32]
  /// For each state, whether a wildcard prefix lies on the way to it (or at it).
  private var afterPrefix: [Bool]

  /// The number of whole words.
  let count: Int

  /// Collects words and prefixes; `freeze()` makes the table.
  struct Builder {
    private var words: [[UInt8]] = []
    private var wordNumbers = ByteStringTable()
    private var prefixList: [([UInt8], Int32)] = []
    private var prefixSymbols: [[UInt8]: Int32] = [:]

    /// The word's number (in order of first insertion), inserting it if it is new.
    @discardableResult
    mutating func insert(_ word: [UInt8]) -> Int32 {
      let k = wordNumbers.insert(word)
      if k == words.count { words.append(word) }
      return k
    }

    /// Marks the bytes as a wildcard prefix with the symbol (the first symbol given stays).
    mutating func insertPrefix(_ bytes: [UInt8], symbol: Int32) {
      guard prefixSymbols[bytes] == nil else { return }
      prefixSymbols[bytes] = symbol
      prefixList.append((bytes, symbol))
    }

    /// The symbol of the prefix, if it was inserted.
    func prefixSymbol(_ bytes: [UInt8]) -> Int32? { prefixSymbols[bytes] }

    func freeze() -> Lexicon { Lexicon(words: words, prefixes: prefixList) }
  }

  private init(words: [[UInt8]], prefixes prefixList: [([UInt8], Int32)]) {
    var column = [UInt16](repeating: 0, count: 256)
    var width = 1
    for w in words + prefixList.map(\.0) {
      for b in w where column[Int(b)] == 0 {
        column[Int(b)] = UInt16(width)
        width += 1
      }
    }
    // Rows are added as states are made, every cell a dead end until an edge is set (no
    // edge leads back to a dead end). Prefixes go in first, so that when the words go in,
    // whether a prefix lies on the way to a state is known as the state is made.
    var targets = [Int32](repeating: Self.dead, count: 3 * width)
    for c in width..<(2 * width) { targets[c] = Self.deadAfterPrefix }
    var afterPrefix: [Bool] = [false, true, false]
    var entries: [Int32] = [-1, -1, -1]
    var prefixes: [Int32] = [-1, -1, -1]
    func state(for bytes: [UInt8]) -> Int {
      var s = Int(Self.root)
      for b in bytes {
        let cell = s * width + Int(column[Int(b)])
        if targets[cell] <= Self.deadAfterPrefix {
          targets[cell] = Int32(entries.count)
          entries.append(-1)
          prefixes.append(-1)
          afterPrefix.append(afterPrefix[s])
          targets.append(
            contentsOf: repeatElement(afterPrefix[s] ? Self.deadAfterPrefix : Self.dead, count: width))
        }
        s = Int(targets[cell])
      }
      return s
    }
    var prefixEnds: [Int] = []
    for (p, symbol) in prefixList {
      let s = state(for: p)
      prefixes[s] = symbol
      prefixEnds.append(s)
    }
    // A prefix lies on the way to every state at or below a prefix's end, and a missing
    // edge from one of them is a dead end after a prefix.
    for e in prefixEnds where !afterPrefix[e] {
      var stack = [e]
      while let s = stack.popLast() {
        afterPrefix[s] = true
        for c in (s * width)..<((s + 1) * width) {
          if targets[c] > Self.deadAfterPrefix {
            stack.append(Int(targets[c]))
          } else {
            targets[c] = Self.deadAfterPrefix
          }
        }
      }
    }
    for (k, w) in words.enumerated() { entries[state(for: w)] = Int32(k) }
    let (cells, cellOf) = DoubleArray.build(
      nodes: entries.count, fixed: 3, root: Int(Self.root), labels: width
    ) {
      state in
      (1..<width).compactMap { c in
        let target = targets[state * width + c]
        return target > Self.deadAfterPrefix ? (c, Int(target)) : nil
      }
    }
    func byCell<T>(_ values: [T], _ empty: T) -> [T] {
      DoubleArray.byCell(values, cellOf, count: cells.count, empty: empty)
    }
    self.column = column
    self.cells = cells
    self.entries = byCell(entries, -1)
    self.prefixes = byCell(prefixes, -1)
    self.afterPrefix = byCell(afterPrefix, false)
    self.count = words.count
  }

  /// Calls `body` with a walker over the table, valid only during the call.
  func withWalker<R>(_ body: (Walker) -> R) -> R {
    column.withUnsafeBufferPointer { column in
      cells.withUnsafeBufferPointer { cells in
        entries.withUnsafeBufferPointer { entries in
          prefixes.withUnsafeBufferPointer { prefixes in
            afterPrefix.withUnsafeBufferPointer { afterPrefix in
              body(
                Walker(
                  column: column, cells: cells, entries: entries, prefixes: prefixes,
                  afterPrefix: afterPrefix))
            }
          }
        }
      }
    }
  }

  /// Steps through the table without checks: every state it yields is a row of the table
  /// and every byte has a column.
  struct Walker {
    let column: UnsafeBufferPointer<UInt16>
    let cells: UnsafeBufferPointer<DoubleArray.Cell>
    let entries: UnsafeBufferPointer<Int32>
    let prefixes: UnsafeBufferPointer<Int32>
    let afterPrefix: UnsafeBufferPointer<Bool>

    /// The state after `byte`.
    @inline(__always)
    func step(_ state: Int32, _ byte: UInt8) -> Int32 {
      // Every cell a base leads to is in the array: it was made long enough for the
      // widest code from every base.
      let t = Int(cells[Int(state)].base) &+ Int(column[Int(byte)])
      if _fastPath(cells[t].check == state) { return Int32(truncatingIfNeeded: t) }
      return afterPrefix[Int(state)] ? Lexicon.deadAfterPrefix : Lexicon.dead
    }

    /// The number of the whole word the state spells, or -1.
    @inline(__always)
    func entry(_ state: Int32) -> Int32 { entries[Int(state)] }

    /// Whether a wildcard prefix lay on the way to the state.
    @inline(__always)
    func passedPrefix(_ state: Int32) -> Bool { afterPrefix[Int(state)] }

    /// The symbol of the wildcard prefix the state spells, or -1.
    @inline(__always)
    func prefix(_ state: Int32) -> Int32 { prefixes[Int(state)] }
  }

  /// The number of the word, or -1 (for tests and checks).
  func find(_ word: [UInt8]) -> Int32 {
    withWalker { w in
      var s = Self.root
      for b in word { s = w.step(s, b) }
      return w.entry(s)
    }
  }
}

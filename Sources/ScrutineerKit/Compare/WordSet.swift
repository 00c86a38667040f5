/// A set of content words as the ids a `WordVocabulary` gave them, sorted: two sets
/// intersect by merging, with no hashing or strings.
struct WordSet: Hashable, Sendable {
  /// Word ids, ascending, each once.
  private(set) var ids: [Int32]

  /// The set of `ids`, in any order, repeats allowed.
  init(_ ids: [Int32]) {
    var sorted = ids
    sorted.sort()
    var unique: [Int32] = []
    unique.reserveCapacity(sorted.count)
    for id in sorted where unique.last != id { unique.append(id) }
    self.ids = unique
  }

  var count: Int { ids.count }
  var isEmpty: Bool { ids.isEmpty }

  /// |self ∩ other|.
  /// - Complexity: O(*m* + *n*).
  func sharedCount(_ other: WordSet) -> Int {
    ids.withUnsafeBufferPointer { a in
      other.ids.withUnsafeBufferPointer { b in
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count && j < b.count {
          let x = a[i]
          let y = b[j]
          if x == y {
            shared += 1
            i += 1
            j += 1
          } else if x < y {
            i += 1
          } else {
            j += 1
          }
        }
        return shared
      }
    }
  }

  /// The union of sets.
  static func union(_ sets: some Sequence<WordSet>) -> WordSet {
    WordSet(sets.flatMap(\.ids))
  }
}

/// Gives each content word (as `Similarity.words` defines them) a small integer id, so
/// that word sets compare cheaply. Ids mean something only within one vocabulary.
struct WordVocabulary {
  /// A word of up to 16 bytes packed into two integers, so that looking it up allocates
  /// nothing; longer words are keyed by their bytes.
  private struct ShortWord: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count: UInt8 = 0

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard bytes.count <= 16 else { return nil }
      count = UInt8(bytes.count)
      for (k, b) in bytes.enumerated() {
        if k < 8 { low |= UInt64(b) << (8 * k) } else { high |= UInt64(b) << (8 * (k - 8)) }
      }
    }
  }

  /// Ids of the words seen so far; `skip` for those that are not content words.
  private var short: [ShortWord: Int32] = [:]
  private var long: [[UInt8]: Int32] = [:]
  private var next: Int32 = 0
  private static let skip: Int32 = -1

  init() {}

  /// The content words of `text`.
  mutating func words(_ text: String) -> WordSet {
    var out: [Int32] = []
    FoldedWords.forEach(in: text) { folded in
      let id = self.id(folded)
      if id != Self.skip { out.append(id) }
    }
    return WordSet(out)
  }

  private mutating func id(_ folded: UnsafeBufferPointer<UInt8>) -> Int32 {
    if let key = ShortWord(folded) {
      if let id = short[key] { return id }
      let id = newID(folded)
      short[key] = id
      return id
    }
    let key = Array(folded)
    if let id = long[key] { return id }
    let id = newID(folded)
    long[key] = id
    return id
  }

  private mutating func newID(_ folded: UnsafeBufferPointer<UInt8>) -> Int32 {
    guard Self.isContentWord(folded) else { return Self.skip }
    next += 1
    return next
  }

  /// `Similarity.isContentWord`, without making a string when the word is ASCII (letters
  /// and digits, as the splitter leaves them): then a character is a byte and only the
  /// digits are numbers.
  private static func isContentWord(_ folded: UnsafeBufferPointer<UInt8>) -> Bool {
    guard folded.allSatisfy({ $0 < 0x80 }) else {
      return Similarity.isContentWord(String(decoding: folded, as: UTF8.self))
    }
    guard folded.count >= 3, !folded.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    return !Similarity.stopwords.contains(String(decoding: folded, as: UTF8.self))
  }
}

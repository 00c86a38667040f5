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
  /// A word of up to 16 bytes packed into two integers, zero bytes after its end (a folded
  /// word holds no zero byte), so that looking it up allocates nothing; longer words are
  /// keyed by their bytes.
  struct ShortWord: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard bytes.count <= 16, !bytes.isEmpty else { return nil }
      withUnsafeMutableBytes(of: &self) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
    }
  }

  /// Ids of the words seen so far; `skip` for those that are not content words.
  private var short = ShortWordTable()
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
      short.insert(key, id)
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

/// An open-addressing hash table from short words to ids: the words' own bits mixed by
/// multiplication, where `Dictionary` would run SipHash on every lookup.
struct ShortWordTable {
  private var keys: [WordVocabulary.ShortWord?] = Array(repeating: nil, count: 1024)
  private var values: [Int32] = Array(repeating: 0, count: 1024)
  private var count = 0

  private func slot(_ key: WordVocabulary.ShortWord) -> Int {
    let mixed = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)
    return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) & UInt64(keys.count - 1))
  }

  subscript(key: WordVocabulary.ShortWord) -> Int32? {
    var i = slot(key)
    while let k = keys[i] {
      if k == key { return values[i] }
      i = (i + 1) & (keys.count - 1)
    }
    return nil
  }

  /// Adds a key not yet in the table.
  mutating func insert(_ key: WordVocabulary.ShortWord, _ value: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    var i = slot(key)
    while keys[i] != nil { i = (i + 1) & (keys.count - 1) }
    keys[i] = key
    values[i] = value
    count += 1
  }

  private mutating func grow() {
    let old = zip(keys, values).compactMap { k, v in k.map { ($0, v) } }
    keys = Array(repeating: nil, count: keys.count * 2)
    values = Array(repeating: 0, count: keys.count)
    count = 0
    for (k, v) in old { insert(k, v) }
  }
}

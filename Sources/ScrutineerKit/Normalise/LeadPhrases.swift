/// Lowercase ASCII phrases that a line may open with ("yours sincerely", "our response:"),
/// compiled once and matched on the line's bytes without building a string.
///
/// A text starts with a phrase when its lowercase does, as `quickLowercased` gives it,
/// after its apostrophes are made straight or removed. Most lines are refused at their
/// first letter.
struct LeadPhrases: Sendable {
  /// What a curly or straight apostrophe in the text becomes before comparing.
  enum Apostrophes: Sendable {
    /// A curly apostrophe (’) reads as a straight one (').
    case straight
    /// Every apostrophe, curly or straight, is skipped.
    case removed
  }

  /// The phrases' bytes one after another: phrase k is `bytes[starts[k]..<starts[k + 1]]`.
  private let bytes: [UInt8]
  private let starts: [Int]
  private let apostrophes: Apostrophes
  /// The phrases by their first byte, each list in the phrases' order: those starting with
  /// byte b are `byInitial[initialStarts[b]..<initialStarts[b + 1]]`. (Flat arrays: a
  /// lookup retains nothing.)
  private let byInitial: [Int]
  private let initialStarts: [Int]

  /// - Parameter phrases: lowercase; ASCII only.
  init(_ phrases: [String], apostrophes: Apostrophes = .straight) {
    precondition(
      phrases.allSatisfy { p in !p.isEmpty && p.utf8.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) } }
    )
    let lists = phrases.map { Array($0.utf8) }
    (bytes, starts) = Self.flatten(lists)
    self.apostrophes = apostrophes
    var byByte = [[Int]](repeating: [], count: 128)
    for (k, p) in lists.enumerated() { byByte[Int(p[0])].append(k) }
    (byInitial, initialStarts) = Self.flatten(byByte)
  }

  /// The lists end to end, and where each starts (with the end of the last after them).
  private static func flatten<T>(_ lists: [[T]]) -> ([T], [Int]) {
    var starts = [0]
    for list in lists { starts.append(starts[starts.count - 1] + list.count) }
    return (lists.flatMap { $0 }, starts)
  }

  /// Whether the text starts with one of the phrases.
  func matches(_ text: String) -> Bool { firstMatch(text) != nil }

  /// The position in the list of the first phrase the text starts with.
  func firstMatch(_ text: String) -> Int? {
    // A native string's bytes are read where they lie.
    if let found = text.utf8.withContiguousStorageIfAvailable({ firstMatch(in: $0) }) { return found }
    var text = text
    return text.withUTF8 { firstMatch(in: $0) }
  }

  private func firstMatch(in u: UnsafeBufferPointer<UInt8>) -> Int? {
    // Only the phrases that start with the text's first letter are tried, when that is
    // ASCII, as it is in nearly every line.
    var i = 0
    if apostrophes == .removed { i = skipApostrophes(u, from: 0) }
    guard i < u.count else { return nil }
    let b = u[i]
    if b < 0x80 {
      let initial = Int(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
      for j in initialStarts[initial]..<initialStarts[initial + 1] where startsWith(u, byInitial[j]) {
        return byInitial[j]
      }
      return nil
    }
    for k in 0..<(starts.count - 1) where startsWith(u, k) { return k }
    return nil
  }

  private func skipApostrophes(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var i = start
    while i < u.count {
      if u[i] == 0x27 {
        i += 1
      } else if isCurlyApostrophe(u, i) {
        i += 3
      } else {
        break
      }
    }
    return i
  }

  @inline(__always)
  private func isCurlyApostrophe(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    u[i] == 0xE2 && i + 2 < u.count && u[i + 1] == 0x80 && u[i + 2] == 0x99
  }

  /// Whether the text starts with phrase `phrase`.
  private func startsWith(_ u: UnsafeBufferPointer<UInt8>, _ phrase: Int) -> Bool {
    // Indices into `bytes`, not a slice of it, which would retain the array.
    let end = starts[phrase + 1]
    var i = 0
    var k = starts[phrase]
    while k < end {
      if apostrophes == .removed { i = skipApostrophes(u, from: i) }
      guard i < u.count else { return false }
      let b = u[i]
      if b < 0x80 {
        guard (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == bytes[k] else { return false }
        i += 1
        k += 1
        continue
      }
      if isCurlyApostrophe(u, i) {
        // Only `.straight` reaches here with one.
        guard bytes[k] == 0x27 else { return false }
        i += 3
        k += 1
        continue
      }
      // A scalar beyond ASCII compares as `quickLowercased` lowers it.
      guard let (scalar, n) = ScalarCase.scalar(at: i, in: u), let scalar else { return false }
      var lower: [UInt8] = []
      ScalarCase.appendLowercased(scalar, to: &lower)
      for m in lower {
        guard k < end, m == bytes[k] else { return false }
        k += 1
      }
      i += n
    }
    return true
  }
}

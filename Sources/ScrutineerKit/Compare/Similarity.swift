/// How alike two items' wording is: the overlap coefficient of their content words.
///
/// Content words are the folded words of the text (case, plurals and possessives
/// removed) less a list of function words and of words every letter uses ("children",
/// "ensure", "quality"). The overlap coefficient |A ∩ B| / min(|A|, |B|) suits the pairing
/// of a short recommendation with a long finding better than Jaccard does.
enum Similarity {
  static let stopwords: Set<String> = Set(
    """
    a about above across after again against all almost also although always am among an and any are as at be because
    been before being below between both but by can could did do does doing done during each either enough even every
    for from further had has have having he her here hers him his how however i if in into is it its itself just least
    less made make makes many may more most much must my no nor not now of off often on once one only or other our out
    over own per same she should since so some such than that the their them then there these they this those though
    through to too under until up upon very was we were what when where whether which while who whom why will with
    within without would yet you your been being seen found also still well new now
    child children young people person family families social work worker workers local authority council trust service
    services practice case cases ensure improve improvement improving improved quality effective effectively consistent
    consistently good better best need needs needed support supported supporting level levels range number
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

  /// The content words of a text, folded.
  static func words(_ text: String) -> Set<String> {
    var out = Set<String>()
    for folded in foldedWords(text) {
      let w = String(decoding: folded, as: UTF8.self)
      guard isContentWord(w) else { continue }
      out.insert(w)
    }
    return out
  }

  /// The folded words of a text, content words or not, in order.
  static func foldedWords(_ text: String) -> [[UInt8]] {
    var out: [[UInt8]] = []
    FoldedWords.forEach(in: text) { out.append(Array($0)) }
    return out
  }

  /// Whether a folded word counts: three characters or more, not a stopword, not a number.
  static func isContentWord(_ w: String) -> Bool {
    w.count >= 3 && !stopwords.contains(w) && !w.allSatisfy(\.isNumber)
  }

  /// |A ∩ B| / min(|A|, |B|), and the number of shared words.
  static func overlap(_ a: Set<String>, _ b: Set<String>) -> (score: Double, shared: Int) {
    guard !a.isEmpty, !b.isEmpty else { return (0, 0) }
    let shared = a.intersection(b).count
    return (Double(shared) / Double(min(a.count, b.count)), shared)
  }

  /// |A ∩ B| / min(|A|, |B|), and the number of shared words, for word sets of one
  /// vocabulary: the same figures as for the sets of strings they stand for.
  static func overlap(_ a: WordSet, _ b: WordSet) -> (score: Double, shared: Int) {
    guard !a.isEmpty, !b.isEmpty else { return (0, 0) }
    let shared = a.sharedCount(b)
    return (Double(shared) / Double(min(a.count, b.count)), shared)
  }

  /// Items are linked when they share a theme and at least this overlap and two words.
  static let chainThreshold = 0.2
  /// A later item follows up a recommendation when it shares a theme and this overlap.
  static let followUpThreshold = 0.15
}

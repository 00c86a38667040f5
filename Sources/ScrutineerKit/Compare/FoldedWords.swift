/// The folded words of a text for compare's word sets: `WordTokenizer`'s words with
/// plural and possessive endings removed (`WordTokenizer.folding`), handed over as bytes
/// in a reused buffer rather than as tokens.
enum FoldedWords {
  /// Calls `body` with each folded word of `text`, in order. The buffer is valid only
  /// during the call.
  static func forEach(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var text = text
    text.withUTF8 { bytes in
      withoutActuallyEscaping(body) { body in
        var sink = Sink(body: body)
        WordTokenizer.scan(bytes, ranges: [0..<bytes.count], into: &sink)
      }
    }
  }

  private struct Sink: WordSink {
    let body: (UnsafeBufferPointer<UInt8>) -> Void
    /// For a word that folds to a new ending ("agencies" → "agency").
    var scratch: [UInt8] = []

    mutating func word(
      start: Int, end: Int, lower: UnsafeBufferPointer<UInt8>, sentence: Int, letters _: NoLetters
    ) {
      let (keep, y) = WordTokenizer.folding(lower)
      guard y else { return body(UnsafeBufferPointer(rebasing: lower[0..<keep])) }
      scratch.removeAll(keepingCapacity: true)
      scratch += lower[0..<keep]
      scratch.append(UInt8(ascii: "y"))
      scratch.withUnsafeBufferPointer(body)
    }

    mutating func clauseEnd() {}
  }
}

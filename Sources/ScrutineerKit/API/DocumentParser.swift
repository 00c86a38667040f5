/// Reads text into documents, segments and items.
///
/// The parser is total: it never fails. Text it cannot structure comes out as a
/// document of kind `other` whose `other` segment covers all of it.
public enum DocumentParser {
  /// Parses the text of one input.
  ///
  /// - Parameter text: the decoded text; spans are UTF-8 byte offsets into it.
  /// - Returns: the documents the text holds, in order, covering it without gaps.
  /// - Complexity: O(*n*) in the length of the text.
  public static func parse(_ text: String) -> [Document] { parse(bytes: Array(text.utf8)) }

  /// The same over valid UTF-8 bytes (a string's, say), for callers that keep them.
  static func parse(bytes: [UInt8]) -> [Document] {
    guard !bytes.isEmpty else { return [] }
    let lines = LineSplitter.lines(bytes)
    let whole = lines.map { LineInfo.analyse($0, bytes) }
    let starts = DocumentSplitter.starts(lines: lines, info: whole)
    // One document from the first line, the usual case: its lines and analyses are all of
    // them, passed on without copies.
    if starts.count == 1, starts[0] == 0 {
      return [parseDocument(bytes: bytes, lines: lines, info: whole, span: Span(start: 0, end: bytes.count))]
    }
    var documents: [Document] = []
    for (k, first) in starts.enumerated() {
      let last = k + 1 < starts.count ? starts[k + 1] : lines.count
      let docLines = Array(lines[first..<last])
      let start = k == 0 ? 0 : lines[first].start
      let end = k + 1 < starts.count ? lines[starts[k + 1]].start : bytes.count
      documents.append(
        parseDocument(
          bytes: bytes, lines: docLines, info: Array(whole[first..<last]), span: Span(start: start, end: end))
      )
    }
    return documents
  }

  static func parseDocument(bytes: [UInt8], lines: [Line], info: [LineInfo], span: Span) -> Document {
    let doc = DocumentText(bytes: bytes, lines: lines, info: info)
    let kind = DocumentClassifier.classify(doc)
    let blocks = BlockBuilder(doc: doc).build()
    var segments = Segmenter(doc: doc, kind: kind, blocks: blocks, span: span).segments()
    var number = 0
    for s in segments.indices {
      for i in segments[s].items.indices {
        number += 1
        segments[s].items[i].number = number
      }
    }
    let metadata = MetadataExtractor(doc: doc, kind: kind, blocks: blocks).extract()
    return Document(kind: kind, span: span, metadata: metadata, segments: segments)
  }
}

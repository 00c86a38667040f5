/// The whole pipeline for one input: read, parse, tag.
public struct Analyser: Sendable {
  public var reader: InputReader
  public var tagger: Tagger

  public init(reader: InputReader = InputReader(), rules: RuleSet = .defaults) {
    self.reader = reader
    tagger = Tagger(rules: rules)
  }

  /// Reads, parses and tags the file at `path`.
  /// - Throws: `ScrutineerError` when the file cannot be read as text.
  public func analyse(path: String) throws(ScrutineerError) -> AnalysedFile {
    let source = try reader.read(path: path)
    return analyse(source, path: path)
  }

  /// Parses and tags text already decoded.
  public func analyse(_ source: SourceText, path: String) -> AnalysedFile {
    // One array of the bytes serves the parser and the tagger.
    let bytes = source.utf8
    var documents = DocumentParser.parse(bytes: bytes)
    tagger.tag(&documents, bytes: bytes)
    return AnalysedFile(
      path: path, encoding: source.encoding, byteCount: bytes.count, documents: documents)
  }
}

extension AnalysedFile {
  /// The file with only the items that carry `theme` (if given) in segments of `segment`
  /// (if given); segments left empty are dropped, documents and metadata kept.
  public func filtered(theme: String?, segment: SegmentKind?) -> AnalysedFile {
    guard theme != nil || segment != nil else { return self }
    var copy = self
    for d in copy.documents.indices {
      copy.documents[d].segments = copy.documents[d].segments.compactMap { s in
        if let segment, s.kind != segment { return nil }
        var s = s
        if let theme { s.items = s.items.filter { $0.analysis?.themes.contains { $0.id == theme } ?? false } }
        return s.items.isEmpty ? nil : s
      }
    }
    return copy
  }
}

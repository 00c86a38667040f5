/// The result of reading and parsing one input file.
public struct AnalysedFile: Sendable {
  /// The path as the user gave it.
  public var path: String
  /// The encoding the bytes were decoded from.
  public var encoding: String
  /// The size of the decoded text in UTF-8 bytes.
  public var byteCount: Int
  public var documents: [Document]

  public init(path: String, encoding: String, byteCount: Int, documents: [Document]) {
    self.path = path
    self.encoding = encoding
    self.byteCount = byteCount
    self.documents = documents
  }

  /// Reads, decodes and parses the file at `path`.
  /// - Throws: `ScrutineerError` when the file cannot be read as text.
  public static func analyse(path: String, reader: InputReader = InputReader()) throws(ScrutineerError)
    -> AnalysedFile
  {
    let source = try reader.read(path: path)
    return AnalysedFile(
      path: path, encoding: source.encoding, byteCount: source.utf8.count,
      documents: DocumentParser.parse(bytes: source.utf8))
  }
}

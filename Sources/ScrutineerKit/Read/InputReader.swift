import Foundation

/// Reads a file into text, refusing what is not text with a clear error.
public struct InputReader: Sendable {
  /// Files larger than this are refused rather than read.
  public var maxBytes: Int

  public init(maxBytes: Int = 64 << 20) {
    self.maxBytes = maxBytes
  }

  /// How long an external program (pdftotext, unzip) may run on one file.
  public var programTimeout: TimeInterval = 60

  /// Reads the file at `path` and returns its text: plain text in any of the supported
  /// encodings, a web page's article text, a PDF's text through `pdftotext`, a Word
  /// document's text through `unzip`. The format is told by content.
  /// - Throws: `ScrutineerError` naming the problem.
  public func read(path: String) throws(ScrutineerError) -> SourceText {
    try decode(readBytes(path: path), path: path, file: path)
  }

  /// Reads the bytes of the file at `path` without decoding them, refusing a missing
  /// path, a directory, an unreadable file and one larger than `maxBytes`.
  /// - Throws: `ScrutineerError` naming the problem.
  public func readBytes(path: String) throws(ScrutineerError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path: path)
    }
    if isDirectory.boolValue { throw .isDirectory(path: path) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: maxBytes + 1) ?? Data()
    } catch {
      throw .unreadable(path: path, reason: "read failed")
    }
    if data.count > maxBytes {
      // `stat` follows a symbolic link to the file's own size.
      var info = stat()
      let size = stat(path, &info) == 0 ? Int(info.st_size) : data.count
      throw .tooLarge(path: path, bytes: size, limit: maxBytes)
    }
    return [UInt8](data)
  }

  /// Decodes bytes already in memory; `path` names them in errors. PDFs and Word
  /// documents are written to a temporary file for the external programs.
  public func decode(_ bytes: [UInt8], path: String) throws(ScrutineerError) -> SourceText {
    try decode(bytes, path: path, file: nil)
  }

  func decode(_ bytes: [UInt8], path: String, file: String?) throws(ScrutineerError) -> SourceText {
    if bytes.count > maxBytes { throw .tooLarge(path: path, bytes: bytes.count, limit: maxBytes) }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C || $0 == 0 }) {
      throw bytes.contains(0) ? .binary(path: path) : .empty(path: path)
    }
    switch InputFormat.detect(bytes[...], path: path) {
    case .pdf:
      let text = try withFile(bytes, file, suffix: ".pdf", path: path) { (f) throws(ScrutineerError) in
        try PDFText.extract(path: f, timeout: programTimeout, maxBytes: maxBytes)
      }
      return SourceText(text: text, encoding: "PDF (pdftotext)")
    case .docx:
      let text: String
      do {
        text = try withFile(bytes, file, suffix: ".docx", path: path) { (f) throws(ScrutineerError) in
          try DocxText.extract(path: f, timeout: programTimeout, maxBytes: maxBytes)
        }
      } catch {
        // A zip archive that is not a Word document is, for us, binary data.
        if case .unreadable = error, !path.lowercased().hasSuffix(".docx") { throw .binary(path: path) }
        throw error
      }
      guard !text.allSatisfy(\.isWhitespace) else { throw .empty(path: path) }
      return SourceText(text: text, encoding: "Word document (UTF-8 XML)")
    case .html:
      let page = try decodeText(bytes, path: path)
      let text = HTMLText.text(page.text)
      guard !text.allSatisfy(\.isWhitespace) else { throw .empty(path: path) }
      return SourceText(text: text, encoding: page.encoding + ", HTML")
    case .text:
      return try decodeText(bytes, path: path)
    }
  }

  private func decodeText(_ bytes: [UInt8], path: String) throws(ScrutineerError) -> SourceText {
    let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    // A NUL byte, found by the C library's vectorised search.
    if !utf16,
      bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false })
    {
      throw .binary(path: path)
    }
    guard let (text, encoding) = TextDecoding.decode(bytes[...]) else {
      let bad = UTF8Validation.firstInvalidOffset(bytes[...]) ?? 0
      throw .invalidUTF8(path: path, offset: bad)
    }
    var utf8 = text
    if utf8.withUTF8({ UTF8Validation.looksBinary($0) }) { throw .binary(path: path) }
    if text.unicodeScalars.allSatisfy({
      $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{0C}" || $0 == "\u{FEFF}"
    }) {
      throw .empty(path: path)
    }
    // A byte-order mark is not part of the text.
    let clean = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    return SourceText(text: clean, encoding: encoding)
  }

  /// Runs `body` on the file itself, or on a temporary copy of bytes read from a stream.
  private func withFile(
    _ bytes: [UInt8], _ file: String?, suffix: String, path: String,
    _ body: (String) throws(ScrutineerError) -> String
  ) throws(ScrutineerError) -> String {
    if let file { return try body(file) }
    let temp = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scrutineer-\(UUID().uuidString)\(suffix)")
    do { try Data(bytes).write(to: temp) } catch {
      throw .unreadable(path: path, reason: "cannot write a temporary copy")
    }
    defer { try? FileManager.default.removeItem(at: temp) }
    return try body(temp.path)
  }
}

/// Decoded text and how it was decoded.
public struct SourceText: Sendable {
  public var text: String
  /// How the bytes were read: "UTF-8", "UTF-16LE", "Windows-1252", "PDF (pdftotext)", …
  public var encoding: String
}

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
    // Opened, measured and read straight into the array: one copy of the bytes.
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      let error = errno
      var info = stat()
      // (A directory opens for reading on Linux; this is for systems where it does not.)
      if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path: path) }
      if error == ENOENT || error == ENOTDIR || error == ELOOP { throw .notFound(path: path) }
      let denied = error == EACCES || error == EPERM
      throw .unreadable(
        path: path, reason: denied ? "permission denied" : String(cString: strerror(error)).lowercased())
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: "read failed") }
    if info.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path: path) }
    // A regular file says its size, and is read in one go; the rest (of a pipe or a
    // device, or of a file that grew meanwhile) is read until it ends or passes the limit.
    let regular = info.st_mode & S_IFMT == S_IFREG
    let size = regular ? Int(info.st_size) : 0
    if size > maxBytes { throw .tooLarge(path: path, bytes: size, limit: maxBytes) }
    var failed = false
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { b, count in
      let n = Self.readFully(fd, into: b)
      failed = n == nil
      count = n ?? 0
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 14) { chunk in
      while !failed, bytes.count <= maxBytes {
        guard let n = Self.readFully(fd, into: chunk) else {
          failed = true
          break
        }
        if n == 0 { break }
        bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: chunk[..<n]))
      }
    }
    if failed { throw .unreadable(path: path, reason: "read failed") }
    if bytes.count > maxBytes { throw .tooLarge(path: path, bytes: bytes.count, limit: maxBytes) }
    return bytes
  }

  /// Reads from `fd` until `buffer` is full or the input ends: how many bytes it read, or
  /// `nil` on an error.
  private static func readFully(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
    guard let base = buffer.baseAddress else { return 0 }
    var count = 0
    while count < buffer.count {
      let n = systemRead(fd, base + count, buffer.count - count)
      if n > 0 {
        count += n
      } else if n == 0 {
        break
      } else if errno != EINTR {
        return nil
      }
    }
    return count
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
    guard var (utf8, encoding) = TextDecoding.decode(bytes) else {
      let bad = UTF8Validation.firstInvalidOffset(bytes[...]) ?? 0
      throw .invalidUTF8(path: path, offset: bad)
    }
    if utf8.withUnsafeBufferPointer({ UTF8Validation.looksBinary($0) }) { throw .binary(path: path) }
    // Nothing but white space and byte-order marks (U+FEFF) is empty.
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    var i = 0
    while i < utf8.count {
      let b = utf8[i]
      if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C {
        i += 1
      } else if utf8[i...].starts(with: bom) {
        i += 3
      } else {
        break
      }
    }
    if i == utf8.count { throw .empty(path: path) }
    // A byte-order mark is not part of the text.
    if utf8.starts(with: bom) { utf8.removeFirst(3) }
    return SourceText(validUTF8: utf8, encoding: encoding)
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

/// The C library's `read`, by a name apart from `InputReader.read(path:)`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}

/// Decoded text and how it was decoded.
public struct SourceText: Sendable {
  /// The text's UTF-8 bytes, which the parser reads: for a UTF-8 file, the file's own
  /// bytes (after any byte-order mark), checked once and never copied into a string.
  var utf8: [UInt8]
  /// How the bytes were read: "UTF-8", "UTF-16LE", "Windows-1252", "PDF (pdftotext)", …
  public var encoding: String

  /// The text, made from the bytes when asked for.
  public var text: String {
    get { utf8.withUnsafeBufferPointer { ValidUTF8.string($0) } }
    set { utf8 = Array(newValue.utf8) }
  }

  init(text: String, encoding: String) {
    utf8 = Array(text.utf8)
    self.encoding = encoding
  }

  /// Bytes already checked to be valid UTF-8.
  init(validUTF8 bytes: [UInt8], encoding: String) {
    utf8 = bytes
    self.encoding = encoding
  }
}

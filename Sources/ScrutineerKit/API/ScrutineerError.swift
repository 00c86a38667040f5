/// Everything that can stop Scrutineer reading an input.
///
/// Each description is one line that names the problem; the caller adds the file.
public enum ScrutineerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The path does not exist.
  case notFound(path: String)
  /// The path is a directory where a file was expected.
  case isDirectory(path: String)
  /// The file exists but cannot be read (permissions, I/O).
  case unreadable(path: String, reason: String)
  /// The file holds no text at all.
  case empty(path: String)
  /// The file holds NUL bytes or other binary content.
  case binary(path: String)
  /// The bytes are not valid UTF-8; `offset` is the first bad byte.
  case invalidUTF8(path: String, offset: Int)
  /// The file is larger than the configured limit.
  case tooLarge(path: String, bytes: Int, limit: Int)
  /// Reading the file needs a program that is not installed.
  case needsProgram(path: String, program: String, install: String)
  /// A PDF with no text layer: a scan that needs optical character recognition.
  case needsOCR(path: String)
  /// A kind of file Scrutineer does not read.
  case unsupported(path: String, what: String)

  /// The path the error is about.
  public var path: String {
    switch self {
    case .notFound(let p), .isDirectory(let p), .unreadable(let p, _), .empty(let p), .binary(let p),
      .invalidUTF8(let p, _), .tooLarge(let p, _, _), .needsProgram(let p, _, _), .needsOCR(let p),
      .unsupported(let p, _):
      p
    }
  }

  /// The problem, without the path: lowercase, no trailing period.
  public var reason: String {
    switch self {
    case .notFound: "no such file"
    case .isDirectory: "is a directory, not a file"
    case .unreadable(_, let why): "cannot be read (\(why))"
    case .empty: "is empty"
    case .binary: "is not text (it holds NUL bytes or other binary data)"
    case .invalidUTF8(_, let offset): "is not valid UTF-8 (first bad byte at offset \(offset))"
    case .tooLarge(_, let bytes, let limit):
      "is too large (\(bytes) bytes; the limit is \(limit) bytes, raise it with --max-bytes)"
    case .needsProgram(_, let program, let install):
      "needs \(program), which is not installed (Debian: \(install))"
    case .needsOCR: "is a PDF with no text layer (a scan): it needs OCR first"
    case .unsupported(_, let what): "is \(what), which Scrutineer does not read"
    }
  }

  /// `path: reason`, one line.
  public var description: String { "\(path): \(reason)" }
}

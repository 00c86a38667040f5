import Foundation

/// Reads a file into text, refusing what is not text with a clear error.
public struct InputReader: Sendable {
  /// Files larger than this are refused rather than read.
  public var maxBytes: Int

  public init(maxBytes: Int = 64 << 20) {
    self.maxBytes = maxBytes
  }

  /// Reads and decodes the file at `path`.
  /// - Throws: `ScrutineerError` naming the problem.
  public func read(path: String) throws(ScrutineerError) -> SourceText {
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
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? data.count
      throw .tooLarge(path: path, bytes: size ?? data.count, limit: maxBytes)
    }
    return try decode([UInt8](data), path: path)
  }

  /// Decodes bytes already in memory; `path` names them in errors.
  public func decode(_ bytes: [UInt8], path: String) throws(ScrutineerError) -> SourceText {
    if bytes.count > maxBytes { throw .tooLarge(path: path, bytes: bytes.count, limit: maxBytes) }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C }) {
      throw .empty(path: path)
    }
    if body.contains(0) { throw .binary(path: path) }
    if let bad = UTF8Validation.firstInvalidOffset(body) {
      throw .invalidUTF8(path: path, offset: bad + (bytes.count - body.count))
    }
    let text = String(decoding: body, as: UTF8.self)
    if UTF8Validation.looksBinary(body) { throw .binary(path: path) }
    return SourceText(text: text, encoding: "UTF-8")
  }
}

/// Decoded text and how it was decoded.
public struct SourceText: Sendable {
  public var text: String
  /// The encoding the bytes were read in ("UTF-8").
  public var encoding: String
}

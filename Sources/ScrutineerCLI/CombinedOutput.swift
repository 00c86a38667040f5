import Foundation

/// `documents.jsonl` and `items.csv`: written from pieces, some rendered in this run and
/// some copied from the file the previous run wrote, and not written at all when the
/// pieces add up to that file byte for byte.
enum CombinedOutput {
  /// The previous run's file, open for reading; only when it still has the stamp the
  /// manifest recorded, so that the manifest's byte ranges point at what they did.
  final class Previous {
    let fd: Int32
    let size: Int

    init?(path: String, expected: FileStamp?) {
      guard let expected else { return nil }
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      guard let stamp = FileStamp.of(descriptor: fd), stamp == expected else {
        close(fd)
        return nil
      }
      self.fd = fd
      size = stamp.size
    }

    deinit { close(fd) }

    /// Calls `body` with the bytes of `range`, a megabyte at a time.
    func read(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws(AtomicFile.Failure) -> Void)
      throws(AtomicFile.Failure)
    {
      try FileRange.read(fd, range, what: "the previous outputs", body)
    }

    /// Whether the bytes at `range` are `expected`.
    func holds(_ expected: [UInt8], at range: Range<Int>) -> Bool {
      guard range.count == expected.count else { return false }
      return expected.withUnsafeBufferPointer { expected in
        var at = 0
        do {
          try read(range) { (bytes) throws(AtomicFile.Failure) in
            guard at + bytes.count <= expected.count,
              memcmp(bytes.baseAddress!, expected.baseAddress! + at, bytes.count) == 0
            else {
              throw AtomicFile.Failure(reason: "")
            }
            at += bytes.count
          }
        } catch {
          return false
        }
        return at == expected.count
      }
    }
  }

  /// Writes `pieces` one after another to `path`, atomically, unless they give the bytes
  /// `previous` already holds.
  /// - Returns: each piece's byte range in the file.
  static func write(_ path: String, _ pieces: [OutputPiece], previous: Previous?) throws(AtomicFile.Failure)
    -> [Range<Int>]
  {
    var ranges: [Range<Int>] = []
    var offset = 0
    for piece in pieces {
      let count: Int
      switch piece {
      case .rendered(let bytes): count = bytes.count
      case .spooled(_, let range), .previous(let range): count = range.count
      }
      ranges.append(offset..<offset + count)
      offset += count
    }
    if let previous, previous.size == offset,
      zip(pieces, ranges).allSatisfy({ piece, range in
        switch piece {
        case .rendered(let bytes): previous.holds(bytes, at: range)
        case .spooled(let spool, let from):
          (try? spool.bytes(from)).map { previous.holds($0, at: range) } ?? false
        case .previous(let from): from == range
        }
      })
    {
      return ranges
    }
    var file = try AtomicFile.Writer(path: path)
    do throws(AtomicFile.Failure) {
      for piece in pieces {
        switch piece {
        case .rendered(let bytes): try file.append(bytes)
        case .spooled(let spool, let range):
          try spool.read(range) { (bytes) throws(AtomicFile.Failure) in try file.append(bytes: bytes) }
        case .previous(let range):
          guard let previous else {
            throw AtomicFile.Failure(reason: "cannot write \(path) (no previous file)")
          }
          try previous.read(range) { (bytes) throws(AtomicFile.Failure) in try file.append(bytes: bytes) }
        }
      }
      try file.commit()
    } catch {
      file.abandon()
      throw error
    }
    return ranges
  }
}

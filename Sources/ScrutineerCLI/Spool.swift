import Foundation

/// A scratch file that holds this run's rendered pieces of `documents.jsonl` or
/// `items.csv` until they are written out in path order, so that a batch keeps byte
/// ranges in memory rather than the text of every file: memory is bounded by the largest
/// file, not by the corpus.
///
/// The file is unlinked as soon as it is opened, so nothing is left behind when the
/// process ends, however it ends. Workers append from any thread.
final class Spool: @unchecked Sendable {
  private let lock = NSLock()
  private let fd: Int32
  private var size = 0

  /// Opens a scratch file in `folder` (the output folder, so that it is on the same disk
  /// as the outputs); nil when it cannot, and the pieces then stay in memory.
  init?(folder: String, name: String) {
    let path = folder + "/." + name + AtomicFile.marker + "spool-\(getpid())"
    fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return nil }
    unlink(path)
  }

  deinit { close(fd) }

  /// Appends the bytes and returns where they went, or nil when they could not be written.
  func append(_ bytes: [UInt8]) -> Range<Int>? {
    bytes.withUnsafeBufferPointer { bytes -> Range<Int>? in
      lock.lock()
      let start = size
      size += bytes.count
      lock.unlock()
      var done = 0
      while done < bytes.count {
        let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(start + done))
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { return nil }
        done += n
      }
      return start..<start + bytes.count
    }
  }

  /// Calls `body` with the bytes of `range`, a megabyte at a time.
  func read(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws(AtomicFile.Failure) -> Void)
    throws(AtomicFile.Failure)
  {
    try FileRange.read(fd, range, what: "the batch's scratch file", body)
  }

  /// The bytes at `range`.
  func bytes(_ range: Range<Int>) throws(AtomicFile.Failure) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count)
    try read(range) { (b) throws(AtomicFile.Failure) in bytes += b }
    return bytes
  }
}

/// Reading a byte range of an open file in pieces.
enum FileRange {
  /// Calls `body` with the bytes of `range` of the file, a megabyte at a time.
  /// - Parameter what: the file in words, for the error line.
  static func read(
    _ fd: Int32, _ range: Range<Int>, what: String,
    _ body: (UnsafeRawBufferPointer) throws(AtomicFile.Failure) -> Void
  ) throws(AtomicFile.Failure) {
    var buffer = [UInt8](repeating: 0, count: min(1 << 20, range.count))
    var offset = range.lowerBound
    while offset < range.upperBound {
      let want = min(buffer.count, range.upperBound - offset)
      let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(offset)) }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { throw AtomicFile.Failure(reason: "cannot read \(what) (\(AtomicFile.lastError()))") }
      let failure = buffer.withUnsafeBytes { b -> AtomicFile.Failure? in
        do throws(AtomicFile.Failure) {
          try body(UnsafeRawBufferPointer(rebasing: b[0..<n]))
          return nil
        } catch {
          return error
        }
      }
      if let failure { throw failure }
      offset += n
    }
  }
}

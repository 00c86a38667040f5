import Foundation

/// Writes files so that a reader (or a run after a crash) sees each one either complete
/// or not at all: the bytes go to a temporary file in the same folder, which is then
/// renamed over the target. A kill leaves at most a stray temporary file, which a later
/// batch removes (`isTemporary`).
///
/// The data is not synced to the disk: an interrupted process is covered, a power cut is
/// not.
enum AtomicFile {
  /// What every temporary file's name contains.
  static let marker = ".scrutineer-tmp-"

  /// Whether `name` is one of our temporary files.
  static func isTemporary(_ name: String) -> Bool { name.hasPrefix(".") && name.contains(marker) }

  /// A write that failed, in words for an error line.
  struct Failure: Error {
    var reason: String
  }

  /// Writes `text` as UTF-8 to `path`, creating missing parent folders.
  static func write(_ text: String, to path: String) throws(Failure) {
    try write(bytes: Array(text.utf8), to: path)
  }

  /// Writes `bytes` to `path`, creating missing parent folders.
  static func write(bytes: [UInt8], to path: String) throws(Failure) {
    var file = try Writer(path: path)
    do throws(Failure) {
      try file.append(bytes)
      try file.commit()
    } catch {
      file.abandon()
      throw error
    }
  }

  /// A file written in pieces: each `append` goes to the temporary file, and `commit`
  /// renames it into place. Until then the target is untouched.
  struct Writer {
    let path: String
    private let temporary: String
    private var fd: Int32

    /// Creates the temporary file (and missing parent folders).
    init(path: String) throws(Failure) {
      let folder = (path as NSString).deletingLastPathComponent
      let name = (path as NSString).lastPathComponent
      try makeFolder(folder)
      self.path = path
      temporary = folder + "/." + name + marker + "\(getpid())-\(counter.next())"
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw Failure(reason: "cannot write \(path) (\(lastError()))") }
    }

    /// Appends bytes.
    func append(_ bytes: [UInt8]) throws(Failure) {
      let failure = bytes.withUnsafeBytes { bytes -> Failure? in
        do throws(Failure) {
          try append(bytes: bytes)
          return nil
        } catch {
          return error
        }
      }
      if let failure { throw failure }
    }

    func append(bytes: UnsafeRawBufferPointer) throws(Failure) {
      var offset = 0
      while offset < bytes.count {
        let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          throw Failure(reason: "cannot write \(path) (\(lastError()))")
        }
        offset += n
      }
    }

    /// Closes the temporary file and renames it over the target.
    mutating func commit() throws(Failure) {
      let closed = close(fd)
      fd = -1
      guard closed == 0, rename(temporary, path) == 0 else {
        let why = lastError()
        unlink(temporary)
        throw Failure(reason: "cannot write \(path) (\(why))")
      }
    }

    /// Gives up: removes the temporary file, leaving the target as it was.
    mutating func abandon() {
      if fd >= 0 { close(fd) }
      fd = -1
      unlink(temporary)
    }
  }

  private static let counter = Counter()

  /// Creates `folder` and its parents; one that already exists is fine.
  static func makeFolder(_ folder: String) throws(Failure) {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue { return }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      // Another worker may have made it meanwhile.
      if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue { return }
      throw Failure(reason: "cannot create the folder \(folder)")
    }
  }

  static func lastError() -> String { String(cString: strerror(errno)).lowercased() }

  /// Unique numbers for temporary names within this process.
  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }
}

/// An exclusive lock on an output folder, held while a batch writes there, so two batches
/// cannot interleave their outputs. The kernel releases it when the process ends, however
/// it ends.
struct OutputLock {
  private let fd: Int32

  /// Takes the lock, or returns `nil` when another process holds it.
  /// - Throws: when the lock file cannot be created.
  init?(folder: String) throws(AtomicFile.Failure) {
    let path = folder + "/.scrutineer-lock"
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw AtomicFile.Failure(reason: "cannot write \(path) (\(AtomicFile.lastError()))")
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      return nil
    }
    self.fd = fd
  }

  func release() { close(fd) }
}

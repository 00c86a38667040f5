import Foundation

/// Runs a program that users already have (pdftotext, unzip), with a time limit and a
/// cap on what it may print, and says clearly when it is missing.
struct ExternalProgram {
  enum Failure: Error, Equatable {
    case missing(String)
    case timedOut(seconds: Int)
    case outputTooLarge(limit: Int)
    case failed(status: Int32, message: String)
  }

  var name: String
  var timeout: TimeInterval = 60
  var maxOutput = 256 << 20

  /// The program's path on `PATH`, if it is installed.
  static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  func run(_ arguments: [String]) throws(Failure) -> Data {
    guard let executable = Self.find(name) else { throw .missing(name) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    do { try p.run() } catch { throw .missing(name) }
    let state = RunState()
    let deadline = DispatchWorkItem {
      state.set(timedOut: true)
      p.terminate()
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
    // Collect standard error in the background so a chatty program cannot block.
    let errData = LockedData()
    let errDone = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errData.set(err.fileHandleForReading.readDataToEndOfFile())
      errDone.signal()
    }
    var data = Data()
    var tooLarge = false
    while true {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      data.append(chunk)
      if data.count > maxOutput {
        tooLarge = true
        p.terminate()
        break
      }
    }
    p.waitUntilExit()
    deadline.cancel()
    errDone.wait()
    if state.timedOut { throw .timedOut(seconds: Int(timeout)) }
    if tooLarge { throw .outputTooLarge(limit: maxOutput) }
    guard p.terminationStatus == 0 else {
      let message =
        String(decoding: errData.get(), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
      throw .failed(status: p.terminationStatus, message: message)
    }
    return data
  }

  private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var _timedOut = false
    var timedOut: Bool { lock.withLock { _timedOut } }
    func set(timedOut: Bool) { lock.withLock { _timedOut = timedOut } }
  }

  private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data { lock.withLock { data } }
  }
}

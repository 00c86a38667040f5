import Foundation
import ScrutineerKit

/// `--rules FILE` (repeatable) and `--no-default-rules`, shared by the commands.
enum RuleOptions {
  static let valued: Set<String> = ["rules"]
  static let flags: Set<String> = ["no-default-rules"]

  static let help = """
      --rules <file>          Add the rules in this file (repeatable).
      --no-default-rules      Use only the rules given with --rules.
    """

  /// The rule set the options ask for; a broken file gives its error line.
  static func load(_ args: Arguments) -> Result<RuleSet, RuleLoadError> {
    var set = args.has("no-default-rules") ? RuleSet() : RuleSet.defaults
    if args.has("no-default-rules") && args.values("rules").isEmpty {
      return .failure(
        RuleLoadError(message: "'--no-default-rules' needs at least one '--rules FILE'", usage: true))
    }
    for path in args.values("rules") {
      guard let data = FileManager.default.contents(atPath: path) else {
        let exists = FileManager.default.fileExists(atPath: path)
        return .failure(
          RuleLoadError(message: "\(path): " + (exists ? "cannot be read" : "no such file"), usage: false))
      }
      guard let text = String(data: data, encoding: .utf8) else {
        return .failure(RuleLoadError(message: "\(path): is not valid UTF-8", usage: false))
      }
      do {
        try set.add(text, file: path)
      } catch {
        return .failure(RuleLoadError(message: error.description, usage: false))
      }
    }
    return .success(set)
  }
}

extension RuleOptions {
  /// The rule set, or the exit code after the problem has been reported in the house
  /// style: a command-line problem as a usage error (64), a broken file as a failure (1).
  static func loadOrReport(_ args: Arguments, usage: String, sub: String, _ console: Console) -> Result<
    RuleSet, ExitStatus
  > {
    switch load(args) {
    case .success(let r): return .success(r)
    case .failure(let e):
      if e.usage {
        return .failure(ExitStatus(code: CLI.usageError(e.message, usage: usage, sub: sub, console)))
      }
      console.err("Error: \(e.message)\n")
      return .failure(ExitStatus(code: CLI.ExitCode.failure))
    }
  }
}

/// An exit code carried as an error.
struct ExitStatus: Error {
  var code: Int32
}

struct RuleLoadError: Error {
  var message: String
  /// Whether the problem is in the command line (exit 64) rather than a file (exit 1).
  var usage: Bool
}

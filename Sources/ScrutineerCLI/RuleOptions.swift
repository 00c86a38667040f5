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
      return .failure(RuleLoadError(message: "'--no-default-rules' needs at least one '--rules FILE'", usage: true))
    }
    for path in args.values("rules") {
      guard let data = FileManager.default.contents(atPath: path) else {
        let exists = FileManager.default.fileExists(atPath: path)
        return .failure(RuleLoadError(message: "\(path): " + (exists ? "cannot be read" : "no such file"), usage: false))
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

struct RuleLoadError: Error {
  var message: String
  /// Whether the problem is in the command line (exit 64) rather than a file (exit 1).
  var usage: Bool
}

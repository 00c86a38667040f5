import Foundation
import ScrutineerKit

/// `scrutineer rules list|check|show`: the themes, validating rule files, the defaults.
enum RulesCommand {
  static let usage = "scrutineer rules <list|check|show> [<file> ...] [--rules <file>] [--no-default-rules]"

  static let help = """
    OVERVIEW: List the themes, check rule files, or print the default rules.

    USAGE: \(usage)

    SUBCOMMANDS:
      list                    The themes the rules provide: id, label, description, rule count.
      check <file> ...        Check rule files; each problem is named by file, line and column.
      show                    Print the default rules, to copy and edit.

    OPTIONS:
    \(RuleOptions.help)
      -h, --help              Show help information.

    """

  static func run(_ raw: [String], console: Console) -> Int32 {
    Invocation.run { () throws(ExitStatus) -> Int32 in
      guard
        let call = try Invocation(
          raw, valued: [], rules: true, usage: usage, sub: "rules", help: help, console: console)
      else { return CLI.ExitCode.success }
      return try run(call)
    }
  }

  private static func run(_ call: Invocation) throws(ExitStatus) -> Int32 {
    let args = call.args
    let console = call.console
    guard let sub = args.positionals.first else {
      throw call.usageError("Missing subcommand (list, check or show)")
    }
    switch sub {
    case "show":
      console.out(RuleSet.defaultRulesText)
      return CLI.ExitCode.success
    case "list":
      let rules = try call.rules()
      var out = ""
      let width = max(12, rules.themes.map(\.id.count).max() ?? 12)
      for t in rules.themes {
        let n = rules.ruleCount(theme: t.id)
        out +=
          t.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
          + "\(t.label) (\(n) rule\(n == 1 ? "" : "s"))\n"
        if !t.description.isEmpty { out += String(repeating: " ", count: width + 2) + t.description + "\n" }
      }
      console.out(out)
      return CLI.ExitCode.success
    case "check":
      let files = Array(args.positionals.dropFirst())
      guard !files.isEmpty else {
        throw call.usageError("Missing expected argument '<file>'")
      }
      var failed = 0
      for path in files {
        guard let data = FileManager.default.contents(atPath: path),
          let text = String(data: data, encoding: .utf8)
        else {
          console.err(
            "Error: \(path): "
              + (FileManager.default.fileExists(atPath: path)
                ? "cannot be read as UTF-8 text" : "no such file") + "\n")
          failed += 1
          continue
        }
        do {
          let set = try RuleSet.parse(text, file: path)
          console.out("\(path): ok (\(set.themes.count) themes, \(set.ruleCount) rules)\n")
        } catch {
          console.err("\(error.description)\n")
          failed += 1
        }
      }
      return failed > 0 ? CLI.ExitCode.failure : CLI.ExitCode.success
    default:
      throw call.usageError("Unknown subcommand 'rules \(sub)' (expected list, check or show)")
    }
  }
}

/// `scrutineer explain "text"`: which rules fire on a piece of text, and why.
enum ExplainCommand {
  static let usage = "scrutineer explain <text> ... [--segment <kind>] [--rules <file>] [--no-default-rules]"

  static let help = """
    OVERVIEW: Show which rules fire on a piece of text, what they match, and the verdict.

    USAGE: \(usage)

    ARGUMENTS:
      <text>                  The text to explain, as one item ('-' reads standard input).

    OPTIONS:
      --segment <kind>        Treat the text as an item of this segment kind. (default: findings)
    \(RuleOptions.help)
      -h, --help              Show help information.

    """

  static func run(_ raw: [String], console: Console) -> Int32 {
    Invocation.run { () throws(ExitStatus) -> Int32 in
      guard
        let call = try Invocation(
          raw, valued: ["segment"], rules: true, usage: usage, sub: "explain", help: help, console: console)
      else { return CLI.ExitCode.success }
      return try explain(call)
    }
  }

  private static func explain(_ call: Invocation) throws(ExitStatus) -> Int32 {
    let args = call.args
    let console = call.console
    _ = try call.positionals(named: "text")
    let segment = try call.segment() ?? .findings
    let rules = try call.rules()
    let text =
      args.positionals == ["-"]
      ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
      : args.positionals.joined(separator: " ")
    let a = Tagger(rules: rules).analyse(text: text, segment: segment)
    var out = "Themes: " + (a.themes.isEmpty ? "none" : a.themes.map(\.id).joined(separator: ", ")) + "\n"
    out += "Polarity: \(a.polarity.rawValue)\n"
    out += "Quantifier: \(a.quantifier?.rawValue ?? "none")\n"
    out += "Rules that fired:\n"
    out += a.fired.isEmpty && a.excluded.isEmpty ? "  none\n" : TextRenderer.explanation(a, indent: 2)
    console.out(out)
    return CLI.ExitCode.success
  }
}

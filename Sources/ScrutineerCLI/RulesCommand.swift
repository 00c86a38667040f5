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
    let args: Arguments
    do {
      args = try Arguments(raw, valued: RuleOptions.valued, flags: Set(["help"]).union(RuleOptions.flags))
    } catch {
      return CLI.usageError(error.message, usage: usage, sub: "rules", console)
    }
    if args.has("help") {
      console.out(help)
      return CLI.ExitCode.success
    }
    guard let sub = args.positionals.first else {
      return CLI.usageError("Missing subcommand (list, check or show)", usage: usage, sub: "rules", console)
    }
    switch sub {
    case "show":
      console.out(RuleSet.defaultRulesText)
      return CLI.ExitCode.success
    case "list":
      let rules: RuleSet
      switch RuleOptions.load(args) {
      case .success(let r): rules = r
      case .failure(let e):
        if e.usage { return CLI.usageError(e.message, usage: usage, sub: "rules", console) }
        console.err("Error: \(e.message)\n")
        return CLI.ExitCode.failure
      }
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
        return CLI.usageError("Missing expected argument '<file>'", usage: usage, sub: "rules", console)
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
      return CLI.usageError(
        "Unknown subcommand 'rules \(sub)' (expected list, check or show)", usage: usage, sub: "rules",
        console)
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
    let args: Arguments
    do {
      args = try Arguments(
        raw, valued: Set(["segment"]).union(RuleOptions.valued), flags: Set(["help"]).union(RuleOptions.flags)
      )
    } catch {
      return CLI.usageError(error.message, usage: usage, sub: "explain", console)
    }
    if args.has("help") {
      console.out(help)
      return CLI.ExitCode.success
    }
    guard !args.positionals.isEmpty else {
      return CLI.usageError("Missing expected argument '<text>'", usage: usage, sub: "explain", console)
    }
    var segment = SegmentKind.findings
    if let s = args.value("segment") {
      guard let k = SegmentKind(rawValue: s) else {
        return CLI.usageError("Unknown segment kind '\(s)'", usage: usage, sub: "explain", console)
      }
      segment = k
    }
    let rules: RuleSet
    switch RuleOptions.loadOrReport(args, usage: usage, sub: "explain", console) {
    case .success(let r): rules = r
    case .failure(let status): return status.code
    }
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

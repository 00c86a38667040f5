import ScrutineerKit

/// The `scrutineer` command: dispatches to subcommands and turns errors into exit codes.
public enum CLI {
  public static let version = "0.1.0"

  /// Exit codes.
  public enum ExitCode {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let usage: Int32 = 64
  }

  static let overview = """
    OVERVIEW: Read Ofsted letters and council papers about children's services into evidence.

    USAGE: scrutineer <subcommand> [options] <arguments>

    OPTIONS:
      --version               Show the version.
      -h, --help              Show help information.

    SUBCOMMANDS:
      analyse                 Show the documents, metadata, segments and tagged items of files.
      batch                   Analyse every text file in folders into JSON, JSON Lines and CSV.
      compare                 Compare each authority's documents across years.
      diff                    What changed between two documents.
      explain                 Show which rules fire on a piece of text, and why.
      report                  Write an HTML report or a Markdown brief for councillors.
      rules                   List the themes, check rule files, print the default rules.
      timeline                Everything said about one theme, in date order.

      See 'scrutineer help <subcommand>' for detailed help.

    """

  /// Runs the command line `arguments` (without the program name).
  public static func run(arguments: [String], console: Console = .standard) -> Int32 {
    guard let first = arguments.first else {
      console.out(overview)
      return ExitCode.success
    }
    let rest = Array(arguments.dropFirst())
    switch first {
    case "--version":
      console.out("\(version)\n")
      return ExitCode.success
    case "-h", "--help":
      console.out(overview)
      return ExitCode.success
    case "help":
      guard let sub = rest.first else {
        console.out(overview)
        return ExitCode.success
      }
      guard let help = help(for: sub) else {
        return usageError(
          "Unknown subcommand '\(sub)'", usage: "scrutineer help <subcommand>", sub: nil, console)
      }
      console.out(help)
      return ExitCode.success
    case "analyse", "analyze":
      return AnalyseCommand.run(rest, console: console)
    case "batch":
      return BatchCommand.run(rest, console: console)
    case "rules":
      return RulesCommand.run(rest, console: console)
    case "compare":
      return CompareCommand.run(rest, console: console)
    case "timeline":
      return TimelineCommand.run(rest, console: console)
    case "diff":
      return DiffCommand.run(rest, console: console)
    case "report":
      return ReportCommand.run(rest, console: console)
    case "explain":
      return ExplainCommand.run(rest, console: console)
    default:
      var message = "Unknown subcommand '\(first)'"
      if let near = Arguments.closest(
        to: first,
        in: ["analyse", "batch", "compare", "diff", "explain", "report", "rules", "timeline", "help"])
      {
        message += ". Did you mean '\(near)'?"
      }
      return usageError(message, usage: "scrutineer <subcommand> [options] <arguments>", sub: nil, console)
    }
  }

  static func help(for sub: String) -> String? {
    switch sub {
    case "analyse", "analyze": AnalyseCommand.help
    case "batch": BatchCommand.help
    case "rules": RulesCommand.help
    case "compare": CompareCommand.help
    case "timeline": TimelineCommand.help
    case "diff": DiffCommand.help
    case "report": ReportCommand.help
    case "explain": ExplainCommand.help
    default: nil
    }
  }

  /// Prints a usage error in the house style and returns 64.
  static func usageError(_ message: String, usage: String, sub: String?, _ console: Console) -> Int32 {
    let see = sub.map { "scrutineer \($0) --help" } ?? "scrutineer --help"
    console.err("Error: \(message)\nUsage: \(usage)\n  See '\(see)' for more information.\n")
    return ExitCode.usage
  }
}

import Foundation
import ScrutineerKit

/// `scrutineer report PATH… --out FILE`: a self-contained HTML report or a Markdown brief.
enum ReportCommand {
  static let usage =
    "scrutineer report <path> ... --out <file> [--format html|markdown] [--authority <name>] [--title <text>]"

  static let help = """
    OVERVIEW: Write a report for councillors: a self-contained HTML page or a Markdown brief.

    The HTML report opens from an email attachment with no network: per authority, the
    documents with their judgements, a heat map of themes by document, recurring
    concerns as a timeline, the follow-up of each recommendation, questions for members,
    and every document's items with their themes and the evidence highlighted. It prints
    cleanly and reads with scripts off; a theme filter appears when scripts run.

    USAGE: \(usage)

    ARGUMENTS:
      <path>                  Text files, folders of them, or batch output folders.

    OPTIONS:
      --out <file>            Where to write the report (written atomically).
      --format <format>       html or markdown. (default: html)
      --authority <name>      Report on this authority only.
      --title <text>          The report's title. (default: Scrutineer report)
    \(RuleOptions.help)
      -h, --help              Show help information.

    """

  static func run(_ raw: [String], console: Console) -> Int32 {
    Invocation.run { () throws(ExitStatus) -> Int32 in
      guard
        let call = try Invocation(
          raw, valued: ["out", "format", "authority", "title"], rules: true, usage: usage, sub: "report",
          help: help,
          console: console)
      else { return CLI.ExitCode.success }
      return try write(call)
    }
  }

  private static func write(_ call: Invocation) throws(ExitStatus) -> Int32 {
    let args = call.args
    let console = call.console
    let format = try call.format(["html", "markdown"], default: "html")
    guard let out = args.value("out") else { throw call.usageError("Missing expected option '--out <file>'") }
    let paths = try call.positionals(named: "path")
    let rules = try call.rules()
    let loaded = call.evidence(paths, rules: rules)
    let comparison = Comparer.compare(
      loaded.documents, themes: rules.themes, authority: args.value("authority"))
    let title = args.value("title") ?? (format == "html" ? "Scrutineer report" : "Scrutineer brief")
    let text =
      format == "html"
      ? HTMLReport.render(comparison, themes: rules.themes, title: title)
      : MarkdownBrief.render(comparison, title: title)
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
      console.err("Error: \(out): cannot be written (\(error.localizedDescription))\n")
      return CLI.ExitCode.failure
    }
    let docs = comparison.authorities.reduce(0) { $0 + $1.documents.count }
    console.err(
      "Wrote \(out): \(comparison.authorities.count) authorit\(comparison.authorities.count == 1 ? "y" : "ies"), \(docs) documents.\n"
    )
    return loaded.problems.isEmpty ? CLI.ExitCode.success : CLI.ExitCode.failure
  }
}

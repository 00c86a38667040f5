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
    let args: Arguments
    do {
      args = try Arguments(
        raw, valued: Set(["out", "format", "authority", "title"]).union(RuleOptions.valued),
        flags: Set(["help"]).union(RuleOptions.flags))
    } catch {
      return CLI.usageError(error.message, usage: usage, sub: "report", console)
    }
    if args.has("help") {
      console.out(help)
      return CLI.ExitCode.success
    }
    let format = args.value("format") ?? "html"
    guard ["html", "markdown"].contains(format) else {
      return CLI.usageError(
        "Unknown format '\(format)' (expected html or markdown)", usage: usage, sub: "report", console)
    }
    guard let out = args.value("out") else {
      return CLI.usageError("Missing expected option '--out <file>'", usage: usage, sub: "report", console)
    }
    guard !args.positionals.isEmpty else {
      return CLI.usageError("Missing expected argument '<path>'", usage: usage, sub: "report", console)
    }
    let rules: RuleSet
    switch RuleOptions.loadOrReport(args, usage: usage, sub: "report", console) {
    case .success(let r): rules = r
    case .failure(let status): return status.code
    }
    let loaded = EvidenceInputs.load(args.positionals, analyser: Analyser(rules: rules))
    for p in loaded.problems { console.err("Error: \(p)\n") }
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

import Foundation
import ScrutineerKit

/// `scrutineer analyse FILE…`: the structure and themes of each file.
enum AnalyseCommand {
  static let usage =
    "scrutineer analyse <file> ... [--format text|json|markdown|csv] [--theme <id>] [--segment <kind>] [--rules <file>] [--explain]"

  static let help = """
    OVERVIEW: Show the documents, metadata, segments and tagged items of files.

    Reads each FILE (UTF-8 text; '-' reads standard input), finds the documents it
    holds, and prints each document's kind, metadata and segments with numbered items,
    each with its themes, polarity and quantifier. Markdown is for pasting into a
    committee paper; CSV has the columns of batch's items.csv, without a byte order mark.

    USAGE: \(usage)

    ARGUMENTS:
      <file>                  A text file to analyse, or '-' for standard input.

    OPTIONS:
      --format <format>       text, json, markdown, csv, or none (counts only, for benchmarks). (default: text)
      --theme <id>            Show only items with this theme.
      --segment <kind>        Show only segments of this kind (findings, areas-for-improvement, …).
      --explain               Show which rules fired on each item, where, and why.
    \(RuleOptions.help)
      --max-bytes <n>         Refuse files larger than this many bytes. (default: 67108864)
      -h, --help              Show help information.

    """

  static func run(_ raw: [String], console: Console) -> Int32 {
    let args: Arguments
    do {
      args = try Arguments(
        raw, valued: Set(["format", "max-bytes", "theme", "segment"]).union(RuleOptions.valued),
        flags: Set(["help", "explain"]).union(RuleOptions.flags))
    } catch {
      return CLI.usageError(error.message, usage: usage, sub: "analyse", console)
    }
    if args.has("help") {
      console.out(help)
      return CLI.ExitCode.success
    }
    let format = args.value("format") ?? "text"
    guard ["text", "json", "markdown", "csv", "none"].contains(format) else {
      return CLI.usageError(
        "Unknown format '\(format)' (expected text, json, markdown or csv)", usage: usage, sub: "analyse",
        console)
    }
    var segment: SegmentKind?
    if let s = args.value("segment") {
      guard let kind = SegmentKind(rawValue: s) else {
        let kinds = SegmentKind.allCases.map(\.rawValue).joined(separator: ", ")
        return CLI.usageError(
          "Unknown segment kind '\(s)' (expected one of \(kinds))", usage: usage, sub: "analyse", console)
      }
      segment = kind
    }
    var reader = InputReader()
    if let mb = args.value("max-bytes") {
      guard let n = Int(mb), n > 0 else {
        return CLI.usageError(
          "'--max-bytes' takes a positive whole number", usage: usage, sub: "analyse", console)
      }
      reader.maxBytes = n
    }
    guard !args.positionals.isEmpty else {
      return CLI.usageError("Missing expected argument '<file>'", usage: usage, sub: "analyse", console)
    }
    let rules: RuleSet
    switch RuleOptions.loadOrReport(args, usage: usage, sub: "analyse", console) {
    case .success(let r): rules = r
    case .failure(let status): return status.code
    }
    if let theme = args.value("theme"), !rules.themes.contains(where: { $0.id == theme }) {
      return CLI.usageError(
        "Unknown theme '\(theme)'; 'scrutineer rules list' shows them", usage: usage, sub: "analyse", console)
    }
    let analyser = Analyser(reader: reader, rules: rules)
    var files: [AnalysedFile] = []
    var failed = 0
    var counts = (files: 0, documents: 0, items: 0)
    for path in args.positionals {
      do {
        let file: AnalysedFile
        if path == "-" {
          let data = FileHandle.standardInput.readDataToEndOfFile()
          let source = try reader.decode([UInt8](data), path: "<stdin>")
          file = analyser.analyse(source, path: "<stdin>")
        } else {
          file = try analyser.analyse(path: path)
        }
        if format == "none" {
          // Nothing kept: memory stays bounded by the largest file.
          counts.files += 1
          counts.documents += file.documents.count
          counts.items += file.documents.reduce(0) { $0 + $1.items.count }
        } else {
          files.append(file)
        }
      } catch {
        console.err("Error: \(error.description)\n")
        failed += 1
      }
    }
    files = files.map { $0.filtered(theme: args.value("theme"), segment: segment) }
    if format == "none" {
      // The engine alone, for benchmarks: read, segment and tag; print only the counts.
      console.out("\(counts.files) files, \(counts.documents) documents, \(counts.items) items\n")
    } else if !files.isEmpty {
      switch format {
      case "json": console.out(JSONRenderer.render(files))
      case "markdown": console.out(MarkdownRenderer.render(files))
      case "csv": console.out(CSVRenderer.render(files))
      default: console.out(TextRenderer.render(files, explain: args.has("explain")))
      }
    }
    return failed > 0 ? CLI.ExitCode.failure : CLI.ExitCode.success
  }
}

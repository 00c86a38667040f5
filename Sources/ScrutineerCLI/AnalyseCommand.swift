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
    Invocation.run { () throws(ExitStatus) -> Int32 in
      guard
        let call = try Invocation(
          raw, valued: ["format", "max-bytes", "theme", "segment"], flags: ["explain"], rules: true,
          usage: usage,
          sub: "analyse", help: help, console: console)
      else { return CLI.ExitCode.success }
      return try analyse(call)
    }
  }

  private static func analyse(_ call: Invocation) throws(ExitStatus) -> Int32 {
    let args = call.args
    let console = call.console
    let format = try call.format(["text", "json", "markdown", "csv", "none"], default: "text")
    let segment = try call.segment()
    var reader = InputReader()
    if let mb = args.value("max-bytes") {
      guard let n = Int(mb), n > 0 else {
        throw call.usageError("'--max-bytes' takes a positive whole number")
      }
      reader.maxBytes = n
    }
    _ = try call.positionals(named: "file")
    let rules = try call.rules()
    if let theme = args.value("theme"), !rules.themes.contains(where: { $0.id == theme }) {
      throw call.usageError("Unknown theme '\(theme)'; 'scrutineer rules list' shows them")
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
          counts.items += file.documents.reduce(0) { $0 + $1.segments.reduce(0) { $0 + $1.items.count } }
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

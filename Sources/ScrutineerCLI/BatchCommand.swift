import Foundation
import ScrutineerKit

/// `scrutineer batch FOLDER… --out OUTDIR`: every text file in folders, analysed on all
/// cores into per-file JSON, `documents.jsonl`, `items.csv` and `summary.json`, reusing
/// the results of earlier runs for files that have not changed.
enum BatchCommand {
  static let usage =
    "scrutineer batch <folder> ... --out <folder> [--jobs <n>] [--force] [--quiet] [--rules <file>] [--max-bytes <n>]"

  /// Exit status when some files failed and the rest were written.
  static let partialFailure: Int32 = 2

  static let help = """
    OVERVIEW: Analyse every text file in folders into JSON, JSON Lines and CSV.

    Walks each FOLDER recursively (following symbolic links, never round a loop; names
    starting with '.' are ignored) and analyses every .txt, .md and .text file, and every
    file without an extension that reads as text, on all cores. Writes into the output
    folder:
      files/<path>.json       one JSON per input file, mirroring the input folders
      documents.jsonl         one line of JSON per document
      items.csv               one row per item, for spreadsheets (UTF-8 with a byte order mark)
      summary.json            counts by kind, year and theme; files skipped or failed, and why
    Run again, it analyses only new and changed files and those analysed by other rules
    or another version of Scrutineer, and reuses the rest. A file that cannot be analysed
    is named on standard error and in summary.json, and the others are still done. Exit
    status: 0 when every file was analysed, 2 when some failed, 1 when nothing could be
    written, 64 for a usage error.

    USAGE: \(usage)

    ARGUMENTS:
      <folder>                A folder to analyse, or a single file. With several, each
                              one's files go under its own name.

    OPTIONS:
      --out <folder>          Where to write the outputs; created if missing.
      --jobs <n>              Analyse this many files at a time. (default: the number of cores)
      --force                 Analyse every file again, reusing nothing.
      --quiet                 Print errors only: no progress, no summary.
    \(RuleOptions.help)
      --max-bytes <n>         Refuse files larger than this many bytes. (default: 67108864)
      -h, --help              Show help information.

    """

  static func run(_ raw: [String], console: Console) -> Int32 {
    let args: Arguments
    do {
      args = try Arguments(
        raw, valued: Set(["out", "jobs", "max-bytes"]).union(RuleOptions.valued),
        flags: Set(["help", "force", "quiet"]).union(RuleOptions.flags))
    } catch {
      return CLI.usageError(error.message, usage: usage, sub: "batch", console)
    }
    if args.has("help") {
      console.out(help)
      return CLI.ExitCode.success
    }
    func usageError(_ message: String) -> Int32 {
      CLI.usageError(message, usage: usage, sub: "batch", console)
    }
    guard !args.positionals.isEmpty else { return usageError("Missing expected argument '<folder>'") }
    guard let out = args.value("out"), !out.isEmpty else {
      return usageError("Missing expected option '--out <folder>'")
    }
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    if let j = args.value("jobs") {
      guard let n = Int(j), n > 0 else { return usageError("'--jobs' takes a positive whole number") }
      jobs = n
    }
    var reader = InputReader()
    if let mb = args.value("max-bytes") {
      guard let n = Int(mb), n > 0 else { return usageError("'--max-bytes' takes a positive whole number") }
      reader.maxBytes = n
    }
    let rules: RuleSet
    switch RuleOptions.load(args) {
    case .success(let r): rules = r
    case .failure(let e):
      if e.usage { return usageError(e.message) }
      console.err("Error: \(e.message)\n")
      return CLI.ExitCode.failure
    }
    let roots: [FileWalker.Root]
    switch Self.roots(args.positionals, out: out) {
    case .success(let r): roots = r
    case .failure(let problem):
      if problem.usage { return usageError(problem.message) }
      console.err("Error: \(problem.message)\n")
      return CLI.ExitCode.failure
    }
    let settings = Settings(
      roots: roots, out: out, jobs: jobs, force: args.has("force"), quiet: args.has("quiet"),
      analyser: Analyser(reader: reader, rules: rules))
    return BatchRun(settings: settings, console: console).run()
  }

  struct RootProblem: Error {
    var message: String
    var usage: Bool
  }

  /// The command line's folders as walk roots, with the prefixes their files' relative
  /// paths take; refuses a missing folder (before any output is touched, so a mistyped
  /// path cannot empty the outputs), the output folder itself, and two with one name.
  static func roots(_ paths: [String], out: String) -> Result<[FileWalker.Root], RootProblem> {
    let outID = FileID.lookup(out, follow: true)?.id
    var roots: [FileWalker.Root] = []
    var names: Set<String> = []
    for path in paths {
      guard let info = FileID.lookup(path, follow: true) else {
        return .failure(RootProblem(message: "\(path): no such file or folder", usage: false))
      }
      if info.id == outID {
        return .failure(
          RootProblem(message: "The output folder '\(out)' is also an input folder", usage: true))
      }
      let name = URL(fileURLWithPath: path).standardized.lastPathComponent
      let prefix = paths.count > 1 || !info.isDirectory ? name : ""
      if paths.count > 1, !names.insert(name).inserted {
        return .failure(
          RootProblem(message: "Two inputs are called '\(name)'; their outputs would collide", usage: true))
      }
      roots.append(FileWalker.Root(path: path, prefix: prefix))
    }
    return .success(roots)
  }

  /// What the command line asks for.
  struct Settings {
    var roots: [FileWalker.Root]
    var out: String
    var jobs: Int
    var force: Bool
    var quiet: Bool
    var analyser: Analyser
  }
}

import Foundation
import ScrutineerKit

/// Gathers the documents that `compare`, `timeline` and `diff` work on: files, folders
/// of text files, or batch output folders (read from their `documents.jsonl`).
enum EvidenceInputs {
  struct Loaded {
    var documents: [EvidenceDocument] = []
    var problems: [String] = []
  }

  static let textExtensions: Set<String> = ["txt", "md", "text"]

  static func load(_ paths: [String], analyser: Analyser) -> Loaded {
    var loaded = Loaded()
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        loaded.problems.append("\(path): no such file or folder")
        continue
      }
      if isDirectory.boolValue {
        let jsonl = (path as NSString).appendingPathComponent("documents.jsonl")
        if let data = FileManager.default.contents(atPath: jsonl) {
          let r = EvidenceLoader.documents(jsonLines: data, source: jsonl)
          loaded.documents += r.documents
          loaded.problems += r.problems
          continue
        }
        for file in textFiles(under: path) { add(file, analyser, &loaded) }
      } else {
        add(path, analyser, &loaded)
      }
    }
    return loaded
  }

  private static func add(_ path: String, _ analyser: Analyser, _ loaded: inout Loaded) {
    if path.hasSuffix("documents.jsonl"), let data = FileManager.default.contents(atPath: path) {
      let r = EvidenceLoader.documents(jsonLines: data, source: path)
      loaded.documents += r.documents
      loaded.problems += r.problems
      return
    }
    do {
      let f = try analyser.analyse(path: path)
      loaded.documents += f.documents.map { EvidenceDocument($0, path: path) }
    } catch {
      loaded.problems.append(error.description)
    }
  }

  /// Text files below a folder, sorted, following no symbolic link to a folder.
  static func textFiles(under root: String) -> [String] {
    var out: [String] = []
    guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
    while let rel = e.nextObject() as? String {
      let full = (root as NSString).appendingPathComponent(rel)
      let attributes = try? FileManager.default.attributesOfItem(atPath: full)
      if attributes?[.type] as? FileAttributeType == .typeSymbolicLink { continue }
      if textExtensions.contains((rel as NSString).pathExtension.lowercased()) { out.append(full) }
    }
    return out.sorted()
  }
}

/// `scrutineer compare PATH…`: what recurs, what is resolved, what is new.
enum CompareCommand {
  static let usage =
    "scrutineer compare <path> ... [--authority <name>] [--format text|markdown|json|csv] [--rules <file>]"

  static let help = """
    OVERVIEW: Compare an authority's documents across years: what recurs, what is resolved, what is new.

    Groups the documents by local authority, orders them by date, and shows for each
    authority the theme timeline with statuses, recurring concerns with their quotations,
    what later documents say about each recommendation, the authority's promises beside
    the next inspection's findings, KPIs over time, and questions for members. Statuses
    are decided on what the inspectorate wrote.

    USAGE: \(usage)

    ARGUMENTS:
      <path>                  Text files, folders of them, or batch output folders.

    OPTIONS:
      --authority <name>      Compare only this authority.
      --format <format>       text, markdown, json or csv. (default: text)
    \(RuleOptions.help)
      -h, --help              Show help information.

    """

  static func run(_ raw: [String], console: Console) -> Int32 {
    let args: Arguments
    do {
      args = try Arguments(
        raw, valued: Set(["authority", "format"]).union(RuleOptions.valued),
        flags: Set(["help"]).union(RuleOptions.flags))
    } catch {
      return CLI.usageError(error.message, usage: usage, sub: "compare", console)
    }
    if args.has("help") {
      console.out(help)
      return CLI.ExitCode.success
    }
    let format = args.value("format") ?? "text"
    guard ["text", "markdown", "json", "csv"].contains(format) else {
      return CLI.usageError(
        "Unknown format '\(format)' (expected text, markdown, json or csv)", usage: usage, sub: "compare",
        console)
    }
    guard !args.positionals.isEmpty else {
      return CLI.usageError("Missing expected argument '<path>'", usage: usage, sub: "compare", console)
    }
    let rules: RuleSet
    switch RuleOptions.loadOrReport(args, usage: usage, sub: "compare", console) {
    case .success(let r): rules = r
    case .failure(let status): return status.code
    }
    let loaded = EvidenceInputs.load(args.positionals, analyser: Analyser(rules: rules))
    for p in loaded.problems { console.err("Error: \(p)\n") }
    let comparison = Comparer.compare(
      loaded.documents, themes: rules.themes, authority: args.value("authority"))
    if let a = args.value("authority"), comparison.authorities.isEmpty {
      let known = Set(loaded.documents.map(\.authority)).sorted().prefix(12).joined(separator: ", ")
      console.err("Error: no documents about '\(a)' (authorities found: \(known))\n")
      return CLI.ExitCode.failure
    }
    switch format {
    case "json": console.out(ComparisonRenderer.json(comparison))
    case "csv": console.out(ComparisonRenderer.csv(comparison))
    case "markdown": console.out(ComparisonRenderer.markdown(comparison))
    default: console.out(ComparisonRenderer.text(comparison))
    }
    return loaded.problems.isEmpty ? CLI.ExitCode.success : CLI.ExitCode.failure
  }
}

/// `scrutineer timeline --theme ID PATH…`: everything said about one theme, in date order.
enum TimelineCommand {
  static let usage =
    "scrutineer timeline --theme <id> <path> ... [--authority <name>] [--format text|markdown|json|csv]"

  static let help = """
    OVERVIEW: Every item on one theme, in date order across documents, with polarity and quotation.

    USAGE: \(usage)

    ARGUMENTS:
      <path>                  Text files, folders of them, or batch output folders.

    OPTIONS:
      --theme <id>            The theme ('scrutineer rules list' shows them).
      --authority <name>      Only this authority.
      --format <format>       text, markdown, json or csv. (default: text)
    \(RuleOptions.help)
      -h, --help              Show help information.

    """

  static func run(_ raw: [String], console: Console) -> Int32 {
    let args: Arguments
    do {
      args = try Arguments(
        raw, valued: Set(["theme", "authority", "format"]).union(RuleOptions.valued),
        flags: Set(["help"]).union(RuleOptions.flags))
    } catch {
      return CLI.usageError(error.message, usage: usage, sub: "timeline", console)
    }
    if args.has("help") {
      console.out(help)
      return CLI.ExitCode.success
    }
    guard let theme = args.value("theme") else {
      return CLI.usageError("Missing expected option '--theme <id>'", usage: usage, sub: "timeline", console)
    }
    let format = args.value("format") ?? "text"
    guard ["text", "markdown", "json", "csv"].contains(format) else {
      return CLI.usageError("Unknown format '\(format)'", usage: usage, sub: "timeline", console)
    }
    guard !args.positionals.isEmpty else {
      return CLI.usageError("Missing expected argument '<path>'", usage: usage, sub: "timeline", console)
    }
    let rules: RuleSet
    switch RuleOptions.loadOrReport(args, usage: usage, sub: "timeline", console) {
    case .success(let r): rules = r
    case .failure(let status): return status.code
    }
    guard rules.themes.contains(where: { $0.id == theme }) else {
      return CLI.usageError(
        "Unknown theme '\(theme)'; 'scrutineer rules list' shows them", usage: usage, sub: "timeline", console
      )
    }
    let loaded = EvidenceInputs.load(args.positionals, analyser: Analyser(rules: rules))
    for p in loaded.problems { console.err("Error: \(p)\n") }
    var documents = loaded.documents
    if let a = args.value("authority") {
      documents = documents.filter { $0.authority.lowercased() == a.lowercased() }
    }
    let history = ThemeHistory.of(theme: theme, in: documents)
    var out = ""
    let md = format == "markdown"
    if format == "json" {
      out = HistoryRenderer.json(history)
    } else if format == "csv" {
      out = HistoryRenderer.csv(history)
    } else {
      let label = rules.themes.first { $0.id == theme }?.label ?? theme
      out +=
        md ? "# \(label): everything said, in date order\n\n" : "\(label): everything said, in date order\n\n"
      var authority = ""
      for e in history.entries {
        if e.document.authority != authority {
          authority = e.document.authority
          out += md ? "## \(authority)\n\n" : "\(authority)\n"
        }
        let voice = e.inspectorate ? "" : " [the authority's own words]"
        let text = md ? ComparisonRenderer.escape(e.item.text, true) : e.item.text
        out +=
          (md ? "- " : "  ")
          + "\(e.document.label), item \(e.item.number), \(e.item.segment.rawValue), \(e.item.polarity.rawValue)\(voice) [\(e.item.span.start)–\(e.item.span.end)]: “\(text)”\n"
      }
      if history.entries.isEmpty { out += "No items on this theme.\n" }
    }
    console.out(out)
    return loaded.problems.isEmpty ? CLI.ExitCode.success : CLI.ExitCode.failure
  }
}

/// `scrutineer diff OLD NEW`: what changed between two documents.
enum DiffCommand {
  static let usage = "scrutineer diff <old> <new> [--format text|markdown|json|csv]"

  static let help = """
    OVERVIEW: What changed between two documents: themes gained and lost, concerns resolved and new, areas for improvement carried over.

    Each of OLD and NEW is a file holding one document (or, for a file with several, its
    first inspectorate document).

    USAGE: \(usage)

    OPTIONS:
      --format <format>       text, markdown, json or csv. (default: text)
    \(RuleOptions.help)
      -h, --help              Show help information.

    """

  static func run(_ raw: [String], console: Console) -> Int32 {
    let args: Arguments
    do {
      args = try Arguments(
        raw, valued: Set(["format"]).union(RuleOptions.valued), flags: Set(["help"]).union(RuleOptions.flags))
    } catch {
      return CLI.usageError(error.message, usage: usage, sub: "diff", console)
    }
    if args.has("help") {
      console.out(help)
      return CLI.ExitCode.success
    }
    guard args.positionals.count == 2 else {
      return CLI.usageError("Expected two files, OLD and NEW", usage: usage, sub: "diff", console)
    }
    let format = args.value("format") ?? "text"
    guard ["text", "markdown", "json", "csv"].contains(format) else {
      return CLI.usageError("Unknown format '\(format)'", usage: usage, sub: "diff", console)
    }
    let rules: RuleSet
    switch RuleOptions.loadOrReport(args, usage: usage, sub: "diff", console) {
    case .success(let r): rules = r
    case .failure(let status): return status.code
    }
    let analyser = Analyser(rules: rules)
    var picked: [EvidenceDocument] = []
    for path in args.positionals {
      let loaded = EvidenceInputs.load([path], analyser: analyser)
      for p in loaded.problems { console.err("Error: \(p)\n") }
      guard let d = loaded.documents.first(where: \.isInspectorate) ?? loaded.documents.first else {
        if loaded.problems.isEmpty { console.err("Error: \(path): holds no document\n") }
        return CLI.ExitCode.failure
      }
      picked.append(d)
    }
    let diff = DocumentDiff.between(picked[0], picked[1], themes: rules.themes.map(\.id))
    switch format {
    case "json": console.out(HistoryRenderer.json(diff))
    case "csv": console.out(HistoryRenderer.csv(diff))
    default: console.out(HistoryRenderer.text(diff, markdown: format == "markdown"))
    }
    return CLI.ExitCode.success
  }
}

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
    Invocation.run { () throws(ExitStatus) -> Int32 in
      guard
        let call = try Invocation(
          raw, valued: ["authority", "format"], rules: true, usage: usage, sub: "compare", help: help,
          console: console)
      else { return CLI.ExitCode.success }
      let format = try call.format(["text", "markdown", "json", "csv"], default: "text")
      let paths = try call.positionals(named: "path")
      let rules = try call.rules()
      let loaded = call.evidence(paths, rules: rules)
      let comparison = Comparer.compare(
        loaded.documents, themes: rules.themes, authority: call.args.value("authority"))
      if let a = call.args.value("authority"), comparison.authorities.isEmpty {
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
    Invocation.run { () throws(ExitStatus) -> Int32 in
      guard
        let call = try Invocation(
          raw, valued: ["theme", "authority", "format"], rules: true, usage: usage, sub: "timeline",
          help: help,
          console: console)
      else { return CLI.ExitCode.success }
      guard let theme = call.args.value("theme") else {
        throw call.usageError("Missing expected option '--theme <id>'")
      }
      let format = try call.format(["text", "markdown", "json", "csv"], default: "text")
      let paths = try call.positionals(named: "path")
      let rules = try call.rules()
      guard let label = rules.themes.first(where: { $0.id == theme })?.label else {
        throw call.usageError("Unknown theme '\(theme)'; 'scrutineer rules list' shows them")
      }
      let loaded = call.evidence(paths, rules: rules)
      var documents = loaded.documents
      if let a = call.args.value("authority") {
        documents = documents.filter { $0.authority.lowercased() == a.lowercased() }
      }
      let history = ThemeHistory.of(theme: theme, in: documents)
      switch format {
      case "json": console.out(HistoryRenderer.json(history))
      case "csv": console.out(HistoryRenderer.csv(history))
      default: console.out(HistoryRenderer.text(history, label: label, markdown: format == "markdown"))
      }
      return loaded.problems.isEmpty ? CLI.ExitCode.success : CLI.ExitCode.failure
    }
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
    Invocation.run { () throws(ExitStatus) -> Int32 in
      guard
        let call = try Invocation(
          raw, valued: ["format"], rules: true, usage: usage, sub: "diff", help: help, console: console)
      else { return CLI.ExitCode.success }
      guard call.args.positionals.count == 2 else { throw call.usageError("Expected two files, OLD and NEW") }
      let format = try call.format(["text", "markdown", "json", "csv"], default: "text")
      let rules = try call.rules()
      var picked: [EvidenceDocument] = []
      for path in call.args.positionals {
        let loaded = call.evidence([path], rules: rules)
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
}

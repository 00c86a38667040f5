import ScrutineerKit

/// What every subcommand starts with: parsing its arguments, answering `--help`, and
/// reporting usage errors in the house style. Failures are thrown as the exit status,
/// already reported.
struct Invocation {
  let args: Arguments
  let usage: String
  let sub: String
  let console: Console

  /// Parses `raw`; returns `nil` when `--help` was asked for and printed.
  /// - Parameter rules: whether the command takes `--rules` and `--no-default-rules`.
  init?(
    _ raw: [String], valued: Set<String>, flags: Set<String> = [], rules: Bool = false, usage: String,
    sub: String,
    help: String, console: Console
  ) throws(ExitStatus) {
    self.usage = usage
    self.sub = sub
    self.console = console
    do {
      args = try Arguments(
        raw, valued: rules ? valued.union(RuleOptions.valued) : valued,
        flags: flags.union(["help"]).union(rules ? RuleOptions.flags : []))
    } catch {
      throw ExitStatus(code: CLI.usageError(error.message, usage: usage, sub: sub, console))
    }
    if args.has("help") {
      console.out(help)
      return nil
    }
  }

  /// Reports a usage error (exit 64) and returns it to throw.
  func usageError(_ message: String) -> ExitStatus {
    ExitStatus(code: CLI.usageError(message, usage: usage, sub: sub, console))
  }

  /// `--format`, checked against the formats the command writes.
  func format(_ allowed: [String], default fallback: String) throws(ExitStatus) -> String {
    let format = args.value("format") ?? fallback
    guard allowed.contains(format) else {
      let list = allowed.dropLast().joined(separator: ", ") + " or " + allowed.last!
      throw usageError("Unknown format '\(format)' (expected \(list))")
    }
    return format
  }

  /// The positional arguments, which must not be empty.
  func positionals(named name: String) throws(ExitStatus) -> [String] {
    guard !args.positionals.isEmpty else { throw usageError("Missing expected argument '<\(name)>'") }
    return args.positionals
  }

  /// `--segment`, if given, as a segment kind.
  func segment() throws(ExitStatus) -> SegmentKind? {
    guard let s = args.value("segment") else { return nil }
    guard let kind = SegmentKind(rawValue: s) else {
      let kinds = SegmentKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw usageError("Unknown segment kind '\(s)' (expected one of \(kinds))")
    }
    return kind
  }

  /// The rule set `--rules` and `--no-default-rules` ask for.
  func rules() throws(ExitStatus) -> RuleSet {
    switch RuleOptions.loadOrReport(args, usage: usage, sub: sub, console) {
    case .success(let r): return r
    case .failure(let status): throw status
    }
  }

  /// The documents of `paths`, each problem reported on one line.
  func evidence(_ paths: [String], rules: RuleSet) -> EvidenceInputs.Loaded {
    let loaded = EvidenceInputs.load(paths, analyser: Analyser(rules: rules))
    for p in loaded.problems { console.err("Error: \(p)\n") }
    return loaded
  }

  /// Runs a command body, turning a thrown status into its exit code.
  static func run(_ body: () throws(ExitStatus) -> Int32) -> Int32 {
    do {
      return try body()
    } catch {
      return error.code
    }
  }
}

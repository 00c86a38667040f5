/// A small command-line parser in the conventions of swift-argument-parser:
/// `--opt value`, `--opt=value`, `-h`, flags, and `--` to end options.
struct Arguments {
  /// Values of options by name (without dashes); repeated options keep every value.
  private(set) var options: [String: [String]] = [:]
  private(set) var flags: Set<String> = []
  private(set) var positionals: [String] = []

  /// An error in the user's words: exit code 64.
  struct UsageError: Error, Equatable {
    var message: String
  }

  /// - Parameters:
  ///   - valued: option names that take a value.
  ///   - flags: option names that take none.
  ///   - short: single-letter aliases (`h` → `help`).
  init(
    _ args: [String], valued: Set<String>, flags allowed: Set<String>,
    short: [Character: String] = ["h": "help"]
  )
    throws(UsageError)
  {
    var i = 0
    var onlyPositionals = false
    while i < args.count {
      let a = args[i]
      i += 1
      if onlyPositionals || a == "-" || !a.hasPrefix("-") {
        positionals.append(a)
        continue
      }
      if a == "--" {
        onlyPositionals = true
        continue
      }
      var name: String
      var inline: String?
      if a.hasPrefix("--") {
        name = String(a.dropFirst(2))
        if let eq = name.firstIndex(of: "=") {
          inline = String(name[name.index(after: eq)...])
          name = String(name[..<eq])
        }
      } else {
        guard a.count == 2, let long = short[a.last!] else {
          throw UsageError(message: "Unknown option '\(a)'")
        }
        name = long
      }
      if valued.contains(name) {
        let value: String
        if let inline {
          value = inline
        } else {
          guard i < args.count else { throw UsageError(message: "Missing value for '--\(name)'") }
          value = args[i]
          i += 1
        }
        options[name, default: []].append(value)
      } else if allowed.contains(name) {
        if inline != nil { throw UsageError(message: "The flag '--\(name)' does not take a value") }
        flags.insert(name)
      } else {
        var message = "Unknown option '--\(name)'"
        if let near = Self.closest(to: name, in: valued.union(allowed)) {
          message += ". Did you mean '--\(near)'?"
        }
        throw UsageError(message: message)
      }
    }
  }

  func value(_ name: String) -> String? { options[name]?.last }
  func values(_ name: String) -> [String] { options[name] ?? [] }
  func has(_ flag: String) -> Bool { flags.contains(flag) }

  /// The candidate within edit distance 2, if any.
  static func closest(to word: String, in candidates: Set<String>) -> String? {
    var best: (name: String, cost: Int)?
    for c in candidates.sorted() {
      let d = distance(word, c)
      if d <= 2, best == nil || d < best!.cost { best = (c, d) }
    }
    return best?.name
  }

  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var prev = row[0]
      row[0] = i
      for j in 1...max(b.count, 1) where !b.isEmpty {
        let cur = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
        prev = cur
      }
    }
    return b.isEmpty ? a.count : row[b.count]
  }
}

import Foundation
import ScrutineerKit

/// `summary.json`: what a batch found and made. Everything but `run` depends only on the
/// inputs, the rules and the Scrutineer version, so a resumed batch writes the same
/// summary as an uninterrupted one apart from `run`.
struct BatchSummary {
  /// A file not analysed: its path relative to the input folders, and why.
  struct Problem {
    var path: String
    var reason: String
  }

  var rulesFingerprint: String
  /// Every file found, whatever became of it.
  var total: Int
  /// Files with results, new or reused.
  var analysed: Int
  /// Files whose results an earlier run made.
  var reused: Int
  var tally: Tally
  var failed: [Problem]
  var skipped: [Problem]

  /// Pretty JSON ending in a newline: versions, file counts, this run's new and reused
  /// files, documents and items, documents by kind (every kind) and year ("unknown" for
  /// those without a date), items by theme (every theme of `themes`), then the failed and
  /// skipped files with their reasons.
  func json(themes: [String]) -> String {
    var byKind = tally.byKind
    for k in DocumentKind.allCases where byKind[k.rawValue] == nil { byKind[k.rawValue] = 0 }
    var byTheme = tally.byTheme
    for t in themes where byTheme[t] == nil { byTheme[t] = 0 }
    func list(_ problems: [Problem]) -> JSONValue {
      .array(problems.map { .object([("path", .string($0.path)), ("reason", .string($0.reason))]) })
    }
    let value = JSONValue.object([
      ("schemaVersion", .int(JSONRenderer.schemaVersion)),
      ("scrutineerVersion", .string(CLI.version)),
      ("rulesFingerprint", .string(rulesFingerprint)),
      (
        "files",
        .object([
          ("total", .int(total)), ("analysed", .int(analysed)), ("skipped", .int(skipped.count)),
          ("failed", .int(failed.count)),
        ])
      ),
      ("documents", .int(tally.documents)),
      ("items", .int(tally.items)),
      ("byKind", .object(DocumentKind.allCases.map { ($0.rawValue, .int(byKind[$0.rawValue] ?? 0)) })),
      ("byYear", .sorted(tally.byYear)),
      ("byTheme", .sorted(byTheme)),
      ("failed", list(failed)),
      ("skipped", list(skipped)),
      ("run", .object([("new", .int(analysed - reused)), ("reused", .int(reused))])),
    ])
    return value.pretty()
  }
}

import Foundation

/// What a batch prints about its progress: an updating line on a terminal, and a closing
/// summary line.
enum Progress {
  /// Whether standard error is a terminal (so the updating line makes sense there).
  static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// The progress line, to be drawn after a carriage return: a bar, files done of the
  /// total, the reading rate and the time left.
  static func line(done: Int, total: Int, bytesDone: Int, bytesTotal: Int, elapsed: Double) -> String {
    let width = 20
    let filled = total == 0 ? width : width * done / total
    let bar =
      "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    var parts = [bar, "\(grouped(done))/\(grouped(total)) files"]
    guard elapsed >= 0.5, bytesDone > 0 else {
      return (parts + ["estimating time left"]).joined(separator: "  ")
    }
    let rate = Double(bytesDone) / elapsed
    parts.append(
      rate < 1_000_000
        ? String(format: "%.0f kB/s", rate / 1000) : String(format: "%.1f MB/s", rate / 1_000_000))
    let left = Double(max(0, bytesTotal - bytesDone)) / rate
    parts.append("about \(duration(left)) left")
    return parts.joined(separator: "  ")
  }

  /// "Analysed 841 files (840 reused, 1 new) in 1.2 s: 1,203 documents, 25,310 items;
  /// 0 failed." with the skipped files when there are any.
  static func summary(
    analysed: Int, reused: Int, seconds: Double, documents: Int, items: Int, failed: Int, skipped: Int
  ) -> String {
    let noun = analysed == 1 ? "file" : "files"
    var s =
      "Analysed \(grouped(analysed)) \(noun) (\(grouped(reused)) reused, \(grouped(analysed - reused)) new)"
    s += " in \(duration(seconds)): \(grouped(documents)) document\(documents == 1 ? "" : "s"), "
    s += "\(grouped(items)) item\(items == 1 ? "" : "s"); \(grouped(failed)) failed"
    if skipped > 0 { s += ", \(grouped(skipped)) skipped" }
    return s + "."
  }

  /// 1234567 → "1,234,567".
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (k, c) in digits.enumerated() {
      if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// "0.4 s", "12 s", "3 min 5 s", "2 h 10 min".
  static func duration(_ seconds: Double) -> String {
    if seconds < 10 { return String(format: "%.1f s", seconds) }
    let s = Int(seconds.rounded())
    if s < 60 { return "\(s) s" }
    if s < 3600 { return "\(s / 60) min \(s % 60) s" }
    return "\(s / 3600) h \(s % 3600 / 60) min"
  }
}

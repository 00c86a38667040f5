import Foundation
import ScrutineerKit

/// `scrutineer analyse FILE…`: the structure of each file, as text or JSON.
enum AnalyseCommand {
  static let usage = "scrutineer analyse <file> ... [--format text|json] [--max-bytes N]"

  static let help = """
    OVERVIEW: Show the documents, metadata, segments and items of files.

    Reads each FILE (UTF-8 text; '-' reads standard input), finds the documents it
    holds, and prints each document's kind, metadata and segments with numbered items.

    USAGE: \(usage)

    ARGUMENTS:
      <file>                  A text file to analyse, or '-' for standard input.

    OPTIONS:
      --format <format>       Output format: text or json. (default: text)
      --max-bytes <n>         Refuse files larger than this many bytes. (default: 67108864)
      -h, --help              Show help information.

    """

  static func run(_ raw: [String], console: Console) -> Int32 {
    let args: Arguments
    do {
      args = try Arguments(raw, valued: ["format", "max-bytes"], flags: ["help"])
    } catch {
      return CLI.usageError(error.message, usage: usage, sub: "analyse", console)
    }
    if args.has("help") {
      console.out(help)
      return CLI.ExitCode.success
    }
    let format = args.value("format") ?? "text"
    guard ["text", "json"].contains(format) else {
      return CLI.usageError(
        "Unknown format '\(format)' (expected text or json)", usage: usage, sub: "analyse", console)
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
    var files: [AnalysedFile] = []
    var failed = 0
    for path in args.positionals {
      do {
        if path == "-" {
          let data = FileHandle.standardInput.readDataToEndOfFile()
          let source = try reader.decode([UInt8](data), path: "<stdin>")
          files.append(
            AnalysedFile(
              path: "<stdin>", encoding: source.encoding, byteCount: source.text.utf8.count,
              documents: DocumentParser.parse(source.text)))
        } else {
          files.append(try AnalysedFile.analyse(path: path, reader: reader))
        }
      } catch {
        console.err("Error: \(error.description)\n")
        failed += 1
      }
    }
    if !files.isEmpty {
      switch format {
      case "json": console.out(JSONRenderer.render(files))
      default: console.out(TextRenderer.render(files))
      }
    }
    return failed > 0 ? CLI.ExitCode.failure : CLI.ExitCode.success
  }
}

import Testing

@testable import ScrutineerCLI

@Suite("The hand-written argument parser")
struct ArgumentsTests {
  @Test func optionsFlagsAndPositionals() throws {
    let a = try Arguments(
      ["a.txt", "--format", "json", "--quiet", "--max-bytes=10", "b.txt"], valued: ["format", "max-bytes"],
      flags: ["quiet"])
    #expect(a.positionals == ["a.txt", "b.txt"])
    #expect(a.value("format") == "json")
    #expect(a.value("max-bytes") == "10")
    #expect(a.has("quiet"))
  }

  @Test func doubleDashEndsOptions() throws {
    let a = try Arguments(["--", "--format", "-"], valued: ["format"], flags: [])
    #expect(a.positionals == ["--format", "-"])
  }

  @Test func shortHelp() throws {
    #expect(try Arguments(["-h"], valued: [], flags: ["help"]).has("help"))
  }

  @Test func errors() {
    #expect(throws: Arguments.UsageError(message: "Missing value for '--format'")) {
      try Arguments(["--format"], valued: ["format"], flags: [])
    }
    #expect(throws: Arguments.UsageError(message: "Unknown option '--formt'. Did you mean '--format'?")) {
      try Arguments(["--formt", "x"], valued: ["format"], flags: [])
    }
    #expect(throws: Arguments.UsageError(message: "The flag '--quiet' does not take a value")) {
      try Arguments(["--quiet=yes"], valued: [], flags: ["quiet"])
    }
    #expect(throws: Arguments.UsageError(message: "Unknown option '-x'")) {
      try Arguments(["-x"], valued: [], flags: [])
    }
  }

  @Test func editDistance() {
    #expect(Arguments.distance("format", "formt") == 1)
    #expect(Arguments.distance("", "abc") == 3)
    #expect(Arguments.distance("abc", "") == 3)
    #expect(Arguments.distance("analyse", "analyse") == 0)
  }
}

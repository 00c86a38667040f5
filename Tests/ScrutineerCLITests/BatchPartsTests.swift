import Dispatch
import Foundation
import Testing

@testable import ScrutineerCLI

@Suite("The parts of batch: hashes, extensions, progress")
struct BatchPartsTests {
  @Test func sha256MatchesTheStandardVectors() {
    #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    // Lengths either side of the block and padding boundaries (digests from Python's hashlib).
    let digests = [
      55: "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59",
      56: "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562",
      63: "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488",
      64: "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108",
      65: "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781",
      127: "92ca0fa6651ee2f97b884b7246a562fa71250fedefe5ebf270d31c546bfea976",
      128: "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5",
      1000: "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d",
    ]
    for (n, digest) in digests {
      #expect(SHA256.hex((0..<n).map { UInt8($0 % 251) }) == digest, "\(n) bytes")
    }
  }

  @Test func reuseCacheIsWrittenAsItIsReadBack() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var st = stat()
    st.st_size = 1234
    st.st_dev = 65024
    st.st_ino = UInt.max - 7  // beyond Int
    var stamp = FileStamp(st)
    stamp.modified = 1_795_297_657_519_000_491
    var tally = Tally()
    tally.documents = 2
    tally.items = 9
    tally.byTheme = ["thresholds": 3, "early-help": 1]
    tally.byYear = ["2024": 2]
    var cache = ReuseCache()
    cache.combined = .init(documents: stamp, items: stamp)
    for path in ["b/letter.txt", "a \"quoted\" caf\u{E9}.txt", "z.txt"] {
      cache.files[path] = .init(
        source: stamp, sha256: String(repeating: "ab", count: 32), json: stamp, documents: 10..<20,
        items: 0..<5,
        tally: tally)
    }
    try cache.save(folder: folder)
    let back = ReuseCache.load(folder: folder)
    #expect(back.files.count == 3)
    #expect(back.combined == cache.combined)
    for (path, e) in cache.files {
      let b = try #require(back.files[path])
      #expect(b.source == e.source && b.json == e.json && b.sha256 == e.sha256)
      #expect(b.documents == e.documents && b.items == e.items && b.tally == e.tally)
    }
    // The same bytes as the standard encoder gives, so old and new caches read alike.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let written = try #require(FileManager.default.contents(atPath: folder + "/" + ReuseCache.fileName))
    #expect(
      String(decoding: written, as: UTF8.self) == String(decoding: try encoder.encode(cache), as: UTF8.self)
        + "\n")
  }

  @Test func spoolGivesBackWhatEachWorkerWroteAndLeavesNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let spool = try #require(Spool(folder: folder, name: "documents.jsonl"))
    // Unlinked at once: the folder is empty while the spool is in use.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    let texts = (0..<200).map { k in String(repeating: "é line \(k) ", count: k % 17 + 1) + "\n" }
    let ranges = Locked([Range<Int>?](repeating: nil, count: texts.count))
    DispatchQueue.concurrentPerform(iterations: texts.count) { k in
      let r = spool.append(Array(texts[k].utf8))
      ranges.update { $0[k] = r }
    }
    let all = ranges.value
    for (k, text) in texts.enumerated() {
      let range = try #require(all[k])
      #expect(try spool.bytes(range) == Array(text.utf8))
    }
    // The pieces tile the file without overlapping.
    let sorted = all.compactMap { $0 }.sorted { $0.lowerBound < $1.lowerBound }
    for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
  }

  @Test func summaryValuesAreEscapedAsEveryOtherOutput() {
    let value = JSONValue.object([("path", .string("bad\u{0C}name \"x\"\u{2028}")), ("n", .int(2))])
    #expect(value.pretty() == "{\n  \"path\": \"bad\\fname \\\"x\\\"\\u2028\",\n  \"n\": 2\n}\n")
  }

  @Test func extensions() {
    #expect(FileWalker.fileExtension("letter.txt") == "txt")
    #expect(FileWalker.fileExtension("letter.2020.MD") == "MD")
    #expect(FileWalker.fileExtension("README") == "")
    #expect(FileWalker.fileExtension("trailing.") == "")
  }

  @Test func progressLine() {
    #expect(
      Progress.line(done: 0, total: 841, bytesDone: 0, bytesTotal: 31_000_000, elapsed: 0.1)
        == "[--------------------]  0/841 files  estimating time left")
    #expect(
      Progress.line(done: 420, total: 841, bytesDone: 15_000_000, bytesTotal: 30_000_000, elapsed: 5)
        == "[#########-----------]  420/841 files  3.0 MB/s  about 5.0 s left")
    #expect(
      Progress.line(done: 2, total: 7, bytesDone: 20_000, bytesTotal: 70_000, elapsed: 1)
        == "[#####---------------]  2/7 files  20 kB/s  about 2.5 s left")
  }

  @Test func summaryLine() {
    #expect(
      Progress.summary(
        analysed: 841, reused: 840, seconds: 1.23, documents: 1203, items: 25310, failed: 0, skipped: 0)
        == "Analysed 841 files (840 reused, 1 new) in 1.2 s: 1,203 documents, 25,310 items; 0 failed.")
    #expect(
      Progress.summary(analysed: 1, reused: 0, seconds: 75, documents: 1, items: 1, failed: 2, skipped: 3)
        == "Analysed 1 file (0 reused, 1 new) in 1 min 15 s: 1 document, 1 item; 2 failed, 3 skipped.")
    #expect(Progress.grouped(1_234_567) == "1,234,567")
    #expect(Progress.grouped(999) == "999")
  }
}

/// A value shared between threads behind a lock, for tests.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value
  init(_ value: Value) { stored = value }
  var value: Value { lock.withLock { stored } }
  func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}

import Foundation
import ScrutineerKit

/// One run of `batch`: walk, analyse or reuse each file on worker threads, then write the
/// combined outputs and the manifest, in an order that leaves the output folder usable
/// and resumable wherever a kill lands.
struct BatchRun {
  var settings: BatchCommand.Settings
  var console: Console

  /// A file not analysed, for the error lines and the summary.
  struct Problem {
    var relativePath: String
    var path: String
    var reason: String
  }

  func run() -> Int32 {
    let started = Date()
    let out = settings.out
    let lock: OutputLock
    do {
      try AtomicFile.makeFolder(out)
      guard let l = try OutputLock(folder: out) else {
        console.err("Error: \(out): another batch is writing to this folder\n")
        return CLI.ExitCode.failure
      }
      lock = l
    } catch {
      console.err("Error: \(out): cannot create the output folder (\(error.reason))\n")
      return CLI.ExitCode.failure
    }
    defer { lock.release() }

    let walker = FileWalker(excluded: FileID.lookup(out, follow: true)?.id)
    let found = walker.walk(settings.roots)
    let inputs = found.inputs.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    let previous = Manifest.load(folder: out)
    let cache = ReuseCache.load(folder: out)
    let journal: Journal
    do {
      journal = try Journal(folder: out)
    } catch {
      console.err("Error: \(out): \(error.reason)\n")
      return CLI.ExitCode.failure
    }
    let documentsPath = out + "/documents.jsonl"
    let itemsPath = out + "/items.csv"
    let previousDocuments = CombinedOutput.Previous(path: documentsPath, expected: cache.combined?.documents)
    let previousItems = CombinedOutput.Previous(path: itemsPath, expected: cache.combined?.items)
    var job = BatchJob(
      analyser: settings.analyser, outFolder: out, previous: previous.files, cache: cache.files,
      force: settings.force, rulesFingerprint: settings.analyser.tagger.rules.fingerprint, journal: journal,
      previousOutputsIntact: previousDocuments != nil && previousItems != nil)
    job.documentsSpool = Spool(folder: out, name: "documents.jsonl")
    job.itemsSpool = Spool(folder: out, name: "items.csv")
    if let ms = ProcessInfo.processInfo.environment["SCRUTINEER_TEST_DELAY_MS"].flatMap(UInt32.init) {
      job.delay = ms * 1000
    }

    let showProgress = !settings.quiet && Progress.isTerminal
    let totalBytes = inputs.reduce(0) { $0 + $1.size }
    let frozenJob = job
    let outcomes = WorkerPool.run(
      weights: inputs.map(\.size), threads: settings.jobs, work: { frozenJob.run(inputs[$0]) },
      tick: { done, bytes in
        guard showProgress else { return }
        let line = Progress.line(
          done: done, total: inputs.count, bytesDone: bytes, bytesTotal: totalBytes,
          elapsed: Date().timeIntervalSince(started))
        console.err("\r" + line + "\u{1B}[K")
      })
    if showProgress { console.err("\r\u{1B}[K") }

    // Gather in path order.
    var failed = found.failed.map { Problem(relativePath: $0.relativePath, path: $0.path, reason: $0.reason) }
    var skipped = found.skipped.map {
      Problem(relativePath: $0.relativePath, path: $0.path, reason: $0.reason)
    }
    var results: [(path: String, result: FileResult)] = []
    for (input, outcome) in zip(inputs, outcomes) {
      switch outcome {
      case .analysed(let r): results.append((input.relativePath, r))
      case .skipped(let why):
        skipped.append(Problem(relativePath: input.relativePath, path: input.path, reason: why))
      case .failed(let why):
        failed.append(Problem(relativePath: input.relativePath, path: input.path, reason: why))
      }
    }
    let byPath: (Problem, Problem) -> Bool = {
      $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8)
    }
    failed.sort(by: byPath)
    skipped.sort(by: byPath)

    // Outputs of files that are gone (or failed this time) go; then the combined files,
    // then the manifest, so that a kill before the end leaves the journal to resume from.
    OutputFolder.sweep(out, keeping: Set(results.map { $0.path + ".json" }))
    var tally = Tally()
    for (_, r) in results { tally.add(r.tally) }
    let reused = results.filter(\.result.reused).count
    let summary = BatchSummary(
      rulesFingerprint: settings.analyser.tagger.rules.fingerprint,
      total: inputs.count + found.failed.count + found.skipped.count, analysed: results.count, reused: reused,
      tally: tally, failed: failed.map { .init(path: $0.relativePath, reason: $0.reason) },
      skipped: skipped.map { .init(path: $0.relativePath, reason: $0.reason) })
    do throws(AtomicFile.Failure) {
      let documentRanges = try CombinedOutput.write(
        documentsPath, results.map(\.result.documentLines), previous: previousDocuments)
      let itemRanges = try CombinedOutput.write(
        itemsPath,
        [.rendered(Array(CSVRenderer.header(byteOrderMark: true).utf8))] + results.map(\.result.csvRows),
        previous: previousItems
      ).dropFirst()
      var manifest = Manifest()
      var newCache = ReuseCache()
      for ((path, r), (documents, items)) in zip(results, zip(documentRanges, itemRanges)) {
        manifest.files[path] = r.entry
        if var stamps = r.stamps {
          stamps.documents = documents
          stamps.items = items
          newCache.files[path] = stamps
        }
      }
      if let documents = FileStamp.of(documentsPath), let items = FileStamp.of(itemsPath) {
        newCache.combined = ReuseCache.Combined(documents: documents, items: items)
      }
      try AtomicFile.write(
        summary.json(themes: settings.analyser.tagger.rules.themes.map(\.id)), to: out + "/summary.json")
      // The cache before the manifest: a kill between the two leaves the old manifest and
      // the journal, whose entries the cache's hashes must match to be used.
      try newCache.save(folder: out)
      try manifest.save(folder: out)
    } catch {
      console.err("Error: \(error.reason)\n")
      return CLI.ExitCode.failure
    }

    var report = ""
    for p in failed { report += "Error: \(p.path): \(p.reason)\n" }
    if !settings.quiet {
      for p in skipped { report += "Skipped: \(p.path): \(p.reason)\n" }
      report +=
        Progress.summary(
          analysed: results.count, reused: reused, seconds: Date().timeIntervalSince(started),
          documents: tally.documents, items: tally.items, failed: failed.count, skipped: skipped.count) + "\n"
    }
    if !report.isEmpty { console.err(report) }
    return failed.isEmpty ? CLI.ExitCode.success : BatchCommand.partialFailure
  }
}

/// Housekeeping in the output folder.
enum OutputFolder {
  /// Removes from `files/` every `.json` not in `keeping` (paths relative to `files/`),
  /// every temporary file a killed run left (there and at the top), and folders left
  /// empty. Nothing else is touched.
  static func sweep(_ out: String, keeping: Set<String>) {
    let fm = FileManager.default
    for name in (try? fm.contentsOfDirectory(atPath: out)) ?? [] where AtomicFile.isTemporary(name) {
      unlink(out + "/" + name)
    }
    if sweep(folder: out + "/files", relative: "", keeping: keeping) { rmdir(out + "/files") }
  }

  /// Returns whether the folder is empty afterwards.
  private static func sweep(folder: String, relative: String, keeping: Set<String>) -> Bool {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
    var left = names.count
    for name in names {
      let path = folder + "/" + name
      let rel = relative.isEmpty ? name : relative + "/" + name
      guard let info = FileID.lookup(path, follow: false) else { continue }
      if info.isDirectory {
        if sweep(folder: path, relative: rel, keeping: keeping), rmdir(path) == 0 { left -= 1 }
      } else if AtomicFile.isTemporary(name) || (name.hasSuffix(".json") && !keeping.contains(rel)) {
        if unlink(path) == 0 { left -= 1 }
      }
    }
    return left == 0
  }
}

import Foundation

/// Reads documents back from a batch's `documents.jsonl` (schema version 1).
public enum EvidenceLoader {
  /// One document per line; a line that does not parse is reported, not skipped silently.
  /// - Returns: the documents and, for each bad line, "line N: reason".
  public static func documents(jsonLines data: Data, source: String) -> (
    documents: [EvidenceDocument], problems: [String]
  ) {
    data.withUnsafeBytes { raw in
      nonisolated(unsafe) let bytes = raw.bindMemory(to: UInt8.self)
      // Runs of whole lines, read on all cores.
      let chunks = lineChunks(bytes, size: 1 << 20)
      let read = Parallel.map(chunks.count) { k in lines(bytes, chunks[k]) }
      var documents: [EvidenceDocument] = []
      var problems: [String] = []
      var linesBefore = 0
      for chunk in read {
        documents += chunk.documents
        for p in chunk.problems { problems.append("\(source): line \(linesBefore + p.line): \(p.reason)") }
        linesBefore += chunk.newlines
      }
      return (documents, problems)
    }
  }

  /// `bytes` cut after a newline about every `size` bytes.
  private static func lineChunks(_ bytes: UnsafeBufferPointer<UInt8>, size: Int) -> [Range<Int>] {
    var chunks: [Range<Int>] = []
    var start = 0
    while start < bytes.count {
      var end = min(start + size, bytes.count)
      while end < bytes.count, bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
      chunks.append(start..<end)
      start = end
    }
    return chunks
  }

  /// The documents of the lines in `range`, and the bad lines' numbers counted from 1 at
  /// the start of the range.
  private static func lines(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (
    documents: [EvidenceDocument], problems: [(line: Int, reason: String)], newlines: Int
  ) {
    var documents: [EvidenceDocument] = []
    var problems: [(line: Int, reason: String)] = []
    var newlines = 0
    var start = range.lowerBound
    while start < range.upperBound {
      let end =
        memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), range.upperBound - start).map {
          UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress!
        } ?? range.upperBound
      let line = newlines + 1
      if end < range.upperBound { newlines += 1 }
      defer { start = end + 1 }
      guard end > start else { continue }
      guard
        let object = (try? JSONScanner.parse(UnsafeBufferPointer(rebasing: bytes[start..<end])))?.object
      else {
        problems.append((line, "not a JSON object"))
        continue
      }
      if let d = document(object) {
        documents.append(d)
      } else {
        problems.append((line, "not a Scrutineer document (schema version 1)"))
      }
    }
    return (documents, problems, newlines)
  }

  static func document(_ o: ParsedJSON) -> EvidenceDocument? {
    guard o["schemaVersion"]?.int == JSONRenderer.schemaVersion, let kindName = o["kind"]?.string,
      let kind = DocumentKind(rawValue: kindName), let segments = o["segments"]?.array
    else { return nil }
    var items: [EvidenceItem] = []
    var kpis: [KPIReading] = []
    for s in segments where s.object != nil {
      guard let sk = s["kind"]?.string.flatMap(SegmentKind.init(rawValue:)) else { continue }
      for i in s["items"]?.array ?? [] where i.object != nil {
        if let k = i["kpi"]?.object {
          func text(_ key: String) -> String? { k[key]?.object?["text"]?.string }
          kpis.append(
            KPIReading(
              label: i["label"]?.string, indicator: k["indicator"]?.string ?? "",
              target: text("target"),
              tolerance: text("tolerance"), actual: text("actual"),
              outsideTolerance: k["outsideTolerance"]?.bool))
          continue
        }
        guard sk != .boilerplate && sk != .scope else { continue }
        let themeObjects = (i["themes"]?.array ?? []).compactMap(\.object)
        let themes = themeObjects.compactMap { $0["id"]?.string }
        var evidence: [String: [String]] = [:]
        var themePolarity: [String: Polarity] = [:]
        for t in themeObjects {
          guard let id = t["id"]?.string else { continue }
          themePolarity[id] = t["polarity"]?.string.flatMap(Polarity.init(rawValue:))
          evidence[id] = (t["evidence"]?.array ?? []).compactMap { $0.object?["text"]?.string }
        }
        items.append(
          EvidenceItem(
            number: i["number"]?.int ?? 0, segment: sk, text: i["text"]?.string ?? "", themes: themes,
            polarity: i["polarity"]?.string.flatMap(Polarity.init(rawValue:)) ?? .neutral,
            span: Span(start: i["start"]?.int ?? 0, end: i["end"]?.int ?? 0),
            response: i["response"]?.object?["text"]?.string, evidence: evidence,
            themePolarity: themePolarity))
      }
    }
    var d = EvidenceDocument(
      path: o["path"]?.string ?? "", kind: kind,
      authority: o["localAuthority"]?.string ?? "Unknown authority",
      date: o["date"]?.string.flatMap(ISODate.init(iso:)), title: o["title"]?.string, items: items,
      kpis: kpis)
    d.judgements = judgements(o["judgements"])
    return d
  }

  /// An object of strings as a dictionary; empty when it is anything else, or any value
  /// is not a string.
  private static func judgements(_ v: ParsedJSON?) -> [String: String] {
    guard let entries = v?.entries else { return [:] }
    var out: [String: String] = [:]
    for (key, value) in entries {
      guard let s = value.string else { return [:] }
      out[key] = s
    }
    return out
  }
}

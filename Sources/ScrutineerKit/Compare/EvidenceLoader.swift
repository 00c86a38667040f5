import Foundation

/// Reads documents back from a batch's `documents.jsonl` (schema version 1).
public enum EvidenceLoader {
  /// One document per line; a line that does not parse is reported, not skipped silently.
  /// - Returns: the documents and, for each bad line, "line N: reason".
  public static func documents(jsonLines data: Data, source: String) -> (
    documents: [EvidenceDocument], problems: [String]
  ) {
    var out: [EvidenceDocument] = []
    var problems: [String] = []
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var lineNumber = 0
      var start = 0
      while start <= bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        lineNumber += 1
        defer { start = end + 1 }
        guard end > start else { continue }
        guard
          case .object(let object)? = try? JSONScanner.parse(
            UnsafeBufferPointer(rebasing: bytes[start..<end]))
        else {
          problems.append("\(source): line \(lineNumber): not a JSON object")
          continue
        }
        if let d = document(object) {
          out.append(d)
        } else {
          problems.append("\(source): line \(lineNumber): not a Scrutineer document (schema version 1)")
        }
      }
    }
    return (out, problems)
  }

  static func document(_ o: ParsedJSONObject) -> EvidenceDocument? {
    guard o["schemaVersion"]?.int == JSONRenderer.schemaVersion, let kindName = o["kind"]?.string,
      let kind = DocumentKind(rawValue: kindName), let segments = o["segments"]?.array
    else { return nil }
    var items: [EvidenceItem] = []
    var kpis: [KPIReading] = []
    for case .object(let s) in segments {
      guard let sk = s["kind"]?.string.flatMap(SegmentKind.init(rawValue:)) else { continue }
      for case .object(let i) in s["items"]?.array ?? [] {
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
    guard let o = v?.object else { return [:] }
    var out: [String: String] = [:]
    for (key, value) in zip(o.keys, o.values) {
      guard let s = value.string else { return [:] }
      out[key] = s
    }
    return out
  }
}

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
    var lineNumber = 0
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      guard !line.isEmpty else { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
        problems.append("\(source): line \(lineNumber): not a JSON object")
        continue
      }
      if let d = document(object) {
        out.append(d)
      } else {
        problems.append("\(source): line \(lineNumber): not a Scrutineer document (schema version 1)")
      }
    }
    return (out, problems)
  }

  static func document(_ o: [String: Any]) -> EvidenceDocument? {
    guard o["schemaVersion"] as? Int == JSONRenderer.schemaVersion, let kindName = o["kind"] as? String,
      let kind = DocumentKind(rawValue: kindName), let segments = o["segments"] as? [[String: Any]]
    else { return nil }
    var items: [EvidenceItem] = []
    var kpis: [KPIReading] = []
    for s in segments {
      guard let sk = (s["kind"] as? String).flatMap(SegmentKind.init(rawValue:)) else { continue }
      for i in s["items"] as? [[String: Any]] ?? [] {
        if let k = i["kpi"] as? [String: Any] {
          func text(_ key: String) -> String? { (k[key] as? [String: Any])?["text"] as? String }
          kpis.append(
            KPIReading(
              label: i["label"] as? String, indicator: k["indicator"] as? String ?? "",
              target: text("target"),
              tolerance: text("tolerance"), actual: text("actual"),
              outsideTolerance: k["outsideTolerance"] as? Bool))
          continue
        }
        guard sk != .boilerplate && sk != .scope else { continue }
        let themeObjects = i["themes"] as? [[String: Any]] ?? []
        let themes = themeObjects.compactMap { $0["id"] as? String }
        var evidence: [String: [String]] = [:]
        var themePolarity: [String: Polarity] = [:]
        for t in themeObjects {
          guard let id = t["id"] as? String else { continue }
          themePolarity[id] = (t["polarity"] as? String).flatMap(Polarity.init(rawValue:))
          evidence[id] = (t["evidence"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        }
        items.append(
          EvidenceItem(
            number: i["number"] as? Int ?? 0, segment: sk, text: i["text"] as? String ?? "", themes: themes,
            polarity: (i["polarity"] as? String).flatMap(Polarity.init(rawValue:)) ?? .neutral,
            span: Span(start: i["start"] as? Int ?? 0, end: i["end"] as? Int ?? 0),
            response: (i["response"] as? [String: Any])?["text"] as? String, evidence: evidence,
            themePolarity: themePolarity))
      }
    }
    var d = EvidenceDocument(
      path: o["path"] as? String ?? "", kind: kind,
      authority: o["localAuthority"] as? String ?? "Unknown authority",
      date: (o["date"] as? String).flatMap(ISODate.init(iso:)), title: o["title"] as? String, items: items,
      kpis: kpis)
    d.judgements = o["judgements"] as? [String: String] ?? [:]
    return d
  }
}

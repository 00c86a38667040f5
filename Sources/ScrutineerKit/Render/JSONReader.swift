import Foundation

/// Reads back what `JSONRenderer.renderFile` wrote, so a stored result can stand in for a
/// new analysis (`batch` reuses the per-file JSON of files that have not changed).
///
/// The round trip is exact for everything the schema holds: `renderFile`,
/// `documentLine` and `CSVRenderer` give the same bytes for the file read back as for the
/// file analysed. What the schema does not hold comes back empty: the rules that fired
/// for polarity and quantifier, the themes an `unless` rule took away, and the cue
/// scores (the workings only `--explain` shows).
public enum JSONReader {
  /// The file a `renderFile` object describes, or `nil` when `data` is not one: another
  /// schema version, an unknown kind or grade, a damaged or truncated file.
  /// - Complexity: O(*n*) in the size of `data`.
  public static func file(from data: Data) -> AnalysedFile? {
    guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      int(root["schemaVersion"]) == JSONRenderer.schemaVersion,
      let path = root["path"] as? String, let encoding = root["encoding"] as? String,
      let bytes = int(root["bytes"]), let docs = root["documents"] as? [Any]
    else { return nil }
    var documents: [Document] = []
    for d in docs {
      guard let object = d as? [String: Any], let document = document(object) else { return nil }
      documents.append(document)
    }
    return AnalysedFile(path: path, encoding: encoding, byteCount: bytes, documents: documents)
  }

  static func document(_ o: [String: Any]) -> Document? {
    guard let kindName = o["kind"] as? String, let kind = DocumentKind(rawValue: kindName),
      let span = span(o), let segs = o["segments"] as? [Any]
    else { return nil }
    var m = Metadata()
    m.title = o["title"] as? String
    m.localAuthority = o["localAuthority"] as? String
    m.date = (o["date"] as? String).flatMap(ISODate.init(iso:))
    m.dateBasis = (o["dateBasis"] as? String).flatMap(DateBasis.init(rawValue:))
    m.visitDates = ((o["visitDates"] as? [Any]) ?? []).compactMap {
      ($0 as? String).flatMap(ISODate.init(iso:))
    }
    m.visitNumber = int(o["visitNumber"])
    if let p = o["previousJudgement"] as? [String: Any] {
      guard let g = (p["grade"] as? String).flatMap(Grade.init(rawValue:)) else { return nil }
      m.previousJudgement = PreviousJudgement(
        grade: g, date: (p["date"] as? String).flatMap(ISODate.init(iso:)))
    }
    m.inspectors = ((o["inspectors"] as? [Any]) ?? []).compactMap { $0 as? String }
    if let r = o["recipient"] as? [String: Any] {
      guard let name = r["name"] as? String else { return nil }
      m.recipient = Recipient(name: name, role: r["role"] as? String)
    }
    for (key, value) in (o["judgements"] as? [String: Any]) ?? [:] {
      guard let area = JudgementArea(rawValue: key), let g = (value as? String).flatMap(Grade.init(rawValue:))
      else { return nil }
      m.judgements[area] = g
    }
    var segments: [Segment] = []
    for s in segs {
      guard let so = s as? [String: Any], let segment = segment(so) else { return nil }
      segments.append(segment)
    }
    return Document(kind: kind, span: span, metadata: m, segments: segments)
  }

  static func segment(_ o: [String: Any]) -> Segment? {
    guard let kindName = o["kind"] as? String, let kind = SegmentKind(rawValue: kindName), let span = span(o),
      let rawItems = o["items"] as? [Any]
    else { return nil }
    var items: [Item] = []
    for i in rawItems {
      guard let io = i as? [String: Any], let item = item(io) else { return nil }
      items.append(item)
    }
    return Segment(kind: kind, heading: o["heading"] as? String, span: span, items: items)
  }

  static func item(_ o: [String: Any]) -> Item? {
    guard let text = o["text"] as? String, let span = span(o), let number = int(o["number"]) else {
      return nil
    }
    var item = Item(text: text, span: span, label: o["label"] as? String)
    item.number = number
    if let r = o["response"] as? [String: Any] {
      guard let t = r["text"] as? String, let s = Self.span(r) else { return nil }
      item.response = Response(text: t, span: s)
    }
    if let themes = o["themes"] as? [Any] {
      var a = ItemAnalysis()
      for t in themes {
        guard let to = t as? [String: Any], let id = to["id"] as? String, let ev = to["evidence"] as? [Any]
        else { return nil }
        var evidence: [Evidence] = []
        for e in ev {
          guard let eo = e as? [String: Any], let rule = eo["rule"] as? String, let s = Self.span(eo),
            let words = eo["text"] as? String
          else { return nil }
          evidence.append(Evidence(rule: rule, span: s, text: words))
        }
        let polarity = (to["polarity"] as? String).flatMap(Polarity.init(rawValue:)) ?? .neutral
        a.themes.append(ThemeTag(id: id, evidence: evidence, polarity: polarity))
      }
      guard let p = (o["polarity"] as? String).flatMap(Polarity.init(rawValue:)) else { return nil }
      a.polarity = p
      if let q = o["quantifier"] as? String {
        guard let quantifier = Quantifier(rawValue: q) else { return nil }
        a.quantifier = quantifier
      }
      item.analysis = a
    }
    if let k = o["kpi"] as? [String: Any] {
      guard let kpi = kpi(k) else { return nil }
      item.kpi = kpi
    }
    return item
  }

  static func kpi(_ o: [String: Any]) -> KPIRow? {
    guard let indicator = o["indicator"] as? String else { return nil }
    var tolerance: MeasureRange?
    if let t = o["tolerance"] as? [String: Any] {
      guard let low = double(t["low"]), let high = double(t["high"]), let unit = t["unit"] as? String,
        let text = t["text"] as? String
      else { return nil }
      tolerance = MeasureRange(
        low: Measure(value: low, unit: unit, text: ""), high: Measure(value: high, unit: unit, text: ""),
        text: text)
    }
    return KPIRow(
      indicator: indicator, target: measure(o["target"]), tolerance: tolerance, actual: measure(o["actual"]))
  }

  static func measure(_ v: Any?) -> Measure? {
    guard let o = v as? [String: Any], let value = double(o["value"]), let unit = o["unit"] as? String,
      let text = o["text"] as? String
    else { return nil }
    return Measure(value: value, unit: unit, text: text)
  }

  static func span(_ o: [String: Any]) -> Span? {
    guard let s = int(o["start"]), let e = int(o["end"]) else { return nil }
    return Span(start: s, end: e)
  }

  static func int(_ v: Any?) -> Int? {
    if let n = v as? Int { return n }
    if let n = v as? NSNumber { return n.intValue }
    return nil
  }

  static func double(_ v: Any?) -> Double? {
    if let d = v as? Double { return d }
    if let n = v as? Int { return Double(n) }
    if let n = v as? NSNumber { return n.doubleValue }
    return nil
  }
}

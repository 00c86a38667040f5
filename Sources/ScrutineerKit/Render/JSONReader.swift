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
    let parsed = data.withUnsafeBytes { try? JSONScanner.parse($0.bindMemory(to: UInt8.self)) }
    guard let root = parsed?.object, root["schemaVersion"]?.int == JSONRenderer.schemaVersion,
      let path = root["path"]?.string, let encoding = root["encoding"]?.string,
      let bytes = root["bytes"]?.int, let docs = root["documents"]?.array
    else { return nil }
    var documents: [Document] = []
    for d in docs {
      guard let object = d.object, let document = document(object) else { return nil }
      documents.append(document)
    }
    return AnalysedFile(path: path, encoding: encoding, byteCount: bytes, documents: documents)
  }

  static func document(_ o: ParsedJSON) -> Document? {
    guard let kindName = o["kind"]?.string, let kind = DocumentKind(rawValue: kindName),
      let span = span(o), let segs = o["segments"]?.array
    else { return nil }
    var m = Metadata()
    m.title = o["title"]?.string
    m.localAuthority = o["localAuthority"]?.string
    m.date = o["date"]?.string.flatMap(ISODate.init(iso:))
    m.dateBasis = o["dateBasis"]?.string.flatMap(DateBasis.init(rawValue:))
    m.visitDates = ((o["visitDates"]?.array) ?? []).compactMap {
      $0.string.flatMap(ISODate.init(iso:))
    }
    m.visitNumber = o["visitNumber"]?.int
    if let p = o["previousJudgement"]?.object {
      guard let g = p["grade"]?.string.flatMap(Grade.init(rawValue:)) else { return nil }
      m.previousJudgement = PreviousJudgement(
        grade: g, date: p["date"]?.string.flatMap(ISODate.init(iso:)))
    }
    m.inspectors = ((o["inspectors"]?.array) ?? []).compactMap(\.string)
    if let r = o["recipient"]?.object {
      guard let name = r["name"]?.string else { return nil }
      m.recipient = Recipient(name: name, role: r["role"]?.string)
    }
    for (key, value) in o["judgements"]?.entries ?? [] {
      guard let area = JudgementArea(rawValue: key), let g = value.string.flatMap(Grade.init(rawValue:))
      else { return nil }
      m.judgements[area] = g
    }
    var segments: [Segment] = []
    for s in segs {
      guard let so = s.object, let segment = segment(so) else { return nil }
      segments.append(segment)
    }
    return Document(kind: kind, span: span, metadata: m, segments: segments)
  }

  static func segment(_ o: ParsedJSON) -> Segment? {
    guard let kindName = o["kind"]?.string, let kind = SegmentKind(rawValue: kindName), let span = span(o),
      let rawItems = o["items"]?.array
    else { return nil }
    var items: [Item] = []
    for i in rawItems {
      guard let io = i.object, let item = item(io) else { return nil }
      items.append(item)
    }
    return Segment(kind: kind, heading: o["heading"]?.string, span: span, items: items)
  }

  static func item(_ o: ParsedJSON) -> Item? {
    guard let text = o["text"]?.string, let span = span(o), let number = o["number"]?.int else {
      return nil
    }
    var item = Item(text: text, span: span, label: o["label"]?.string)
    item.number = number
    if let r = o["response"]?.object {
      guard let t = r["text"]?.string, let s = Self.span(r) else { return nil }
      item.response = Response(text: t, span: s)
    }
    if let themes = o["themes"]?.array {
      var a = ItemAnalysis()
      for t in themes {
        guard let to = t.object, let id = to["id"]?.string, let ev = to["evidence"]?.array
        else { return nil }
        var evidence: [Evidence] = []
        for e in ev {
          guard let eo = e.object, let rule = eo["rule"]?.string, let s = Self.span(eo),
            let words = eo["text"]?.string
          else { return nil }
          evidence.append(Evidence(rule: rule, span: s, text: words))
        }
        let polarity = (to["polarity"]?.string).flatMap(Polarity.init(rawValue:)) ?? .neutral
        a.themes.append(ThemeTag(id: id, evidence: evidence, polarity: polarity))
      }
      guard let p = o["polarity"]?.string.flatMap(Polarity.init(rawValue:)) else { return nil }
      a.polarity = p
      if let q = o["quantifier"]?.string {
        guard let quantifier = Quantifier(rawValue: q) else { return nil }
        a.quantifier = quantifier
      }
      item.analysis = a
    }
    if let k = o["kpi"]?.object {
      guard let kpi = kpi(k) else { return nil }
      item.kpi = kpi
    }
    return item
  }

  static func kpi(_ o: ParsedJSON) -> KPIRow? {
    guard let indicator = o["indicator"]?.string else { return nil }
    var tolerance: MeasureRange?
    if let t = o["tolerance"]?.object {
      guard let low = t["low"]?.double, let high = t["high"]?.double, let unit = t["unit"]?.string,
        let text = t["text"]?.string
      else { return nil }
      tolerance = MeasureRange(
        low: Measure(value: low, unit: unit, text: ""), high: Measure(value: high, unit: unit, text: ""),
        text: text)
    }
    return KPIRow(
      indicator: indicator, target: measure(o["target"]), tolerance: tolerance, actual: measure(o["actual"]))
  }

  static func measure(_ v: ParsedJSON?) -> Measure? {
    guard let o = v?.object, let value = o["value"]?.double, let unit = o["unit"]?.string,
      let text = o["text"]?.string
    else { return nil }
    return Measure(value: value, unit: unit, text: text)
  }

  static func span(_ o: ParsedJSON) -> Span? {
    guard let s = o["start"]?.int, let e = o["end"]?.int else { return nil }
    return Span(start: s, end: e)
  }
}

/// Renders analysed files as JSON in the versioned schema documented in the README.
public enum JSONRenderer {
  /// The version of the JSON schema; it changes whenever a field changes meaning.
  public static let schemaVersion = 1

  /// The whole output of `analyse --format json`: `{"schemaVersion": 1, "files": [...]}`.
  public static func render(_ files: [AnalysedFile], pretty: Bool = true) -> String {
    var w = JSONWriter(pretty: pretty)
    w.beginObject()
    w.key("schemaVersion")
    w.int(schemaVersion)
    w.key("files")
    w.beginArray()
    for f in files { write(f, into: &w) }
    w.endArray()
    w.endObject()
    return w.output + (pretty ? "\n" : "")
  }

  /// One file as an object of its own, for `batch`'s `files/<path>.json`: the shape of
  /// one element of `render`'s `files`, with `schemaVersion` first.
  ///
  /// `JSONReader.file(from:)` reads it back.
  public static func renderFile(_ file: AnalysedFile, pretty: Bool = true) -> String {
    String(decoding: renderFileBytes(file, pretty: pretty), as: UTF8.self)
  }

  /// `renderFile` as UTF-8 bytes, for writing straight to a file.
  package static func renderFileBytes(_ file: AnalysedFile, pretty: Bool = true) -> [UInt8] {
    var w = JSONWriter(pretty: pretty)
    w.beginObject()
    w.key("schemaVersion")
    w.int(schemaVersion)
    writeFileFields(file, into: &w)
    w.endObject()
    if pretty { w.endLine() }
    return w.outputBytes
  }

  /// One document as a single line of JSON (for `documents.jsonl`), with its file.
  public static func documentLine(_ document: Document, file: AnalysedFile) -> String {
    var w = JSONWriter(pretty: false)
    writeDocumentLine(document, file: file, into: &w)
    return w.output
  }

  /// Every document of the file as `documentLine` gives it, each followed by a line feed,
  /// as UTF-8 bytes.
  package static func documentLineBytes(_ file: AnalysedFile) -> [UInt8] {
    var w = JSONWriter(pretty: false)
    for d in file.documents {
      writeDocumentLine(d, file: file, into: &w)
      w.endJSONLine()
    }
    return w.outputBytes
  }

  private static func writeDocumentLine(_ document: Document, file: AnalysedFile, into w: inout JSONWriter) {
    w.beginObject()
    w.key("schemaVersion")
    w.int(schemaVersion)
    w.field("path", file.path)
    writeDocumentFields(document, into: &w)
    w.endObject()
  }

  static func write(_ f: AnalysedFile, into w: inout JSONWriter) {
    w.beginObject()
    writeFileFields(f, into: &w)
    w.endObject()
  }

  static func writeFileFields(_ f: AnalysedFile, into w: inout JSONWriter) {
    w.field("path", f.path)
    w.field("encoding", f.encoding)
    w.field("bytes", f.byteCount)
    w.key("documents")
    w.beginArray()
    for d in f.documents {
      w.beginObject()
      writeDocumentFields(d, into: &w)
      w.endObject()
    }
    w.endArray()
  }

  static func writeDocumentFields(_ d: Document, into w: inout JSONWriter) {
    let m = d.metadata
    w.field("kind", d.kind.rawValue)
    w.field("start", d.span.start)
    w.field("end", d.span.end)
    w.field("title", m.title)
    w.field("localAuthority", m.localAuthority)
    w.field("date", m.date?.description)
    w.field("dateBasis", m.dateBasis?.rawValue)
    w.field("visitDates", m.visitDates.map(\.description))
    w.field("visitNumber", m.visitNumber)
    w.key("previousJudgement")
    if let p = m.previousJudgement {
      w.beginObject()
      w.field("grade", p.grade.rawValue)
      w.field("date", p.date?.description)
      w.endObject()
    } else {
      w.null()
    }
    w.field("inspectors", m.inspectors)
    w.key("recipient")
    if let r = m.recipient {
      w.beginObject()
      w.field("name", r.name)
      w.field("role", r.role)
      w.endObject()
    } else {
      w.null()
    }
    w.key("judgements")
    w.beginObject()
    for area in JudgementArea.allCases {
      if let g = m.judgements[area] {
        w.key(text: area.rawValue)
        w.string(g.rawValue)
      }
    }
    w.endObject()
    w.key("segments")
    w.beginArray()
    for s in d.segments {
      w.beginObject()
      w.field("kind", s.kind.rawValue)
      w.field("heading", s.heading)
      w.field("start", s.span.start)
      w.field("end", s.span.end)
      w.key("items")
      w.beginArray()
      for item in s.items {
        writeItem(item, number: item.number, into: &w)
      }
      w.endArray()
      w.endObject()
    }
    w.endArray()
    w.key("kpis")
    w.beginArray()
    for s in d.segments where s.kind == .kpis {
      for item in s.items {
        guard let k = item.kpi else { continue }
        w.beginObject()
        w.field("label", item.label)
        writeKPI(k, into: &w)
        w.field("start", item.span.start)
        w.field("end", item.span.end)
        w.endObject()
      }
    }
    w.endArray()
  }

  static func writeItem(_ item: Item, number: Int, into w: inout JSONWriter) {
    w.beginObject()
    w.field("number", number)
    w.field("label", item.label)
    w.field("text", item.text)
    w.field("start", item.span.start)
    w.field("end", item.span.end)
    if let r = item.response {
      w.key("response")
      w.beginObject()
      w.field("text", r.text)
      w.field("start", r.span.start)
      w.field("end", r.span.end)
      w.endObject()
    }
    if let a = item.analysis {
      w.key("themes")
      w.beginArray()
      for t in a.themes {
        w.beginObject()
        w.field("id", t.id)
        w.field("polarity", t.polarity.rawValue)
        w.key("evidence")
        w.beginArray()
        for e in t.evidence {
          w.beginObject()
          w.field("rule", e.rule)
          w.field("start", e.span.start)
          w.field("end", e.span.end)
          w.field("text", e.text)
          w.endObject()
        }
        w.endArray()
        w.endObject()
      }
      w.endArray()
      w.field("polarity", a.polarity.rawValue)
      w.field("quantifier", a.quantifier?.rawValue)
    }
    if let k = item.kpi {
      w.key("kpi")
      w.beginObject()
      writeKPI(k, into: &w)
      w.endObject()
    }
    w.endObject()
  }

  static func writeKPI(_ k: KPIRow, into w: inout JSONWriter) {
    w.field("indicator", k.indicator)
    func measure(_ name: StaticString, _ m: Measure?) {
      w.key(name)
      guard let m else { return w.null() }
      w.beginObject()
      w.key("value")
      w.double(m.value)
      w.field("unit", m.unit)
      w.field("text", m.text)
      w.endObject()
    }
    measure("target", k.target)
    w.key("tolerance")
    if let t = k.tolerance {
      w.beginObject()
      w.key("low")
      w.double(t.low.value)
      w.key("high")
      w.double(t.high.value)
      w.field("unit", t.high.unit)
      w.field("text", t.text)
      w.endObject()
    } else {
      w.null()
    }
    measure("actual", k.actual)
    w.key("outsideTolerance")
    if let o = k.outsideTolerance { w.bool(o) } else { w.null() }
  }
}

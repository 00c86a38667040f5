import Foundation
import ScrutineerKit

/// Gold annotations (see Corpus/gold/FORMAT.md) and their comparison with the parser.
struct GoldFile {
  struct Item {
    var start: Int
    var words: String
    var responseStart: Int?
    var target: String?
    var tolerance: String?
    var actual: String?
  }
  struct Segment {
    var kind: String
    var heading: String?
    var items: [Item]?
  }
  struct Document {
    var start: Int
    var fields: [String: Any]
    var segments: [Segment]
  }

  var file: String
  var documents: [Document]

  init(url: URL) throws {
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    file = json["file"] as! String
    documents = (json["documents"] as! [[String: Any]]).map { d in
      let segments = (d["segments"] as? [[String: Any]] ?? []).map { s in
        Segment(
          kind: s["kind"] as! String, heading: s["heading"] as? String,
          items: (s["items"] as? [[String: Any]])?.map { i in
            Item(
              start: i["start"] as! Int, words: i["words"] as? String ?? "",
              responseStart: (i["response"] as? [String: Any])?["start"] as? Int,
              target: i["target"] as? String, tolerance: i["tolerance"] as? String,
              actual: i["actual"] as? String)
          })
      }
      return Document(start: d["start"] as? Int ?? 0, fields: d, segments: segments)
    }
  }
}

/// Counts of matched, predicted and gold items by segment kind.
struct Score {
  var matched: [String: Int] = [:]
  var predicted: [String: Int] = [:]
  var gold: [String: Int] = [:]
  var failures: [String] = []

  static let measured = [
    "findings", "areas-for-improvement", "priority-actions", "recommendations", "questions", "kpis",
  ]

  func precision(_ k: String) -> Double {
    let p = predicted[k, default: 0]
    return p == 0 ? (gold[k, default: 0] == 0 ? 1 : 0) : Double(matched[k, default: 0]) / Double(p)
  }

  func recall(_ k: String) -> Double {
    let g = gold[k, default: 0]
    return g == 0 ? 1 : Double(matched[k, default: 0]) / Double(g)
  }

  func table(title: String) -> String {
    var out = "\(title)\n  kind                    gold  found  matched  precision  recall\n"
    for k in Self.measured where gold[k, default: 0] + predicted[k, default: 0] > 0 {
      out += "  " + k.padding(toLength: 22, withPad: " ", startingAt: 0)
      out += String(
        format: "%6d %6d %8d %10.3f %7.3f\n", gold[k, default: 0], predicted[k, default: 0],
        matched[k, default: 0], precision(k), recall(k))
    }
    return out
  }
}

enum GoldComparison {
  /// Compares the parser's output for one source with its gold, adding to `score`.
  static func compare(_ gold: GoldFile, source: URL, score: inout Score) throws {
    let text = try String(contentsOf: source, encoding: .utf8)
    let bytes = Array(text.utf8)
    let documents = DocumentParser.parse(text)
    let name = source.lastPathComponent
    if documents.count != gold.documents.count {
      score.failures.append("\(name): \(documents.count) documents, gold has \(gold.documents.count)")
    }
    for (k, g) in gold.documents.enumerated() where k < documents.count {
      let d = documents[k]
      let label = "\(name) document \(k + 1)"
      var firstContent = d.span.start
      while firstContent < bytes.count, [0x20, 0x0A, 0x0D, 0x09, 0x0C].contains(bytes[firstContent]) {
        firstContent += 1
      }
      if firstContent != g.start {
        score.failures.append("\(label): starts at \(firstContent), gold \(g.start)")
      }
      checkMetadata(d, g, label: label, score: &score)
      compareItems(d, g, bytes: bytes, label: label, score: &score)
    }
  }

  static func checkMetadata(
    _ d: ScrutineerKit.Document, _ g: GoldFile.Document, label: String, score: inout Score
  ) {
    let m = d.metadata
    func expect(_ field: String, _ actual: String?, _ expected: String?) {
      if actual != expected {
        score.failures.append("\(label): \(field) is \(actual ?? "nil"), gold \(expected ?? "nil")")
      }
    }
    expect("kind", d.kind.rawValue, g.fields["kind"] as? String)
    expect("localAuthority", m.localAuthority, g.fields["localAuthority"] as? String)
    let goldBasis = g.fields["dateBasis"] as? String
    if goldBasis == "inferred", let gd = (g.fields["date"] as? String).flatMap(ISODate.init(iso:)) {
      // An inferred date is right within three months.
      if let md = m.date, abs(md.dayNumber - gd.dayNumber) <= 92 {
      } else {
        score.failures.append("\(label): inferred date \(m.date?.description ?? "nil"), gold \(gd)")
      }
    } else {
      expect("date", m.date?.description, g.fields["date"] as? String)
      expect("dateBasis", m.dateBasis?.rawValue, goldBasis)
    }
    expect(
      "visitDates", m.visitDates.map(\.description).joined(separator: ","),
      (g.fields["visitDates"] as? [String] ?? []).joined(separator: ","))
    expect("visitNumber", m.visitNumber.map(String.init), (g.fields["visitNumber"] as? Int).map(String.init))
    let pj = g.fields["previousJudgement"] as? [String: Any]
    expect(
      "previousJudgement", m.previousJudgement.map { "\($0.grade.rawValue) \($0.date?.description ?? "")" },
      pj.map { "\($0["grade"] as? String ?? "") \($0["date"] as? String ?? "")" })
    let inspectors = g.fields["inspectors"] as? [String] ?? []
    expect("lead inspector", m.inspectors.first, inspectors.first)
    expect(
      "inspectors", m.inspectors.sorted().joined(separator: ", "), inspectors.sorted().joined(separator: ", ")
    )
    let recipient = g.fields["recipient"] as? [String: Any]
    expect("recipient", m.recipient?.name, recipient?["name"] as? String)
    if let judgements = g.fields["judgements"] as? [String: String] {
      for (area, grade) in judgements.sorted(by: { $0.key < $1.key }) {
        expect(
          "judgement \(area)", JudgementArea(rawValue: area).flatMap { m.judgements[$0]?.rawValue }, grade)
      }
    }
  }

  static func compareItems(
    _ d: ScrutineerKit.Document, _ g: GoldFile.Document, bytes: [UInt8], label: String, score: inout Score
  ) {
    // Predicted items by kind.
    var predicted: [String: [Item]] = [:]
    for s in d.segments where Score.measured.contains(s.kind.rawValue) {
      predicted[s.kind.rawValue, default: []] += s.items
    }
    var goldItems: [String: [GoldFile.Item]] = [:]
    for s in g.segments where Score.measured.contains(s.kind) {
      goldItems[s.kind, default: []] += s.items ?? []
    }
    for kind in Score.measured {
      let p = predicted[kind] ?? []
      let gi = goldItems[kind] ?? []
      score.predicted[kind, default: 0] += p.count
      score.gold[kind, default: 0] += gi.count
      var used = Set<Int>()
      for item in gi {
        // The predicted item whose span starts at or just before the gold words (a
        // bullet or number may precede them).
        guard
          let idx = p.indices.first(where: {
            !used.contains($0) && p[$0].span.start <= item.start && item.start < p[$0].span.start + 16
              && item.start < p[$0].span.end
          })
        else {
          score.failures.append("\(label): \(kind) item at \(item.start) '\(item.words)' not found")
          continue
        }
        let found = p[idx]
        if let rs = item.responseStart {
          guard let r = found.response, r.span.start <= rs, rs < r.span.start + 24 else {
            score.failures.append(
              "\(label): response at \(rs) for '\(item.words)' not found (got \(found.response?.span.start ?? -1))"
            )
            continue
          }
        }
        if kind == "kpis", item.target != nil || item.actual != nil, found.kpi == nil {
          score.failures.append("\(label): KPI '\(item.words)' has no parsed cells")
          continue
        }
        if kind == "kpis", let kpi = found.kpi {
          if let t = item.target, kpi.target?.text != t {
            score.failures.append(
              "\(label): KPI '\(item.words)' target \(kpi.target?.text ?? "nil"), gold \(t)")
            continue
          }
          if let t = item.tolerance, kpi.tolerance?.text != t {
            score.failures.append(
              "\(label): KPI '\(item.words)' tolerance \(kpi.tolerance?.text ?? "nil"), gold \(t)")
            continue
          }
          if let t = item.actual, kpi.actual?.text != t {
            score.failures.append(
              "\(label): KPI '\(item.words)' actual \(kpi.actual?.text ?? "nil"), gold \(t)")
            continue
          }
        }
        used.insert(idx)
        score.matched[kind, default: 0] += 1
      }
      for (k, item) in p.enumerated() where !used.contains(k) {
        score.failures.append("\(label): extra \(kind) item at \(item.span.start) '\(item.text.prefix(40))'")
      }
    }
  }
}

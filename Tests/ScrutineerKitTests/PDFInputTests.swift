import Foundation
import Testing

@testable import ScrutineerKit

@Suite("PDF input through pdftotext")
struct PDFInputTests {
  static var pdftotext: Bool { ExternalProgram.find("pdftotext") != nil }
  static var available: Bool { Paths.sharedAvailable && pdftotext }

  /// The items of the findings and areas-for-improvement segments, as normalised text.
  static func items(_ text: String) -> [String] {
    var out: [String] = []
    for d in DocumentParser.parse(text) {
      for s in d.segments where s.kind == .findings || s.kind == .areasForImprovement {
        for item in s.items { out.append(normalise(item.text)) }
      }
    }
    return out
  }

  /// Curly and straight quotes and the hyphens pdftotext drops at line ends differ
  /// between the extractions; compare letters and digits only.
  static func normalise(_ s: String) -> String {
    String(
      s.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
  }

  @Test(
    "the focused-visit PDF gives the same items as its text extraction and seed 000",
    .enabled(if: available, "../shared/corpus or pdftotext is absent: PDF comparison skipped"))
  func focusedVisit() throws {
    let pdf = try InputReader().read(
      path: Paths.shared.appendingPathComponent("pdf/birmingham-2020-03-13-focused-visit.pdf").path)
    #expect(pdf.encoding == "PDF (pdftotext)")
    let fromPDF = Self.items(pdf.text)
    let fromText = Self.items(
      try String(
        contentsOf: Paths.shared.appendingPathComponent("ofsted/birmingham/2020-03-13-focused-visit.txt"),
        encoding: .utf8))
    let fromSeed = Self.items(
      try String(
        contentsOf: Paths.shared.appendingPathComponent("seeds/000_2156f1666e8b0600.txt"), encoding: .utf8))
    #expect(fromPDF.count == 18)
    #expect(fromPDF == fromText)
    // The seed was extracted differently: hyphenated words at line ends differ.
    #expect(fromPDF.count == fromSeed.count)
    for (a, b) in zip(fromPDF, fromSeed) { #expect(a.prefix(40) == b.prefix(40)) }
  }

  @Test(
    "every shared PDF reads, with its judgements",
    .enabled(if: available, "../shared/corpus or pdftotext is absent"))
  func reports() throws {
    for name in ["birmingham-2014-05-23-inspection.pdf", "birmingham-2019-01-17-inspection.pdf"] {
      let s = try InputReader().read(path: Paths.shared.appendingPathComponent("pdf/\(name)").path)
      let d = try #require(DocumentParser.parse(s.text).first)
      #expect(d.kind == .inspectionReport)
      #expect(d.metadata.localAuthority == "Birmingham")
      #expect(d.metadata.judgements[.overallEffectiveness] != nil)
      #expect(d.segments.contains { $0.kind.isImprovementList && !$0.items.isEmpty })
    }
  }

  @Test(
    "a truncated PDF and one with no text layer get one-line errors",
    .enabled(if: pdftotext, "pdftotext is absent"))
  func hostilePDFs() throws {
    let real = Paths.shared.appendingPathComponent("pdf/birmingham-2020-03-13-focused-visit.pdf")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scrutineer-pdf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // A PDF cut off after its header: pdftotext cannot read it.
    let truncated = dir.appendingPathComponent("truncated.pdf")
    let head = (try? Data(contentsOf: real).prefix(900)) ?? Data("%PDF-1.4\n1 0 obj\n<<".utf8)
    try head.write(to: truncated)
    #expect(throws: ScrutineerError.self) { try InputReader().read(path: truncated.path) }
    // A minimal valid PDF with an empty page: no text layer.
    let empty = dir.appendingPathComponent("scan.pdf")
    try Data(Self.emptyPagePDF.utf8).write(to: empty)
    do {
      _ = try InputReader().read(path: empty.path)
      Issue.record("an image-only PDF should be refused")
    } catch {
      #expect(
        error == .needsOCR(path: empty.path) || { if case .unreadable = error { true } else { false } }())
    }
  }

  /// A one-page PDF with no text, built by hand (offsets computed below).
  static let emptyPagePDF: String = {
    var objects = [
      "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
      "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n",
    ]
    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for o in objects {
      offsets.append(out.utf8.count)
      out += o
    }
    objects.removeAll()
    let xref = out.utf8.count
    out += "xref\n0 4\n0000000000 65535 f \n"
    for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
    out += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return out
  }()
}

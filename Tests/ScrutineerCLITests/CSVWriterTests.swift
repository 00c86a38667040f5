import Testing

@testable import ScrutineerKit

@Suite("CSV for spreadsheets: RFC 4180, formulas neutralised, a byte order mark")
struct CSVWriterTests {
  @Test func plainCellsStandAsTheyAre() {
    #expect(CSVWriter.cell("Wyverley") == "Wyverley")
    #expect(CSVWriter.cell("") == "")
    #expect(CSVWriter.cell("3.21") == "3.21")
    #expect(CSVWriter.cell("children’s services") == "children’s services")
  }

  @Test func commasQuotesAndLineBreaksAreQuoted() {
    #expect(CSVWriter.cell("help, protection") == "\"help, protection\"")
    #expect(CSVWriter.cell("the \"front door\"") == "\"the \"\"front door\"\"\"")
    #expect(CSVWriter.cell("one\ntwo") == "\"one\ntwo\"")
    #expect(CSVWriter.cell("a,\"\"") == "\"a,\"\"\"\"\"", "quotes at the end, one after another")
    #expect(CSVWriter.cell("one\r\ntwo") == "\"one\r\ntwo\"")
    #expect(
      CSVWriter.cell("\"\u{301}") == "\"\"\"\u{301}\"", "a quote with a combining mark is still doubled")
  }

  @Test func formulasAreNeutralised() {
    #expect(CSVWriter.cell("=SUM(A1:A9)") == "'=SUM(A1:A9)")
    #expect(CSVWriter.cell("+44 121") == "'+44 121")
    #expect(CSVWriter.cell("-2 percentage points") == "'-2 percentage points")
    #expect(CSVWriter.cell("@once") == "'@once")
    #expect(CSVWriter.cell("\tindented") == "'\tindented")
    #expect(CSVWriter.cell("\rreturn") == "\"'\rreturn\"")
    #expect(CSVWriter.cell("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
    #expect(CSVWriter.cell("a = b") == "a = b")
  }

  @Test func rowsEndInCRLF() {
    var w = CSVWriter()
    w.row(["a", "b,c", ""])
    w.row(["=1"])
    #expect(w.output == "a,\"b,c\",\r\n'=1\r\n")
  }

  @Test func theByteOrderMarkComesFirst() {
    let header = CSVRenderer.header(byteOrderMark: true)
    #expect(Array(header.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(
      header == "\u{FEFF}file,kind,authority,date,segment,item,text,themes,polarity,quantifier,start,end\r\n")
    #expect(
      CSVRenderer.header()
        == "file,kind,authority,date,segment,item,text,themes,polarity,quantifier,start,end\r\n")
  }

  @Test func oneRowPerItem() {
    var analysis = ItemAnalysis()
    analysis.themes = [ThemeTag(id: "thresholds", evidence: []), ThemeTag(id: "front-door", evidence: [])]
    analysis.polarity = .concern
    analysis.quantifier = .some
    var first = Item(
      text: "Some thresholds are not applied, \"consistently\".", span: Span(start: 10, end: 60))
    first.number = 1
    first.analysis = analysis
    var second = Item(text: "-5% against target", span: Span(start: 61, end: 80))
    second.number = 2
    var metadata = Metadata()
    metadata.localAuthority = "Wyverley"
    metadata.date = ISODate(year: 2020, month: 11, day: 27)
    let document = Document(
      kind: .focusedVisitLetter, span: Span(start: 0, end: 80), metadata: metadata,
      segments: [
        Segment(
          kind: .areasForImprovement, heading: nil, span: Span(start: 0, end: 80), items: [first, second])
      ])
    let file = AnalysedFile(path: "a/letter.txt", encoding: "UTF-8", byteCount: 80, documents: [document])
    #expect(
      CSVRenderer.rows(file)
        == "a/letter.txt,focused-visit-letter,Wyverley,2020-11-27,areas-for-improvement,1,"
        + "\"Some thresholds are not applied, \"\"consistently\"\".\",thresholds;front-door,concern,some,10,60\r\n"
        + "a/letter.txt,focused-visit-letter,Wyverley,2020-11-27,areas-for-improvement,2,'-5% against target,,,,61,80\r\n"
    )
  }
}

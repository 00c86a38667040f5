import Testing

@testable import ScrutineerKit

/// Segmentation cases written from the layouts the reports use, on fictional text.
@Suite("Segmentation of report layouts")
struct SegmentationTests {
  /// The opening of an older report, up to its list of areas for improvement.
  static let preamble = """
    Inspection of services for children in need of help and protection, children looked after and care leavers

    Inspection date: 12 May 2015 to 4 June 2015
    Lead inspector: Jane Smith HMI

    Summary of findings

    Children's services in Exampleshire require improvement.

    What does the local authority need to improve?

    Areas for improvement


    """

  /// Older reports number their areas for improvement straight through topic headings,
  /// one of which ("Leadership, management and governance") is also a findings heading;
  /// the strengths that follow carry the numbering on but open a new part.
  @Test func topicHeadingsInsideANumberedListKeepTheList() throws {
    let text =
      Self.preamble + """
        Planning for children who need protection
        1. Ensure that strategy meetings are held promptly when concerns escalate.
        2. Improve the quality of child protection plans so that they are specific.

        Leadership, management and governance
        3. Strengthen the quality assurance of casework so that audits lead to change.
        4. Ensure that supervision is regular and reflective.

        The local authority's strengths
        5. Senior leaders know their services well.
        6. Partners attend child protection conferences consistently.

        """
    let doc = try #require(DocumentParser.parse(text).first)
    let kinds = doc.segments.flatMap { s in s.items.compactMap { i in i.label.map { ($0, s.kind) } } }
    #expect(kinds.map(\.0) == ["1", "2", "3", "4", "5", "6"])
    #expect(kinds.prefix(4).allSatisfy { $0.1 == .areasForImprovement })
    #expect(kinds.suffix(2).allSatisfy { $0.1 == .findings })
  }

  /// Reports that number every paragraph carry the numbers into the findings: a heading
  /// followed by a finding, not an instruction, ends the list.
  @Test func numberedFindingsAfterTheListAreFindings() throws {
    let text =
      Self.preamble + """
        Planning for children who need protection
        1. Ensure that strategy meetings are held promptly when concerns escalate.

        Children who need help and protection
        2. Thresholds are understood and applied consistently by partners.

        """
    let doc = try #require(DocumentParser.parse(text).first)
    let kinds = doc.segments.flatMap { s in s.items.compactMap { i in i.label.map { ($0, s.kind) } } }
    #expect(kinds.map(\.0) == ["1", "2"])
    #expect(kinds.first?.1 == .areasForImprovement)
    #expect(kinds.last?.1 == .findings)
  }
}

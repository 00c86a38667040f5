import Testing

@testable import ScrutineerKit

/// Judgement tables as the reports lay them out, on fictional text.
@Suite("Judgement tables")
struct JudgementTableTests {
  static func judgements(_ text: String) -> [JudgementArea: Grade] {
    DocumentParser.parse(text).first?.metadata.judgements ?? [:]
  }

  /// Older combined reports grade plural subjects "Require improvement", each grade on a
  /// line of its own under its numbered area.
  @Test func pluralGradesUnderNumberedAreas() {
    let text = """
      Exampleshire County Council
      Inspection of services for children in need of help and
      protection, children looked after and care leavers
      Inspection date: 3 March 2015 – 26 March 2015
      Report published: 5 May 2015
      The overall judgement is that children’s services require
      improvement

      1. Children who need help and protection

      Require improvement

      2. Children looked after and achieving
      permanence

      Require improvement

      2.1 Adoption performance

      Good

      2.2 Experiences and progress of care leavers

      Require improvement to be good

      3. Leadership, management and governance

      Inadequate

      Lead inspector: Jane Smith HMI
      """
    let j = Self.judgements(text)
    #expect(j[.overallEffectiveness] == .requiresImprovement)
    #expect(j[.helpAndProtection] == .requiresImprovement)
    #expect(j[.childrenInCare] == .requiresImprovement)
    #expect(j[.adoption] == .good)
    #expect(j[.careLeavers] == .requiresImprovement)
    #expect(j[.leaders] == .inadequate)
  }

  /// The inspections of looked-after children's services of 2013 head the judgement
  /// with a title over two lines and give the grade on a third; their contents page
  /// lists the same title with a page number first.
  @Test func overallTitleWithItsGradeOnALaterLine() {
    let text = """
      Inspection of looked after children services
      Exampleshire County Council
      Inspection dates: 3 June 2013 to 7 June 2013
      Lead inspector: Jane Smith HMI

      Contents

      Overall effectiveness of services for looked after children and
      young people

      4

      Capacity to improve

      5

      Service information
      The county council looks after about 900 children and young people, placed in and out of the county.

      Overall effectiveness of services for looked
      after children and young people
      Grade 3 (adequate)
      1. The council meets its statutory duties for looked after children, and most children live in stable placements close to home.
      """
    #expect(Self.judgements(text)[.overallEffectiveness] == .adequate)
  }

  /// A sentence about the last inspection's overall judgement is not this report's.
  @Test func aPreviousOverallJudgementIsNotThisReports() {
    let text = """
      Inspection of Exampleshire local authority children’s services
      Inspection dates: 8 to 19 June 2026
      Lead inspector: Jane Smith, His Majesty’s Inspector
      Judgement

      Grade

      The impact of leaders on social work
      practice with children and families

      Good

      The experiences and progress of
      children who need help and protection

      Good

      Services have improved since the last inspection in 2022, when overall effectiveness
      was judged to require improvement to be good. Leaders know their services well.
      """
    let j = Self.judgements(text)
    #expect(j[.leaders] == .good)
    #expect(j[.helpAndProtection] == .good)
    #expect(j[.overallEffectiveness] == nil)
  }
}

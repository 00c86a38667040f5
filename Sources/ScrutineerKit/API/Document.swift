/// One document found in an input: a letter, a report, a paper.
///
/// A single file may hold several documents (a committee paper with Ofsted letters
/// appended). The documents of a file cover its text without gaps.
public struct Document: Hashable, Sendable {
  public var kind: DocumentKind
  /// The span of the whole document in the text.
  public var span: Span
  /// Metadata found in the text; absent fields stay `nil` or empty.
  public var metadata: Metadata
  /// The segments in order; they cover `span` without gaps or overlaps.
  public var segments: [Segment]

  public init(kind: DocumentKind, span: Span, metadata: Metadata, segments: [Segment]) {
    self.kind = kind
    self.span = span
    self.metadata = metadata
    self.segments = segments
  }

  /// Every item of every segment, in order.
  public var items: [Item] { segments.flatMap(\.items) }
}

/// What the text says about a document: who, when, about whom.
public struct Metadata: Hashable, Sendable {
  public var title: String?
  /// The local authority's short name ("Birmingham", not "Birmingham City Council").
  public var localAuthority: String?
  /// The document's date: printed, or else the last visit day, or else inferred.
  public var date: ISODate?
  public var dateBasis: DateBasis?
  /// Every day of the visit or inspection, in order.
  public var visitDates: [ISODate] = []
  /// "the sixth monitoring visit" gives 6.
  public var visitNumber: Int?
  /// "judged inadequate in November 2016".
  public var previousJudgement: PreviousJudgement?
  /// Inspectors by name, the lead inspector first.
  public var inspectors: [String] = []
  public var recipient: Recipient?
  /// Inspection judgements by area, for inspection reports.
  public var judgements: [JudgementArea: Grade] = [:]

  public init() {}
}

/// Which date a document's `date` is.
public enum DateBasis: String, Sendable {
  /// The document prints its own date.
  case printed
  /// No printed date: the last day of the visit or inspection.
  case visit
  /// Neither: the latest date the text reports as past.
  case inferred
}

/// An Ofsted grade.
public enum Grade: String, CaseIterable, Sendable {
  case outstanding
  case good
  case requiresImprovement = "requires-improvement"
  /// The grade below good before 2014.
  case adequate
  case inadequate
}

/// The areas Ofsted judges in an inspection.
public enum JudgementArea: String, CaseIterable, Sendable, Comparable {
  case overallEffectiveness
  case leaders
  case helpAndProtection
  case childrenInCare
  case careLeavers
  case adoption

  public static func < (lhs: JudgementArea, rhs: JudgementArea) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// The judgement a document reports from an earlier inspection.
public struct PreviousJudgement: Hashable, Sendable {
  public var grade: Grade
  public var date: ISODate?
}

/// The person a letter is addressed to.
public struct Recipient: Hashable, Sendable {
  public var name: String
  public var role: String?
}

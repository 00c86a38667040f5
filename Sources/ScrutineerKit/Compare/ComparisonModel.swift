/// What a comparison across years finds, per authority.
public struct Comparison: Sendable {
  public var authorities: [AuthorityComparison]
}

/// The status of a theme over an authority's series of documents, decided on what the
/// inspectorate wrote.
public enum ThemeStatus: String, Sendable {
  /// A concern in the latest document that mentions it, and in earlier ones.
  case persistent
  /// A concern earlier; in the latest document that mentions it, a strength or no concern.
  case resolved
  /// A concern only in the latest document.
  case new
  /// Still a concern, but the balance of strengths over concerns has risen.
  case improving
  /// The balance has fallen: praised before, criticised now, or more concerns than before.
  case worsening
  /// A concern when last mentioned, but the latest documents do not mention it.
  case unresolved
  /// Mentioned only as a strength or neutrally, never as a concern.
  case praised
  /// No inspectorate document mentions it.
  case notMentioned = "not-mentioned"
}

/// A quotation with its source.
public struct Quote: Hashable, Sendable {
  /// Index into `AuthorityComparison.documents`.
  public var document: Int
  public var item: Int
  public var text: String
  public var span: Span
  public var polarity: Polarity
  public var segment: SegmentKind
  /// How alike the quotation's wording is to what it is compared with (0 to 1).
  public var similarity: Double?
}

public struct AuthorityComparison: Sendable {
  public var authority: String
  /// In date order.
  public var documents: [EvidenceDocument]
  public var timeline: [ThemeTimeline]
  public var chains: [ConcernChain]
  public var followUps: [FollowUp]
  public var promises: [PromiseCheck]
  public var kpis: [KPISeries]
  public var questions: [MemberQuestion]
}

/// One theme across the documents.
public struct ThemeTimeline: Sendable {
  public struct Cell: Hashable, Sendable {
    public var concerns: Int
    public var strengths: Int
    public var mentions: Int
  }
  public var theme: String
  public var label: String
  /// One cell per document, in document order.
  public var cells: [Cell]
  public var status: ThemeStatus
}

/// Concerns on one subject raised in several documents.
public struct ConcernChain: Sendable {
  public var theme: String
  public var label: String
  /// One quotation per document that raised it, in date order.
  public var quotes: [Quote]
  public var firstRaised: ISODate?
  public var timesRaised: Int
  /// The latest thing the inspectorate said on the subject, if later than the last concern.
  public var latest: Quote?
  public var status: ThemeStatus
  /// "theme and wording" when the quotations also share wording above the threshold,
  /// "theme" when only the theme links them.
  public var linkedBy: String
}

/// What later documents say about an earlier recommendation or area for improvement.
public struct FollowUp: Sendable {
  public var recommendation: Quote
  public var themes: [String]
  /// The closest later item per later document, in date order.
  public var later: [Quote]
}

/// A promise in the authority's own documents beside what the next inspection found.
public struct PromiseCheck: Sendable {
  public var promise: Quote
  public var theme: String
  /// The next inspectorate document's items on the theme.
  public var findings: [Quote]
}

/// One KPI across committee papers.
public struct KPISeries: Sendable {
  public struct Reading: Sendable {
    public var document: Int
    public var actual: String?
    public var target: String?
    public var tolerance: String?
    public var outsideTolerance: Bool?
  }
  public var indicator: String
  public var readings: [Reading]
}

/// A question for members, written from the findings by template.
public struct MemberQuestion: Sendable {
  public var theme: String
  public var text: String
  public var evidence: [Quote]
}

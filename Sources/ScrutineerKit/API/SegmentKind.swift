/// The part of a document a segment is.
public enum SegmentKind: String, CaseIterable, Sendable {
  case overview
  /// Areas covered by the visit, evidence considered.
  case scope
  case findings
  /// "What needs to improve", "Areas for improvement".
  case areasForImprovement = "areas-for-improvement"
  /// "Areas for priority action", "Priority and immediate action".
  case priorityActions = "priority-actions"
  case recommendations
  /// A table of key performance indicators.
  case kpis
  /// Questions for members.
  case questions
  case background
  case achievements
  case nextSteps = "next-steps"
  /// Quotations in a press release or council statement.
  case quotes
  /// Addresses, salutations, sign-offs, publication notes, contents pages.
  case boilerplate
  case other

  /// Whether every item of the segment states something to improve.
  public var isImprovementList: Bool {
    self == .areasForImprovement || self == .priorityActions || self == .recommendations
  }
}

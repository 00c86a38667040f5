/// What a document is, as a researcher would file it.
public enum DocumentKind: String, CaseIterable, Sendable {
  case focusedVisitLetter = "focused-visit-letter"
  case monitoringVisitLetter = "monitoring-visit-letter"
  case inspectionReport = "inspection-report"
  case jtaiLetter = "jtai-letter"
  case councilResponse = "council-response"
  case newsRelease = "news-release"
  case committeePaper = "committee-paper"
  case improvementPlan = "improvement-plan"
  case other = "other"

  /// Whether the inspectorate wrote the document (as opposed to the authority).
  public var isInspectorate: Bool {
    switch self {
    case .focusedVisitLetter, .monitoringVisitLetter, .inspectionReport, .jtaiLetter: true
    default: false
    }
  }
}

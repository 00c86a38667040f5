/// Whether an item praises, criticises, does both, or only describes.
public enum Polarity: String, CaseIterable, Sendable {
  case strength
  case concern
  case mixed
  case neutral
}

/// Ofsted's scale of quantifiers, from all to none.
public enum Quantifier: String, CaseIterable, Sendable {
  case all
  case almostAll = "almost-all"
  case vastMajority = "vast-majority"
  case most
  case many
  case some
  case aSmallNumber = "a-small-number"
  case few
  case none
}

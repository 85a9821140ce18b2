/// The assessed status of one requirement.
public enum RequirementStatus: String, Sendable, CaseIterable {
  case met
  case partlyMet = "partly-met"
  case notMet = "not-met"
  case notApplicable = "not-applicable"
  case waived
  case notAssessed = "not-assessed"
  case expired

  /// Whether the status lets a level or conformance pass.
  public func passes(strict: Bool) -> Bool {
    switch self {
    case .met, .notApplicable: return true
    case .waived: return !strict
    case .partlyMet, .notMet, .notAssessed, .expired: return false
    }
  }

  /// Partial credit for the coverage score; nil for not applicable (out of the count).
  public func credit(strict: Bool) -> Double? {
    switch self {
    case .met: return 1
    case .waived: return strict ? 0 : 1
    case .partlyMet: return 0.5
    case .notApplicable: return nil
    case .notMet, .notAssessed, .expired: return 0
    }
  }

  /// Words for reports: "partly met".
  public var words: String {
    switch self {
    case .met: return "met"
    case .partlyMet: return "partly met"
    case .notMet: return "not met"
    case .notApplicable: return "not applicable"
    case .waived: return "waived"
    case .notAssessed: return "not assessed"
    case .expired: return "expired"
    }
  }
}

/// What decided a requirement's status.
public enum StatusBasis: String, Sendable {
  case notApplicable = "not-applicable"
  case metric
  case claim
  case rating
  case crosswalk
  case waiver
  case none
}

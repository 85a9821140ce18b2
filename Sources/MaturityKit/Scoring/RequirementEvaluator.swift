/// Decides each requirement's status from the bundle's own evidence, in the order the
/// evidence format documents: not applicable, metric, claim or rating, then (after the
/// crosswalk pass) waiver.
struct RequirementEvaluator {
  let bundle: EvidenceBundle
  let library: StandardsLibrary
  private let claims: [String: Claim]
  private let ratings: [String: Rating]
  private let metrics: [String: MetricValue]
  private let notApplicable: [String: NotApplicable]

  init(bundle: EvidenceBundle, library: StandardsLibrary) {
    self.bundle = bundle
    self.library = library
    claims = Dictionary(bundle.claims.map { ($0.requirementID, $0) }) { first, _ in first }
    ratings = Dictionary(bundle.ratings.map { ($0.subItemID, $0) }) { first, _ in first }
    metrics = Dictionary(bundle.metrics.map { ($0.name, $0) }) { first, _ in first }
    notApplicable = Dictionary(bundle.notApplicable.map { ($0.target.id, $0) }) { first, _ in
      first
    }
  }

  private var today: Day { bundle.scope.assessedOn }

  /// The status from the bundle's own evidence; `.notAssessed` when it has none.
  func direct(
    _ requirement: Requirement, subItem: Group, standard: Standard, ancestors: [String]
  ) -> RequirementResult {
    var result = RequirementResult(
      requirement: requirement, standardID: standard.id, subItemID: subItem.id,
      domainID: standard.domain.id, status: .notAssessed, basis: .none,
      reason: "no evidence", crosswalkPartners: [])
    if !notApplicable.isEmpty,
      let entry = notApplicable[requirement.id]
        ?? ancestors.lazy.compactMap({ notApplicable[$0] })
        .first
    {
      result.status = .notApplicable
      result.basis = .notApplicable
      result.reason = "not applicable: \(entry.reason)"
      return result
    }
    let statement = self.statement(for: requirement, subItem: subItem)
    if let rule = requirement.metric, let metric = metrics[rule.metric] {
      let isMet = rule.isSatisfied(by: metric.value)
      result.status = isMet ? .met : .notMet
      result.basis = .metric
      result.reason = Self.describe(metric, against: rule)
      if let statement, (statement.status == .met) != isMet {
        result.contradiction =
          "\(statement.source) says \(statement.status.words), but the metric decides"
          + " \(result.status.words)"
      }
      return result
    }
    if let statement {
      result.status = statement.status
      result.basis = statement.basis
      result.reason = statement.reason
      result.expires = statement.expires
    }
    return result
  }

  /// Applies a waiver in force to a requirement that is not met by its own evidence.
  func applyWaiver(to result: inout RequirementResult, waiver: Waiver?) {
    guard let waiver, ![.met, .notApplicable].contains(result.status) else { return }
    guard waiver.expires >= today else {
      result.reason += "; waiver expired on \(waiver.expires)"
      return
    }
    result.waiver = waiver
    result.reason =
      "waived by \(waiver.approver) until \(waiver.expires): \(waiver.reason)"
      + " (was \(result.status.words))"
    result.status = .waived
    result.basis = .waiver
  }

  static func describe(_ metric: MetricValue, against rule: MetricRule) -> String {
    var text = "metric \(metric.name) = \(metric.display), needs \(rule.condition)"
    if let source = metric.source {
      text += " [\(source)\(metric.figures.map { ": \($0)" } ?? "")]"
    }
    return text
  }

  // MARK: - Claims and ratings

  private struct Statement {
    var status: RequirementStatus
    var basis: StatusBasis
    var source: String
    var reason: String
    var expires: Day?
  }

  private func statement(for requirement: Requirement, subItem: Group) -> Statement? {
    if let claim = claims[requirement.id], let status = claim.status {
      let said = RequirementStatus(rawValue: status.rawValue) ?? .notMet
      var reason = "claim"
      if let reviewer = claim.attestation.reviewer { reason += " reviewed by \(reviewer)" }
      if let date = claim.attestation.date { reason += " on \(date)" }
      return judge(
        said, basis: .claim, source: "the claim", attestation: claim.attestation,
        reason: reason)
    }
    // A rating speaks for its level and those below; above it, it says nothing, so a
    // metric meeting a higher level's rule is no contradiction.
    guard let rating = ratings[subItem.id], let level = requirement.level, level <= rating.level
    else { return nil }
    let said: RequirementStatus = level == rating.level && rating.isPartial ? .partlyMet : .met
    return judge(
      said, basis: .rating, source: "the self-rating \(rating.notation)",
      attestation: rating.attestation, reason: "self-rating \(rating.notation) of \(subItem.id)")
  }

  private func judge(
    _ said: RequirementStatus, basis: StatusBasis, source: String, attestation: Attestation,
    reason: String
  ) -> Statement {
    var reason = reason
    if let note = attestation.note { reason += ": \(note)" }
    guard let expires = attestation.expires, expires < today else {
      return Statement(
        status: said, basis: basis, source: source, reason: reason,
        expires: attestation.expires)
    }
    return Statement(
      status: .expired, basis: basis, source: source,
      reason: "evidence expired on \(expires) (\(reason))", expires: expires)
  }
}

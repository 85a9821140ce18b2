/// The status of one requirement in one bundle, and why.
///
/// TODO: share `requirement` by reference: each copy of a result (into domain results,
/// the to-do list, evidence health) retains a dozen fields, the main cost of scoring in
/// docs/performance.md, which misses its ratio target of 3.
public struct RequirementResult: Sendable {
  public var requirement: Requirement
  public var standardID: String
  public var subItemID: String
  public var domainID: String
  public var status: RequirementStatus
  public var basis: StatusBasis
  /// Why, in one line: "metric ci_feedback_minutes = 42 min, needs ≤ 30 min".
  public var reason: String
  /// Set when a claim or rating says something else than the metric that decided.
  public var contradiction: String?
  /// Requirements of the other standard that gave the status through a crosswalk.
  public var crosswalkPartners: [String]
  /// When the evidence behind the status stops holding.
  public var expires: Day?
  public var waiver: Waiver?
  /// For a requirement its metric decided: the bands the metric's value falls in.
  public var bands: [BandPlacement] = []

  public var id: String { requirement.id }
}

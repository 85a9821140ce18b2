/// The scored result of one bundle against the loaded standards.
public struct Assessment: Sendable {
  public var bundlePath: String
  public var scope: Scope
  public var options: AssessmentOptions
  public var domains: [DomainResult]
  public var todo: [TodoItem]
  public var health: EvidenceHealth
  /// Every metric the bundle gives, with the requirements it decided.
  public var metrics: [MetricUse]
  /// The standards that took part, for the provenance lines of the report.
  public var standards: [Standard]
  /// The band sets whose bands rules in scope use, with their years and confidence.
  public var bandSets: [BandSet] = []
  /// Loaded domains left out: the bundle gives them no target and no evidence.
  public var domainsOutOfScope: [String] = []
}

/// A metric of the bundle and the requirements whose status it decided.
public struct MetricUse: Sendable {
  public var value: MetricValue
  /// Requirement ids, in the order of the report.
  public var decided: [String]
  /// The bands the value falls in, one per band set that covers the metric.
  public var bands: [BandPlacement] = []
}

/// Choices that change how statuses count.
public struct AssessmentOptions: Sendable, Hashable {
  /// Count waivers as not met.
  public var isStrict: Bool
  /// Evidence expiring within this many days after the assessment date is flagged.
  public var expiryWarningDays: Int
  /// The report year whose bands metrics are placed in; nil for each band set's latest. A
  /// year no set has places nothing.
  public var bandYear: Int?

  public init(isStrict: Bool = false, expiryWarningDays: Int = 30, bandYear: Int? = nil) {
    self.isStrict = isStrict
    self.expiryWarningDays = expiryWarningDays
    self.bandYear = bandYear
  }
}

/// One capability domain, seen through every standard that covers it.
public struct DomainResult: Sendable {
  public var id: String
  public var name: String
  public var nameZh: String?
  public var target: Int?
  public var standards: [StandardResult]
}

/// One standard's verdict on one domain.
public struct StandardResult: Sendable {
  public var standard: Standard
  /// Levelled: the domain level reached (0 when below level 1).
  public var level: Int?
  /// Levelled: partial credit, from 0 to the highest level.
  public var coverage: Double?
  public var subItems: [SubItemResult]
  /// Conformance: whether every required requirement passes.
  public var conforms: Bool?
  public var requiredCount: Int
  public var passingRequiredCount: Int
  /// Required requirements that do not pass (for levelled: up to the target, if any).
  public var gapCount: Int
  public var requirements: [RequirementResult]
}

/// The level and partial credit of one sub-item.
public struct SubItemResult: Sendable {
  public var id: String
  public var name: String
  /// The highest level whose required requirements, and all below, pass.
  public var level: Int
  /// Sum over levels of the share of credit earned at that level.
  public var score: Double
  /// False when every requirement is not applicable; then it leaves the roll-up.
  public var isApplicable: Bool
  public var waivedCount: Int
}

/// One piece of work in the merged to-do list.
public struct TodoItem: Sendable {
  /// The gaps this work closes, domestic (levelled) first.
  public var gaps: [RequirementResult]
  /// Domains whose target level this blocks.
  public var blocksTargetOf: [String]
  /// Conformance standards whose conformance this blocks.
  public var blocksConformanceOf: [String]
  /// Domains whose next level above the current one this blocks.
  public var blocksNextLevelOf: [String]

  public var ids: [String] { gaps.map(\.id) }

  /// What the item unblocks, in words.
  public var impact: String {
    var parts: [String] = []
    if !blocksTargetOf.isEmpty {
      parts.append("target level of \(blocksTargetOf.joined(separator: ", "))")
    }
    if !blocksConformanceOf.isEmpty {
      parts.append("conformance to \(blocksConformanceOf.joined(separator: ", "))")
    }
    if parts.isEmpty, !blocksNextLevelOf.isEmpty {
      parts.append("next level of \(blocksNextLevelOf.joined(separator: ", "))")
    }
    return parts.isEmpty ? "a higher level" : parts.joined(separator: " and ")
  }
}

/// Evidence that needs attention whatever the levels say.
public struct EvidenceHealth: Sendable {
  public struct Dated: Sendable {
    public var id: String
    public var date: Day
    public var detail: String
  }

  public var expired: [Dated]
  public var expiringSoon: [Dated]
  public var brokenReferences: [BrokenReference]
  /// Required requirements with no evidence, in the domains in scope; for a levelled
  /// standard with a target, only those at or below the target level.
  public var notAssessed: [RequirementResult]
  public var waiversInForce: [Waiver]
  public var waiversExpired: [Waiver]
  public var contradictions: [RequirementResult]
}

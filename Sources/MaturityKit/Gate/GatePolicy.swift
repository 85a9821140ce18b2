/// What a CI gate demands: minimum levels, conformance, evidence rules, and no regression
/// against a baseline. Given in a policy file, on the command line, or both.
public struct GatePolicy: Sendable, Equatable {
  /// Minimum domain level per domain id, for the domain's levelled standards.
  public var levels: [String: Int] = [:]
  /// Conformance standards that must conform; `requiresAllConformance` asks it of all.
  public var conformance: [String] = []
  public var requiresAllConformance = false
  /// No required requirement (up to the scope's target) may be not assessed.
  public var forbidsUnassessed = false
  /// At most this many waivers in force.
  public var maxWaivers: Int?
  /// No expired evidence.
  public var forbidsExpired = false
  /// A JSON report of an earlier run to compare against.
  public var baseline: String?
  /// Coverage may drop by this much against the baseline without failing (nil: 0).
  public var tolerance: Double?

  public init() {}

  /// True when the policy asks for anything at all.
  public var isActive: Bool {
    !levels.isEmpty || !conformance.isEmpty || requiresAllConformance || forbidsUnassessed
      || maxWaivers != nil || forbidsExpired || baseline != nil
  }
}

/// One check of the gate and its outcome.
public struct GateCheck: Sendable, Equatable {
  public var name: String
  public var passed: Bool
  public var detail: String
}

/// The gate's verdict on one assessment.
public struct GateResult: Sendable {
  public var checks: [GateCheck]
  /// Against the baseline, when one was given.
  public var comparison: SnapshotComparison?

  public var passed: Bool { checks.allSatisfy(\.passed) }
}

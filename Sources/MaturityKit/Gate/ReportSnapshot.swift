import Foundation

/// What a comparison needs from a report: levels, coverage, conformance and statuses per
/// standard, and the evidence health. Built from a fresh assessment or read back from a
/// JSON report, so that a baseline from an older run (or older standards) compares too.
public struct ReportSnapshot: Sendable, Equatable {
  public struct StandardState: Sendable, Equatable {
    public var standard: String
    public var domain: String
    public var kind: Standard.Kind
    public var level: Int?
    public var coverage: Double?
    public var conforms: Bool?
    /// Requirement id → status, in report order.
    public var statuses: [(id: String, status: RequirementStatus)]

    public static func == (lhs: StandardState, rhs: StandardState) -> Bool {
      lhs.standard == rhs.standard && lhs.domain == rhs.domain && lhs.kind == rhs.kind
        && lhs.level == rhs.level && lhs.coverage == rhs.coverage && lhs.conforms == rhs.conforms
        && lhs.statuses.elementsEqual(rhs.statuses) { $0.id == $1.id && $0.status == $1.status }
    }
  }

  public var bundle: String
  public var standards: [StandardState]
  public var expired: [String]
  public var waiversInForce: [String]
  public var notAssessed: [String]
  public var brokenReferences: Int

  public func standard(_ id: String) -> StandardState? { standards.first { $0.standard == id } }
}

extension ReportSnapshot {
  /// The snapshot of a fresh assessment.
  public init(_ assessment: Assessment) {
    bundle = assessment.bundlePath
    standards = assessment.domains.flatMap { domain in
      domain.standards.map { result in
        StandardState(
          standard: result.standard.id, domain: domain.id, kind: result.standard.kind,
          level: result.level, coverage: result.coverage.map(Self.rounded),
          conforms: result.conforms,
          statuses: result.requirements.map { ($0.id, $0.status) })
      }
    }
    expired = assessment.health.expired.map(\.id)
    waiversInForce = assessment.health.waiversInForce.map(\.requirementID)
    notAssessed = assessment.health.notAssessed.map(\.id)
    brokenReferences = assessment.health.brokenReferences.count
  }

  /// Coverage as the JSON report writes it (two decimals), so that a fresh run and its own
  /// JSON compare equal.
  static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

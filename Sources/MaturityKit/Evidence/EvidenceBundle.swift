/// Everything one evidence bundle says about one assessed scope.
public struct EvidenceBundle: Sendable {
  /// The bundle folder as the user named it.
  public var path: String
  public var scope: Scope
  public var claims: [Claim]
  public var ratings: [Rating]
  public var notApplicable: [NotApplicable]
  public var waivers: [Waiver]
  public var metrics: [MetricValue]
  /// Evidence files read, relative to the bundle.
  public var files: [String]
  /// References that are missing or lead out of the bundle (each is also an error).
  public var brokenReferences: [BrokenReference]
}

/// An evidence reference that could not be honoured.
public struct BrokenReference: Sendable {
  /// The claim, rating or metric that made it: a requirement, sub-item or metric id.
  public var owner: String
  public var reference: String
  public var problem: String
  public var location: SourceLocation
}

/// The assessed scope and its targets.
public struct Scope: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case application
    case productLine = "product-line"
    case department
  }

  public var organisation: String
  public var name: String
  public var kind: Kind
  public var assessedOn: Day
  public var assessor: String?
  /// Target level per domain id.
  public var targets: [String: Int]
  public var location: SourceLocation
}

/// Who attested what, when, and until when it holds.
public struct Attestation: Sendable {
  /// Files inside the bundle (relative paths) or URLs, as written.
  public var evidence: [String]
  public var date: Day?
  public var reviewer: String?
  public var expires: Day?
  public var note: String?
}

/// A statement on one requirement.
public struct Claim: Sendable {
  public enum Status: String, Sendable, CaseIterable {
    case met
    case partlyMet = "partly-met"
    case notMet = "not-met"
  }

  public var requirementID: String
  /// Nil for an unanswered questionnaire entry, which leaves the requirement not assessed.
  public var status: Status?
  public var attestation: Attestation
  public var location: SourceLocation
}

/// A self-rating of one sub-item: `level` met, or `N-` (level N partly met).
public struct Rating: Sendable {
  public var subItemID: String
  public var level: Int
  public var isPartial: Bool
  public var attestation: Attestation
  public var location: SourceLocation

  /// "3" or "3-".
  public var notation: String { "\(level)\(isPartial ? "-" : "")" }
}

/// A requirement, or every requirement under a group, that does not apply, and why.
public struct NotApplicable: Sendable {
  public enum Target: Sendable, Hashable {
    case requirement(String)
    case group(String)

    public var id: String {
      switch self {
      case .requirement(let id), .group(let id): return id
      }
    }
  }

  public var target: Target
  public var reason: String
  public var location: SourceLocation
}

/// A gap accepted for a time by someone with the authority to accept it.
public struct Waiver: Sendable {
  public var requirementID: String
  public var approver: String
  public var reason: String
  public var expires: Day
  public var location: SourceLocation
}

/// A measured value of a catalogue metric.
public struct MetricValue: Sendable {
  public var name: String
  /// The value in the catalogue's canonical unit.
  public var value: Double
  /// The value and unit as written.
  public var writtenValue: Double
  public var writtenUnit: MetricUnit
  public var period: String?
  public var source: String?
  public var date: Day?
  public var location: SourceLocation
  /// For a value read from artifact files: the figures behind it ("passed 120, failed 3").
  public var figures: String? = nil
  /// For a value read from artifact files: the same metric for each part they cover, such
  /// as each service of a deployment log, in reading order.
  public var parts: [MetricPart] = []
}

extension MetricValue {
  /// "42 min", or "24 min (0.4 hours)" when written in another unit.
  public var display: String {
    let unit = MetricCatalog.definition(name)?.unit ?? writtenUnit
    var text = NumberText.measured(value)
    if !unit.symbol.isEmpty { text += " \(unit.symbol)" }
    if writtenUnit != unit {
      text += " (\(NumberText.measured(writtenValue)) \(writtenUnit.rawValue))"
    }
    return text
  }

  /// "52 h" for `value` in the catalogue's unit of this metric, or "no value".
  public func display(_ value: Double?) -> String {
    guard let value else { return "no value" }
    let unit = MetricCatalog.definition(name)?.unit ?? writtenUnit
    return NumberText.measured(value) + (unit.symbol.isEmpty ? "" : " \(unit.symbol)")
  }
}

/// Relations between the requirement ids of two standards.
public struct Crosswalk: Sendable {
  public var id: String
  public var fromStandard: String
  public var toStandard: String
  public var provenance: Provenance
  public var relations: [CrosswalkRelation]
  public var location: SourceLocation
  /// Where `from` and `to` name their standards.
  public var fromLocation: SourceLocation?
  public var toLocation: SourceLocation?
}

/// How one side relates to the other, each side taken as a whole.
public struct CrosswalkRelation: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case equivalent
    /// `from` asks less than `to`: meeting `to` meets `from`.
    case subset
    /// `from` asks more than `to`.
    case superset
    case intersects

    /// The same relation read from the other side.
    public var inverse: Kind {
      switch self {
      case .subset: return .superset
      case .superset: return .subset
      case .equivalent, .intersects: return self
      }
    }
  }

  public var from: [String]
  public var to: [String]
  public var kind: Kind
  public var note: String?
  public var location: SourceLocation
  /// Where each id is written, for errors about it.
  public var idLocations: [String: SourceLocation] = [:]
}

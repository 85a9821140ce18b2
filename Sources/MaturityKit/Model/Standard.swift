/// One capability domain of one standard: levels, the group tree, the roll-up rule and
/// where its content comes from.
public struct Standard: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    /// Requirements belong to levels; sub-items get levels that roll up into a domain level.
    case levelled
    /// Requirements are required or recommended; a scope conforms or not.
    case conformance
  }

  public var id: String
  public var title: String
  public var titleZh: String?
  public var reference: String?
  public var version: String?
  public var kind: Kind
  public var provenance: Provenance
  public var levels: [LevelDefinition]
  public var rollup: RollupRule?
  public var domain: Domain
  /// The file the standard was loaded from.
  public var location: SourceLocation

  /// The highest level of a levelled standard, 0 for a conformance standard.
  public var maxLevel: Int { levels.last?.number ?? 0 }

  /// Every group that holds requirements, depth first in file order.
  public var subItems: [Group] {
    var result: [Group] = []
    func walk(_ groups: [Group]) {
      for group in groups {
        if group.isSubItem { result.append(group) } else { walk(group.groups) }
      }
    }
    walk(domain.groups)
    return result
  }

  /// Every requirement, in file order.
  public var requirements: [Requirement] { subItems.flatMap(\.requirements) }

  public func levelName(_ number: Int) -> String? {
    levels.first { $0.number == number }?.name
  }
}

/// A level of a levelled standard.
public struct LevelDefinition: Sendable, Hashable {
  public var number: Int
  public var name: String
  public var nameZh: String?
}

/// How sub-item levels become a domain level.
public enum RollupRule: Sendable, Hashable {
  /// The lowest sub-item level.
  case minimum
  /// Level L when at least `percent` % of sub-items reach L and none is more than
  /// `tolerance` levels below L.
  case share(percent: Double, tolerance: Int)
}

/// The capability domain a standard covers.
public struct Domain: Sendable {
  public var id: String
  public var name: String
  public var nameZh: String?
  public var groups: [Group]

  /// The domains the tool knows, in report order.
  public static let knownOrder = [
    "continuous-delivery", "security-risk", "system-tools", "continuous-testing",
    "performance-measurement",
  ]

  /// Sort key: known domains first in their order, then others by id.
  public static func sortKey(_ id: String) -> (Int, String) {
    (knownOrder.firstIndex(of: id) ?? knownOrder.count, id)
  }
}

/// A node of the hierarchy; a group that holds requirements is a sub-item.
public struct Group: Sendable {
  public var id: String
  public var name: String
  public var nameZh: String?
  public var note: String?
  public var groups: [Group]
  public var requirements: [Requirement]
  public var location: SourceLocation

  public var isSubItem: Bool { !requirements.isEmpty }
}

/// Where a standard's or crosswalk's content comes from, and how far to trust it.
public struct Provenance: Sendable, Hashable {
  public enum Confidence: String, Sendable, CaseIterable {
    case high
    case medium
    case low
  }

  /// What kind of text our own texts are.
  public enum Nature: String, Sendable, CaseIterable {
    /// A paraphrase of a text that exists in public (the structure follows it).
    case summary
    /// A model of a text that is not public.
    case model
    /// Our own proposal where public material gives only names or nothing.
    case proposal
  }

  /// True when the texts are our own, not the official wording.
  public var isSummary: Bool
  /// Summary, model or proposal; meaningful when `isSummary` is true.
  public var nature: Nature = .summary
  public var structure: String
  public var wording: String
  public var confidence: Confidence
  public var sources: [String]
  public var note: String?
}

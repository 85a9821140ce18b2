/// Every loaded standard and crosswalk, with indexes by id.
public struct StandardsLibrary: Sendable {
  /// Ordered by domain (known domains first), levelled before conformance, then id.
  public private(set) var standards: [Standard]
  public private(set) var crosswalks: [Crosswalk]
  /// Performance bands by report year, such as DORA's.
  public private(set) var bandSets: [BandSet]

  /// Where a requirement sits.
  public struct RequirementPlace: Sendable {
    public var standard: Standard
    public var subItem: Group
    public var requirement: Requirement
  }

  private var requirementIndex: [String: RequirementPlace] = [:]
  private var groupIndex: [String: (standard: String, group: Group)] = [:]

  public init(standards: [Standard], crosswalks: [Crosswalk], bandSets: [BandSet] = []) {
    self.bandSets = bandSets.sorted { $0.id < $1.id }
    func key(_ standard: Standard) -> (Int, String, Int, String) {
      let domain = Domain.sortKey(standard.domain.id)
      return (domain.0, domain.1, standard.kind == .levelled ? 0 : 1, standard.id)
    }
    self.standards = standards.sorted { key($0) < key($1) }
    self.crosswalks = crosswalks.sorted { $0.id < $1.id }
    for standard in self.standards {
      for subItem in standard.subItems {
        for requirement in subItem.requirements where requirementIndex[requirement.id] == nil {
          requirementIndex[requirement.id] = RequirementPlace(
            standard: standard, subItem: subItem, requirement: requirement)
        }
      }
      indexGroups(standard.domain.groups, standard: standard.id)
    }
  }

  public func standard(_ id: String) -> Standard? { standards.first { $0.id == id } }

  public func requirement(_ id: String) -> RequirementPlace? { requirementIndex[id] }

  /// A group and the id of its standard.
  public func group(_ id: String) -> (standard: String, group: Group)? { groupIndex[id] }

  public var requirementIDs: Dictionary<String, RequirementPlace>.Keys { requirementIndex.keys }

  public var groupIDs: [String] { Array(groupIndex.keys) }

  /// Domain ids in report order.
  public var domainIDs: [String] {
    var seen: [String] = []
    for standard in standards where !seen.contains(standard.domain.id) {
      seen.append(standard.domain.id)
    }
    return seen
  }

  /// The highest level of the domain's levelled standards, or nil when the domain has none
  /// (it is unknown, or conformance only).
  public func maxLevel(ofDomain domain: String) -> Int? {
    standards(inDomain: domain).filter { $0.kind == .levelled }.map(\.maxLevel).max()
  }

  /// "unknown domain 'x'; did you mean 'y'?" or "expected a level from 1 to 5 for x, found 9",
  /// or nil when `level` is a level of `domain`.
  public func levelProblem(domain: String, level: Int, in place: String = "") -> String? {
    guard let maxLevel = maxLevel(ofDomain: domain) else {
      let hint = Suggestion.phrase(for: domain, in: domainIDs)
      return "unknown domain '\(domain)'\(place.isEmpty ? "" : " in \(place)")\(hint)"
    }
    guard (1...maxLevel).contains(level) else {
      return "expected a level from 1 to \(maxLevel) for \(domain), found \(level)"
    }
    return nil
  }

  public func standards(inDomain domain: String) -> [Standard] {
    standards.filter { $0.domain.id == domain }
  }

  private mutating func indexGroups(_ groups: [Group], standard: String) {
    for group in groups {
      if groupIndex[group.id] == nil { groupIndex[group.id] = (standard, group) }
      indexGroups(group.groups, standard: standard)
    }
  }
}

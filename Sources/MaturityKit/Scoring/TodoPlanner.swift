/// Builds the merged to-do list: gaps of both standards that the crosswalks relate become
/// one item, ordered by how much certification closing it unblocks.
struct TodoPlanner {
  let library: StandardsLibrary
  let options: AssessmentOptions

  /// A gap and the little that ordering it needs, kept small so that building the plan
  /// copies little.
  private struct Gap {
    var result: RequirementResult
    var domainID: String
    var target: Int?
    var standardID: String
    var kind: Standard.Kind
    var currentLevel: Int
  }

  func plan(_ domains: [DomainResult]) -> [TodoItem] {
    var gaps: [String: Gap] = [:]
    for domain in domains {
      for standard in domain.standards {
        for result in standard.requirements
        where result.requirement.isRequired && !result.status.passes(strict: options.isStrict) {
          gaps[result.id] = Gap(
            result: result, domainID: domain.id, target: domain.target,
            standardID: standard.standard.id, kind: standard.standard.kind,
            currentLevel: standard.level ?? 0)
        }
      }
    }
    var sets = DisjointSets(Array(gaps.keys))
    for crosswalk in library.crosswalks {
      for relation in crosswalk.relations {
        // Only gaps on both sides make one piece of work: two gaps of one standard that
        // merely share a met partner stay apart.
        let left = relation.from.filter { gaps[$0] != nil }
        let right = relation.to.filter { gaps[$0] != nil }
        guard let anchor = left.first, !right.isEmpty else { continue }
        for id in left.dropFirst() + right { sets.union(anchor, id) }
      }
    }
    let items = sets.groups().map { ids in item(for: ids.compactMap { gaps[$0] }) }
    return items.map { (key: sortKey($0), item: $0) }.sorted { $0.key < $1.key }.map(\.item)
  }

  private func item(for members: [Gap]) -> TodoItem {
    var target: Set<String> = []
    var conformance: Set<String> = []
    var next: Set<String> = []
    for member in members {
      let level = member.result.requirement.level
      switch member.kind {
      case .levelled:
        if let goal = member.target, let level, level <= goal { target.insert(member.domainID) }
        if let level, level == member.currentLevel + 1 { next.insert(member.domainID) }
      case .conformance:
        conformance.insert(member.standardID)
      }
    }
    let ordered = members.map(\.result).sorted {
      ($0.requirement.level == nil ? 1 : 0, $0.requirement.level ?? 0, $0.id)
        < ($1.requirement.level == nil ? 1 : 0, $1.requirement.level ?? 0, $1.id)
    }
    return TodoItem(
      gaps: ordered, blocksTargetOf: target.sorted(), blocksConformanceOf: conformance.sorted(),
      blocksNextLevelOf: next.sorted())
  }

  /// Items that unblock more certifications first; then those that unblock the next
  /// level; then lower levels; then larger items; then by id.
  private func sortKey(_ item: TodoItem) -> (Int, Int, Int, Int, String) {
    let unblocked = item.blocksTargetOf.count + item.blocksConformanceOf.count
    let lowest = item.gaps.compactMap(\.requirement.level).min() ?? Int.max
    return (
      -unblocked, item.blocksNextLevelOf.isEmpty ? 1 : 0, lowest, -item.gaps.count,
      item.ids.first ?? ""
    )
  }
}

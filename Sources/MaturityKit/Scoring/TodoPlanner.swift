/// Builds the merged to-do list: gaps of both standards that the crosswalks relate become
/// one item, ordered by how much certification closing it unblocks.
struct TodoPlanner {
  let library: StandardsLibrary
  let options: AssessmentOptions

  func plan(_ domains: [DomainResult]) -> [TodoItem] {
    var gaps: [String: (result: RequirementResult, domain: DomainResult, current: StandardResult)] =
      [:]
    for domain in domains {
      for standard in domain.standards {
        for result in standard.requirements
        where result.requirement.isRequired && !result.status.passes(strict: options.isStrict) {
          gaps[result.id] = (result, domain, standard)
        }
      }
    }
    var sets = DisjointSets(Array(gaps.keys))
    for crosswalk in library.crosswalks {
      for relation in crosswalk.relations {
        let ids = (relation.from + relation.to).filter { gaps[$0] != nil }
        for (first, second) in zip(ids, ids.dropFirst()) { sets.union(first, second) }
      }
    }
    let items = sets.groups().map { ids in
      item(for: ids.compactMap { gaps[$0] })
    }
    return items.sorted(by: isBefore)
  }

  private func item(
    for members: [(result: RequirementResult, domain: DomainResult, current: StandardResult)]
  ) -> TodoItem {
    var target: Set<String> = []
    var conformance: Set<String> = []
    var next: Set<String> = []
    for member in members {
      let level = member.result.requirement.level
      switch member.current.standard.kind {
      case .levelled:
        if let goal = member.domain.target, let level, level <= goal {
          target.insert(member.domain.id)
        }
        if let level, level == (member.current.level ?? 0) + 1 { next.insert(member.domain.id) }
      case .conformance:
        conformance.insert(member.current.standard.id)
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
  /// level; then lower levels; then by id.
  private func isBefore(_ lhs: TodoItem, _ rhs: TodoItem) -> Bool {
    func key(_ item: TodoItem) -> (Int, Int, Int, Int, String) {
      let unblocked = item.blocksTargetOf.count + item.blocksConformanceOf.count
      let lowest = item.gaps.compactMap(\.requirement.level).min() ?? Int.max
      return (-unblocked, item.blocksNextLevelOf.isEmpty ? 1 : 0, lowest, -item.gaps.count,
        item.ids.first ?? "")
    }
    return key(lhs) < key(rhs)
  }
}

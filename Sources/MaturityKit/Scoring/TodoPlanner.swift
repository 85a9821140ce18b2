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
    let weights = unblockingWeights(items)
    return items.enumerated()
      .map { (key: sortKey($0.element, weight: weights[$0.offset]), item: $0.element) }
      .sorted { $0.key < $1.key }
      .map(\.item)
  }

  /// How much certification each item unblocks: for every target level or conformance it
  /// blocks, its share of that certification's remaining items. Closing the last gap of a
  /// certification weighs 1; one of four gaps, 0.25.
  private func unblockingWeights(_ items: [TodoItem]) -> [Double] {
    func certifications(_ item: TodoItem) -> [String] {
      item.blocksTargetOf.map { "target:\($0)" }
        + item.blocksConformanceOf.map { "conformance:\($0)" }
    }
    var remaining: [String: Int] = [:]
    for item in items {
      for certification in certifications(item) { remaining[certification, default: 0] += 1 }
    }
    return items.map { item in
      certifications(item).map { 1 / Double(remaining[$0] ?? 1) }.reduce(0, +)
    }
  }

  private func item(for members: [Gap]) -> TodoItem {
    var target: Set<String> = []
    var conformance: Set<String> = []
    var next: Set<String> = []
    for member in members {
      let level = member.result.requirement.level
      switch member.kind {
      case .levelled:
        // A target already reached (possible under a share roll-up) is not blocked.
        if let goal = member.target, let level, level <= goal, member.currentLevel < goal {
          target.insert(member.domainID)
        }
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

  /// Items that unblock more certification first; then those blocking more certifications;
  /// then those that unblock the next level; then lower levels; then larger items; then id.
  private func sortKey(_ item: TodoItem, weight: Double) -> (Double, Int, Int, Int, Int, String) {
    let blocked = item.blocksTargetOf.count + item.blocksConformanceOf.count
    let lowest = item.gaps.compactMap(\.requirement.level).min() ?? Int.max
    return (
      -weight, -blocked, item.blocksNextLevelOf.isEmpty ? 1 : 0, lowest, -item.gaps.count,
      item.ids.first ?? ""
    )
  }
}

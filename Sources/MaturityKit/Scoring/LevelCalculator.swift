/// Sub-item levels, partial credit, and the roll-up into a domain level.
struct LevelCalculator {
  let maxLevel: Int
  let isStrict: Bool

  /// A sub-item reaches level L when every required requirement of levels 1…L passes. A
  /// level with no required requirement (or only not-applicable ones) asks nothing, so
  /// it passes and, for partial credit, earns what the level below earned.
  func score(_ subItem: Group, results: [String: RequirementResult]) -> SubItemResult {
    let own = subItem.requirements.compactMap { results[$0.id] }
    let required = own.filter { $0.requirement.isRequired }
    var level = 0
    var isGated = false
    var score = 0.0
    var previousCredit = 1.0
    for number in 1...max(maxLevel, 1) {
      let credits = required.filter { $0.requirement.level == number }
        .compactMap { $0.status.credit(strict: isStrict) }
      let credit = credits.isEmpty ? previousCredit : credits.reduce(0, +) / Double(credits.count)
      let passes = required.filter { $0.requirement.level == number }
        .allSatisfy { $0.status.passes(strict: isStrict) }
      if passes, !isGated { level = number } else { isGated = true }
      score += credit
      previousCredit = credit
    }
    return SubItemResult(
      id: subItem.id, name: subItem.name, level: level, score: score,
      isApplicable: own.contains { $0.status != .notApplicable },
      waivedCount: own.filter { $0.status == .waived }.count)
  }

  /// The domain level from the sub-item levels; 0 when below level 1.
  func rollUp(_ levels: [Int], rule: RollupRule) -> Int {
    guard !levels.isEmpty else { return 0 }
    switch rule {
    case .minimum:
      return levels.min() ?? 0
    case .share(let percent, let tolerance):
      for candidate in stride(from: maxLevel, through: 1, by: -1) {
        let reaching = levels.filter { $0 >= candidate }.count
        let share = Double(reaching) * 100 / Double(levels.count)
        if share >= percent, levels.allSatisfy({ $0 >= candidate - tolerance }) {
          return candidate
        }
      }
      return 0
    }
  }
}

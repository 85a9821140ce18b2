/// Sub-item levels, partial credit, and the roll-up into a domain level.
struct LevelCalculator {
  let maxLevel: Int
  let isStrict: Bool

  /// A sub-item reaches level L when every required requirement of levels 1…L passes. A
  /// level with no required requirement (or only not-applicable ones) asks nothing, so
  /// it passes and, for partial credit, earns what the level below earned.
  func score(_ subItem: Group, statuses: [String: RequirementStatus]) -> SubItemResult {
    let top = max(maxLevel, 1)
    var creditSum = [Double](repeating: 0, count: top + 1)
    var creditCount = [Int](repeating: 0, count: top + 1)
    var isFailing = [Bool](repeating: false, count: top + 1)
    var isApplicable = false
    var waived = 0
    for requirement in subItem.requirements {
      guard let status = statuses[requirement.id] else { continue }
      if status != .notApplicable { isApplicable = true }
      if status == .waived { waived += 1 }
      guard requirement.isRequired, let level = requirement.level, (1...top).contains(level)
      else { continue }
      if !status.passes(strict: isStrict) { isFailing[level] = true }
      if let credit = status.credit(strict: isStrict) {
        creditSum[level] += credit
        creditCount[level] += 1
      }
    }
    var level = 0
    var score = 0.0
    var previousCredit = 1.0
    for number in 1...top {
      let credit =
        creditCount[number] == 0 ? previousCredit : creditSum[number] / Double(creditCount[number])
      if !isFailing[number], level == number - 1 { level = number }
      score += credit
      previousCredit = credit
    }
    return SubItemResult(
      id: subItem.id, name: subItem.name, level: level, score: score,
      isApplicable: isApplicable, waivedCount: waived)
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

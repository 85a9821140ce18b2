/// What changed between an older and a newer report: levels, coverage, conformance and
/// requirement statuses, each marked as a regression, an improvement, or neither.
public struct SnapshotComparison: Sendable {
  public struct Change: Sendable, Equatable {
    public enum Kind: String, Sendable {
      case levelDropped = "level-dropped"
      case levelRaised = "level-raised"
      case coverageDropped = "coverage-dropped"
      case coverageRaised = "coverage-raised"
      case conformanceLost = "conformance-lost"
      case conformanceGained = "conformance-gained"
      /// Was met, no longer is.
      case requirementRegressed = "requirement-regressed"
      /// Earns more credit than before.
      case requirementImproved = "requirement-improved"
      /// Earns less credit, but was not met before either.
      case requirementWorsened = "requirement-worsened"
      case requirementChanged = "requirement-changed"
      /// In the older report, not in the loaded standards any more.
      case requirementGone = "requirement-gone"
      case requirementNew = "requirement-new"
      case standardGone = "standard-gone"
      /// Still loaded, but no longer assessed: the bundle left its domain out.
      case standardDropped = "standard-dropped"
      case standardNew = "standard-new"
    }

    public var kind: Kind
    public var standard: String
    public var id: String?
    public var old: String
    public var new: String

    public var isRegression: Bool {
      [.levelDropped, .coverageDropped, .conformanceLost, .requirementRegressed, .standardDropped]
        .contains(kind)
    }

    public var isImprovement: Bool {
      [.levelRaised, .coverageRaised, .conformanceGained, .requirementImproved].contains(kind)
    }

    /// One line: "caict-cd: level dropped from 3 to 2".
    public var summary: String {
      let subject = id.map { "\(standard) \($0)" } ?? standard
      switch kind {
      case .levelDropped, .levelRaised, .coverageDropped, .coverageRaised:
        let what = kind.rawValue.replacingOccurrences(of: "-", with: " ")
        return "\(subject): \(what) from \(old) to \(new)"
      case .conformanceLost: return "\(subject): conformance lost"
      case .conformanceGained: return "\(subject): conforms now"
      case .requirementRegressed, .requirementImproved, .requirementWorsened,
        .requirementChanged:
        return "\(subject): \(old) → \(new)"
      case .requirementGone:
        return "\(subject): no longer in the standards (was \(old)); not compared"
      case .requirementNew: return "\(subject): new requirement, \(new)"
      case .standardGone: return "\(subject): standard not in the newer report; not compared"
      case .standardDropped:
        return "\(subject): no longer assessed (its domain was left out of the bundle)"
      case .standardNew: return "\(subject): standard new in the newer report"
      }
    }
  }

  public var changes: [Change]
  /// Coverage may drop by up to this much without counting as a regression.
  public var tolerance: Double

  public var regressions: [Change] { changes.filter(\.isRegression) }
  public var improvements: [Change] { changes.filter(\.isImprovement) }

  /// - Parameter loaded: the standard ids loaded now; a standard of the older report that is
  ///   still loaded but missing from the newer one was dropped, a regression.
  public init(
    old: ReportSnapshot, new: ReportSnapshot, tolerance: Double = 0, loaded: Set<String> = []
  ) {
    self.tolerance = tolerance
    var changes: [Change] = []
    for before in old.standards {
      guard let after = new.standard(before.standard) else {
        let kind: Change.Kind = loaded.contains(before.standard) ? .standardDropped : .standardGone
        changes.append(Change(kind: kind, standard: before.standard, old: "", new: ""))
        continue
      }
      changes += Self.compare(before, after, tolerance: tolerance)
    }
    for after in new.standards where old.standard(after.standard) == nil {
      changes.append(Change(kind: .standardNew, standard: after.standard, old: "", new: ""))
    }
    self.changes = changes
  }

  private static func compare(
    _ before: ReportSnapshot.StandardState, _ after: ReportSnapshot.StandardState,
    tolerance: Double
  ) -> [Change] {
    let id = before.standard
    var changes: [Change] = []
    if let was = before.level, let now = after.level, was != now {
      changes.append(
        Change(
          kind: now < was ? .levelDropped : .levelRaised, standard: id,
          old: String(was), new: String(now)))
    }
    if let was = before.coverage, let now = after.coverage, abs(now - was) > 0.0001 {
      // Coverage has two decimals; the margin keeps 3.00 → 2.90 within a 0.1 tolerance.
      let dropped = was - now > tolerance + 0.000_001
      if dropped || now > was {
        changes.append(
          Change(
            kind: dropped ? .coverageDropped : .coverageRaised, standard: id,
            old: NumberText.fixed(was, decimals: 2), new: NumberText.fixed(now, decimals: 2)))
      }
    }
    if let was = before.conforms, let now = after.conforms, was != now {
      changes.append(
        Change(
          kind: now ? .conformanceGained : .conformanceLost, standard: id,
          old: String(was), new: String(now)))
    }
    let newStatuses = Dictionary(after.statuses.map { ($0.id, $0.status) }) { first, _ in first }
    let oldIDs = Set(before.statuses.map(\.id))
    for (requirement, was) in before.statuses {
      guard let now = newStatuses[requirement] else {
        changes.append(
          Change(kind: .requirementGone, standard: id, id: requirement, old: was.words, new: ""))
        continue
      }
      guard now != was else { continue }
      changes.append(
        Change(
          kind: kind(from: was, to: now), standard: id, id: requirement, old: was.words,
          new: now.words))
    }
    for (requirement, now) in after.statuses where !oldIDs.contains(requirement) {
      changes.append(
        Change(kind: .requirementNew, standard: id, id: requirement, old: "", new: now.words))
    }
    return changes
  }

  private static func kind(from was: RequirementStatus, to now: RequirementStatus)
    -> Change.Kind
  {
    // Marking a met requirement not applicable is a change of scope, not a regression.
    if was == .met { return now == .notApplicable ? .requirementChanged : .requirementRegressed }
    guard let before = was.credit(strict: false), let after = now.credit(strict: false) else {
      return .requirementChanged
    }
    if after > before { return .requirementImproved }
    return after < before ? .requirementWorsened : .requirementChanged
  }
}

/// Evaluates a gate policy on an assessment.
public struct Gate: Sendable {
  public var policy: GatePolicy
  /// The standard ids loaded now, to tell a dropped standard from one that is gone.
  public var loadedStandards: Set<String>

  public init(policy: GatePolicy, loadedStandards: Set<String> = []) {
    self.policy = policy
    self.loadedStandards = loadedStandards
  }

  /// - Parameter baseline: the baseline snapshot, when the policy names one.
  public func evaluate(_ assessment: Assessment, baseline: ReportSnapshot?) -> GateResult {
    var checks: [GateCheck] = []
    for (domain, minimum) in policy.levels.sorted(by: {
      Domain.sortKey($0.key) < Domain.sortKey($1.key)
    }) {
      checks.append(levelCheck(domain, minimum, in: assessment))
    }
    checks += conformanceChecks(assessment)
    let health = assessment.health
    if policy.forbidsUnassessed {
      let ids = health.notAssessed.map(\.id)
      checks.append(
        GateCheck(
          name: "no required requirement not assessed", passed: ids.isEmpty,
          detail: ids.isEmpty ? "all assessed" : "\(ids.count) not assessed: \(Self.list(ids))"))
    }
    if let maxWaivers = policy.maxWaivers {
      let count = health.waiversInForce.count
      checks.append(
        GateCheck(
          name: "at most \(maxWaivers) waivers in force", passed: count <= maxWaivers,
          detail: "\(count) in force"))
    }
    if policy.forbidsExpired {
      let ids = health.expired.map(\.id)
      checks.append(
        GateCheck(
          name: "no expired evidence", passed: ids.isEmpty,
          detail: ids.isEmpty ? "none expired" : "\(ids.count) expired: \(Self.list(ids))"))
    }
    var comparison: SnapshotComparison?
    if policy.baseline != nil, baseline == nil {
      checks.append(
        GateCheck(
          name: "no regression against the baseline", passed: false,
          detail: "no baseline report of \(assessment.bundlePath) could be read"))
    }
    if let baseline {
      let result = SnapshotComparison(
        old: baseline, new: ReportSnapshot(assessment), tolerance: policy.tolerance ?? 0,
        loaded: loadedStandards)
      let regressions = result.regressions
      let detail =
        regressions.isEmpty
        ? "no regression; \(result.improvements.count) improvements"
        : "\(regressions.count) regressions: "
          + Self.list(regressions.map(\.summary), limit: 3, separator: "; ")
      checks.append(
        GateCheck(
          name: "no regression against the baseline", passed: regressions.isEmpty,
          detail: detail))
      comparison = result
    }
    return GateResult(checks: checks, comparison: comparison)
  }

  private func levelCheck(_ domain: String, _ minimum: Int, in assessment: Assessment)
    -> GateCheck
  {
    let name = "\(domain) at level \(minimum) or above"
    let results =
      assessment.domains.first { $0.id == domain }?.standards
      .filter { $0.standard.kind == .levelled } ?? []
    guard !results.isEmpty else {
      return GateCheck(name: name, passed: false, detail: "the domain was not assessed")
    }
    let failing = results.filter { ($0.level ?? 0) < minimum }
    let detail = results.map { "\($0.standard.id) level \($0.level ?? 0)" }
      .joined(separator: ", ")
    return GateCheck(name: name, passed: failing.isEmpty, detail: detail)
  }

  private func conformanceChecks(_ assessment: Assessment) -> [GateCheck] {
    let results = assessment.domains.flatMap(\.standards).filter {
      $0.standard.kind == .conformance
    }
    var wanted = policy.conformance
    if policy.requiresAllConformance {
      for result in results where !wanted.contains(result.standard.id) {
        wanted.append(result.standard.id)
      }
    }
    return wanted.map { id in
      let name = "conforms to \(id)"
      guard let result = results.first(where: { $0.standard.id == id }) else {
        return GateCheck(name: name, passed: false, detail: "the standard was not assessed")
      }
      let passed = result.conforms == true
      return GateCheck(
        name: name, passed: passed,
        detail: "\(result.passingRequiredCount) of \(result.requiredCount) required pass")
    }
  }

  static func list(_ items: [String], limit: Int = 5, separator: String = ", ") -> String {
    let shown = items.prefix(limit).joined(separator: separator)
    return items.count > limit ? "\(shown) and \(items.count - limit) more" : shown
  }
}

extension GateResult {
  /// The result with a failed check for unreadable input, so that no report of a run with
  /// bad input says the gate passed.
  func failingForInput(errors: Int) -> GateResult {
    guard errors > 0 else { return self }
    var result = self
    let noun = errors == 1 ? "error" : "errors"
    result.checks.append(
      GateCheck(
        name: "all input read without errors", passed: false,
        detail: "\(errors) \(noun) in the input (listed on stderr); a gate never passes on them"))
    return result
  }
}

/// Scores a bundle: every requirement, every sub-item, every domain, then the merged
/// to-do list and the evidence health.
public struct Assessor: Sendable {
  public var library: StandardsLibrary
  public var options: AssessmentOptions

  public init(library: StandardsLibrary, options: AssessmentOptions = AssessmentOptions()) {
    self.library = library
    self.options = options
  }

  public func assess(_ bundle: EvidenceBundle) -> Assessment {
    let placer = bandPlacer
    let results = placingInBands(
      requirementResults(bundle), metrics: bundle.metrics, placer: placer)
    let statuses = results.mapValues(\.status)
    let domainIDs = domainsInScope(bundle)
    var domains: [DomainResult] = []
    for domainID in domainIDs {
      let standards = library.standards(inDomain: domainID)
      guard let first = standards.first else { continue }
      let target = bundle.scope.targets[domainID]
      domains.append(
        DomainResult(
          id: domainID, name: first.domain.name, nameZh: first.domain.nameZh, target: target,
          standards: standards.map {
            score($0, results: results, statuses: statuses, target: target)
          }))
    }
    let decided = domains.flatMap { $0.standards.flatMap(\.requirements) }
      .filter { $0.basis == .metric }
    let metrics = bundle.metrics.map { metric in
      MetricUse(
        value: placedInBands(metric, placer: placer),
        decided: decided.filter { $0.requirement.metric?.metric == metric.name }.map(\.id),
        bands: placer.placements(of: metric.name, value: metric.value))
    }
    let standards = domains.flatMap { $0.standards.map(\.standard) }
    let usedSets = Set(standards.flatMap(\.requirements).compactMap { $0.metric?.band?.set })
    return Assessment(
      bundlePath: bundle.path, scope: bundle.scope, options: options, domains: domains,
      todo: TodoPlanner(library: library, options: options).plan(domains),
      health: health(bundle, domains: domains), metrics: metrics, standards: standards,
      bandSets: library.bandSets.filter { usedSets.contains($0.id) },
      domainsOutOfScope: library.domainIDs.filter { !domainIDs.contains($0) })
  }

  // MARK: - Requirements

  /// Every requirement's result, keyed by id.
  func requirementResults(_ bundle: EvidenceBundle) -> [String: RequirementResult] {
    let evaluator = RequirementEvaluator(bundle: bundle, library: library)
    var results: [String: RequirementResult] = [:]
    results.reserveCapacity(library.standards.map(\.requirements.count).reduce(0, +))
    for standard in library.standards {
      walk(standard.domain.groups, ancestors: []) { requirement, subItem, ancestors in
        results[requirement.id] = evaluator.direct(
          requirement, subItem: subItem, standard: standard, ancestors: ancestors)
      }
    }
    let direct = results
    let resolver = CrosswalkResolver(crosswalks: library.crosswalks)
    let waivers = Dictionary(bundle.waivers.map { ($0.requirementID, $0) }) { first, _ in first }
    // Only requirements without evidence (for the crosswalk) or with a waiver can change.
    let candidates = Set(resolver.relatedIDs).union(waivers.keys)
    for id in candidates {
      guard var result = results[id] else { continue }
      if result.status == .notAssessed, let derived = resolver.derive(id, direct: direct) {
        result.status = derived.status
        result.basis = .crosswalk
        result.crosswalkPartners = derived.partners
        result.reason = CrosswalkResolver.reason(derived.status, derived.kind, derived.partners)
      }
      evaluator.applyWaiver(to: &result, waiver: waivers[id])
      results[id] = result
    }
    return results
  }

  private func walk(
    _ groups: [Group], ancestors: [String],
    _ visit: (Requirement, Group, [String]) -> Void
  ) {
    var path = ancestors
    for group in groups {
      path.append(group.id)
      for requirement in group.requirements { visit(requirement, group, path) }
      walk(group.groups, ancestors: path, visit)
      path.removeLast()
    }
  }

  /// Domains with a target, plus those the bundle gives evidence for; all when none.
  private func domainsInScope(_ bundle: EvidenceBundle) -> [String] {
    var inScope = Set(bundle.scope.targets.keys)
    let mentioned =
      bundle.claims.map(\.requirementID) + bundle.waivers.map(\.requirementID)
      + bundle.ratings.map(\.subItemID) + bundle.notApplicable.map(\.target.id)
    for id in mentioned {
      if let place = library.requirement(id) {
        inScope.insert(place.standard.domain.id)
      } else if let place = library.group(id), let standard = library.standard(place.standard) {
        inScope.insert(standard.domain.id)
      }
    }
    let all = library.domainIDs
    return inScope.isEmpty ? all : all.filter(inScope.contains)
  }

  // MARK: - Levels and conformance

  private func score(
    _ standard: Standard, results: [String: RequirementResult],
    statuses: [String: RequirementStatus], target: Int?
  ) -> StandardResult {
    let strict = options.isStrict
    let requirements = standard.requirements
    var required = 0
    var passing = 0
    var gapsToTarget = 0
    for requirement in requirements where requirement.isRequired {
      guard let status = statuses[requirement.id], status != .notApplicable else { continue }
      required += 1
      if status.passes(strict: strict) {
        passing += 1
      } else if let target, (requirement.level ?? 0) <= target {
        gapsToTarget += 1
      }
    }
    var result = StandardResult(
      standard: standard, subItems: [], requiredCount: required,
      passingRequiredCount: passing, gapCount: required - passing,
      requirements: requirements.compactMap { results[$0.id] })
    switch standard.kind {
    case .conformance:
      result.conforms = passing == required
    case .levelled:
      let calculator = LevelCalculator(maxLevel: standard.maxLevel, isStrict: strict)
      result.subItems = standard.subItems.map { calculator.score($0, statuses: statuses) }
      let applicable = result.subItems.filter(\.isApplicable)
      result.level = calculator.rollUp(applicable.map(\.level), rule: standard.rollup ?? .minimum)
      result.coverage =
        applicable.isEmpty ? 0 : applicable.map(\.score).reduce(0, +) / Double(applicable.count)
      if target != nil { result.gapCount = gapsToTarget }
    }
    return result
  }
}

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
    let results = requirementResults(bundle)
    let domainIDs = domainsInScope(bundle)
    var domains: [DomainResult] = []
    for domainID in domainIDs {
      let standards = library.standards(inDomain: domainID)
      guard let first = standards.first else { continue }
      let target = bundle.scope.targets[domainID]
      domains.append(
        DomainResult(
          id: domainID, name: first.domain.name, nameZh: first.domain.nameZh, target: target,
          standards: standards.map { score($0, results: results, target: target) }))
    }
    return Assessment(
      bundlePath: bundle.path, scope: bundle.scope, options: options, domains: domains,
      todo: TodoPlanner(library: library, options: options).plan(domains),
      health: health(bundle, domains: domains),
      standards: domains.flatMap { $0.standards.map(\.standard) })
  }

  // MARK: - Requirements

  /// Every requirement's result, keyed by id.
  func requirementResults(_ bundle: EvidenceBundle) -> [String: RequirementResult] {
    let evaluator = RequirementEvaluator(bundle: bundle, library: library)
    var results: [String: RequirementResult] = [:]
    for standard in library.standards {
      walk(standard.domain.groups, ancestors: []) { requirement, subItem, ancestors in
        results[requirement.id] = evaluator.direct(
          requirement, subItem: subItem, standard: standard, ancestors: ancestors)
      }
    }
    let direct = results
    let resolver = CrosswalkResolver(crosswalks: library.crosswalks)
    let waivers = Dictionary(bundle.waivers.map { ($0.requirementID, $0) }) { first, _ in first }
    for (id, var result) in results {
      if result.status == .notAssessed, let derived = resolver.derive(id, direct: direct) {
        result.status = derived.status
        result.basis = .crosswalk
        result.crosswalkPartners = derived.partners
        result.reason = "\(derived.status.words) through the crosswalk: "
          + "\(derived.partners.joined(separator: ", ")) met (\(derived.kind.rawValue))"
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
    for group in groups {
      let path = ancestors + [group.id]
      for requirement in group.requirements { visit(requirement, group, path) }
      walk(group.groups, ancestors: path, visit)
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

  private func score(_ standard: Standard, results: [String: RequirementResult], target: Int?)
    -> StandardResult
  {
    let strict = options.isStrict
    let requirements = standard.requirements.compactMap { results[$0.id] }
    let required = requirements.filter {
      $0.requirement.isRequired && $0.status != .notApplicable
    }
    let passing = required.filter { $0.status.passes(strict: strict) }
    var result = StandardResult(
      standard: standard, subItems: [], requiredCount: required.count,
      passingRequiredCount: passing.count, gapCount: required.count - passing.count,
      requirements: requirements)
    switch standard.kind {
    case .conformance:
      result.conforms = passing.count == required.count
    case .levelled:
      let calculator = LevelCalculator(maxLevel: standard.maxLevel, isStrict: strict)
      result.subItems = standard.subItems.map { calculator.score($0, results: results) }
      let applicable = result.subItems.filter(\.isApplicable)
      result.level = calculator.rollUp(applicable.map(\.level), rule: standard.rollup ?? .minimum)
      result.coverage =
        applicable.isEmpty ? 0 : applicable.map(\.score).reduce(0, +) / Double(applicable.count)
      if let target {
        result.gapCount = required.filter {
          !$0.status.passes(strict: strict) && ($0.requirement.level ?? 0) <= target
        }.count
      }
    }
    return result
  }
}

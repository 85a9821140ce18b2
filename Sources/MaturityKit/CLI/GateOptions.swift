import Foundation

/// The gate options of `assess`, and the policy and baselines they lead to.
package struct GateOptions: Sendable {
  package static let options: [CommandSpec.Option] = [
    .init(
      name: "policy", short: nil, value: "file",
      help: "A gate policy file (gate: levels, conformance, no_unassessed, max_waivers,"
        + " no_expired, baseline, tolerance). Options below add to it."),
    .init(
      name: "min-level", short: nil, value: "domain=level",
      help: "Fail unless the domain reaches this level. Repeatable.", isRepeatable: true),
    .init(
      name: "require-conformance", short: nil, value: "standard",
      help: "Fail unless the bundle conforms to this conformance standard, or 'all'."
        + " Repeatable.", isRepeatable: true),
    .init(
      name: "baseline", short: nil, value: "file",
      help: "A JSON report of an earlier run; fail on any regression against it."),
    .init(
      name: "tolerance", short: nil, value: "number",
      help: "How far coverage may drop against the baseline without failing (default 0)."),
    .init(
      name: "max-waivers", short: nil, value: "count",
      help: "Fail when more waivers than this are in force."),
    .init(
      name: "no-unassessed", short: nil, value: nil,
      help: "Fail when a required requirement up to the target is not assessed."),
    .init(name: "no-expired", short: nil, value: nil, help: "Fail when any evidence has expired."),
  ]

  var policyFile: String?
  var policy = GatePolicy()

  init(_ arguments: ParsedArguments) throws(UsageError) {
    let spec = AssessCommand.spec
    policyFile = arguments.value("policy")
    for entry in arguments.all("min-level") {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let level = Int(parts[1]) else {
        throw UsageError(
          "expected domain=level for '--min-level', found '\(entry)'", command: spec)
      }
      policy.levels[parts[0]] = level
    }
    for id in arguments.all("require-conformance") {
      if id == "all" { policy.requiresAllConformance = true } else { policy.conformance.append(id) }
    }
    policy.baseline = arguments.value("baseline")
    policy.tolerance = try arguments.tolerance(for: spec)
    if let text = arguments.value("max-waivers") {
      guard let value = Int(text), value >= 0 else {
        throw UsageError(
          "expected a count of 0 or more for '--max-waivers', found '\(text)'", command: spec)
      }
      policy.maxWaivers = value
    }
    policy.forbidsUnassessed = arguments.has("no-unassessed")
    policy.forbidsExpired = arguments.has("no-expired")
  }

  /// The policy in force, the baselines it names, and the problems found reading them.
  package struct Setup: Sendable {
    var policy: GatePolicy?
    var baselines: [ReportSnapshot] = []
    var diagnostics: [Diagnostic] = []
    /// Files the gate read, which a report must never overwrite.
    var inputs: [String] = []

    /// The baseline report of the same bundle (paths compared once made absolute), or the
    /// only report when only one bundle is assessed; with a problem to report otherwise.
    func baseline(for assessment: Assessment, bundleCount: Int)
      -> (snapshot: ReportSnapshot?, problem: Diagnostic?)
    {
      let path = Self.normalised(assessment.bundlePath)
      if let match = baselines.first(where: { Self.normalised($0.bundle) == path }) {
        return (match, nil)
      }
      if baselines.count == 1, bundleCount == 1, let only = baselines.first {
        let note = Diagnostic(
          .warning,
          "the baseline is a report of '\(only.bundle)', compared with"
            + " '\(assessment.bundlePath)' as the only bundle")
        return (only, note)
      }
      let held = baselines.map { "'\($0.bundle)'" }.joined(separator: ", ")
      return (
        nil,
        Diagnostic(
          .error,
          "the baseline holds no report of '\(assessment.bundlePath)' (it holds"
            + " \(held.isEmpty ? "none" : held))")
      )
    }

    private static func normalised(_ path: String) -> String {
      URL(fileURLWithPath: path).standardizedFileURL.path
    }
  }

  func setUp(library: StandardsLibrary) -> Setup {
    var setup = Setup()
    var policy = GatePolicy()
    if let policyFile {
      setup.inputs.append(policyFile)
      switch FileReader.read(policyFile, maxBytes: YAMLLimits().maxFileBytes) {
      case .failure(let problem):
        setup.diagnostics.append(problem)
      case .success(let file):
        let decoded = GatePolicyDecoder(library: library).decode(file)
        setup.diagnostics += decoded.diagnostics
        policy = decoded.policy ?? policy
      }
    }
    policy.merge(self.policy)
    setup.diagnostics += check(policy, library: library)
    guard policy.isActive else { return setup }
    setup.policy = policy
    if let path = policy.baseline {
      setup.inputs.append(path)
      switch FileReader.read(path, maxBytes: YAMLLimits().maxFileBytes) {
      case .failure(let problem):
        setup.diagnostics.append(problem)
      case .success(let file):
        do {
          setup.baselines = try SnapshotReader.readAll(file)
        } catch {
          setup.diagnostics.append(error)
        }
      }
    }
    return setup
  }

  /// Command-line levels and standards must name loaded domains and standards.
  private func check(_ policy: GatePolicy, library: StandardsLibrary) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for (domain, level) in self.policy.levels.sorted(by: { $0.key < $1.key }) {
      if let problem = library.levelProblem(domain: domain, level: level) {
        problems.append(Diagnostic(.error, "--min-level: \(problem)"))
      }
    }
    let conformance = library.standards.filter { $0.kind == .conformance }.map(\.id)
    for id in self.policy.conformance where !conformance.contains(id) {
      let hint = Suggestion.phrase(for: id, in: conformance)
      problems.append(
        Diagnostic(
          .error,
          "--require-conformance names '\(id)', not a loaded conformance"
            + " standard\(hint)"))
    }
    return problems
  }
}

extension GatePolicy {
  /// Adds what `other` asks for; its values win where both give one.
  mutating func merge(_ other: GatePolicy) {
    levels.merge(other.levels) { _, new in new }
    conformance += other.conformance.filter { !conformance.contains($0) }
    requiresAllConformance = requiresAllConformance || other.requiresAllConformance
    forbidsUnassessed = forbidsUnassessed || other.forbidsUnassessed
    forbidsExpired = forbidsExpired || other.forbidsExpired
    maxWaivers = other.maxWaivers ?? maxWaivers
    baseline = other.baseline ?? baseline
    tolerance = other.tolerance ?? tolerance
  }
}

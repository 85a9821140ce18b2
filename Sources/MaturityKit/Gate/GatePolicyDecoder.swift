import Foundation

/// Reads a gate policy file (`gate:` with levels, conformance and evidence rules), checking
/// domain and standard ids against the loaded standards.
public struct GatePolicyDecoder: Sendable {
  public var library: StandardsLibrary

  public init(library: StandardsLibrary) {
    self.library = library
  }

  static let keys = [
    "levels", "conformance", "no_unassessed", "max_waivers", "no_expired", "baseline",
    "tolerance",
  ]

  /// - Returns: The policy, or nil with the diagnostics that explain why not.
  public func decode(_ file: SourceFile) -> (policy: GatePolicy?, diagnostics: [Diagnostic]) {
    let root: YAMLNode?
    do {
      root = try YAMLLoader.load(file)
    } catch {
      return (nil, error.diagnostics)
    }
    let context = DecodeContext(file: file)
    guard let root,
      let top = MappingReader(root, "a policy file", keys: ["gate"], context: context),
      let gate = top.required("gate").flatMap({
        MappingReader($0, "the gate", keys: Self.keys, context: context)
      })
    else {
      if root == nil {
        context.report(.error, "file is empty; expected 'gate:'", line: 1, column: 1)
      }
      return (nil, context.diagnostics)
    }
    var policy = GatePolicy()
    policy.levels = gate.optional("levels").map { levels($0, context) } ?? [:]
    if let node = gate.optional("conformance") {
      let items = (node.sequence ?? [node]).compactMap { $0.scalar?.text }
      if items.contains("all") {
        policy.requiresAllConformance = true
      } else {
        policy.conformance = conformance(node, context)
      }
    }
    policy.forbidsUnassessed = gate.bool("no_unassessed") ?? false
    policy.maxWaivers = gate.int("max_waivers")
    if let count = policy.maxWaivers, count < 0, let node = gate.optional("max_waivers") {
      context.error("expected 'max_waivers' of 0 or more, found \(count)", at: node)
    }
    policy.forbidsExpired = gate.bool("no_expired") ?? false
    if let baseline = gate.text("baseline") {
      let folder = (file.path as NSString).deletingLastPathComponent
      policy.baseline =
        baseline.hasPrefix("/") || folder.isEmpty
        ? baseline : (folder as NSString).appendingPathComponent(baseline)
    }
    policy.tolerance = gate.number("tolerance")
    if let tolerance = policy.tolerance, !(0...100).contains(tolerance),
      let node = gate.optional("tolerance")
    {
      context.error(
        "expected 'tolerance' from 0 to 100, found \(NumberText.format(tolerance))", at: node)
    }
    if let node = gate.keyNode("baseline"), gate.text("baseline")?.isEmpty != false {
      context.error("'baseline' is empty; name a JSON report or remove the key", at: node)
    }
    if !context.hasErrors, !policy.isActive {
      context.report(
        .warning,
        "the policy asks for nothing (no levels, conformance, evidence rules or"
          + " baseline), so no gate is applied", line: gate.node.line, column: gate.node.column)
    }
    return (context.hasErrors ? nil : policy, context.diagnostics)
  }

  private func levels(_ node: YAMLNode, _ context: DecodeContext) -> [String: Int] {
    guard let pairs = node.mapping else {
      context.error(
        "expected 'levels' as a mapping of domain id to level, found \(node.kindDescription)",
        at: node)
      return [:]
    }
    var levels: [String: Int] = [:]
    for pair in pairs {
      guard let domain = pair.key.scalar?.text,
        let level = ValueReader(context).int(pair.value, domain)
      else { continue }
      if let problem = library.levelProblem(domain: domain, level: level, in: "levels") {
        let isDomain = library.maxLevel(ofDomain: domain) != nil
        context.error(problem, at: isDomain ? pair.value : pair.key)
        continue
      }
      levels[domain] = level
    }
    return levels
  }

  private func conformance(_ node: YAMLNode, _ context: DecodeContext) -> [String] {
    let ids = library.standards.filter { $0.kind == .conformance }.map(\.id)
    return (node.sequence ?? [node]).compactMap { item in
      guard let id = ValueReader(context).text(item, "conformance") else { return nil }
      guard ids.contains(id) else {
        let hint = Suggestion.phrase(for: id, in: ids)
        context.error(
          "'\(id)' is not a loaded conformance standard (or 'all')\(hint)", at: item)
        return nil
      }
      return id
    }
  }
}

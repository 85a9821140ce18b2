/// What one evidence file holds.
struct EvidenceFile {
  var file: SourceFile
  var scope: Scope?
  /// True when the file has a `scope` section, even one with errors.
  var hasScopeSection = false
  var claims: [Claim] = []
  var ratings: [Rating] = []
  var notApplicable: [NotApplicable] = []
  var waivers: [Waiver] = []
  var metrics: [MetricValue] = []
  var brokenReferences: [BrokenReference] = []
}

/// Decodes one evidence file, checking ids against the standards and references
/// against the bundle folder.
struct EvidenceDecoder {
  let context: DecodeContext
  let library: StandardsLibrary
  let bundlePath: String

  static let keys = [
    "scope", "claims", "ratings", "not_applicable", "waivers", "metrics", "artifacts",
  ]

  func decode(_ root: YAMLNode) -> EvidenceFile? {
    guard let reader = MappingReader(root, "an evidence file", keys: Self.keys, context: context)
    else { return nil }
    var part = EvidenceFile(file: context.file)
    part.hasScopeSection = reader.has("scope")
    part.scope = reader.optional("scope").flatMap {
      decodeScope($0, keyNode: reader.keyNode("scope"))
    }
    for node in reader.list("claims") ?? [] {
      if let claim = decodeClaim(node, &part.brokenReferences) { part.claims.append(claim) }
    }
    for node in reader.list("ratings") ?? [] {
      if let rating = decodeRating(node, &part.brokenReferences) { part.ratings.append(rating) }
    }
    part.notApplicable = (reader.list("not_applicable") ?? []).compactMap(decodeNotApplicable)
    part.waivers = (reader.list("waivers") ?? []).compactMap(decodeWaiver)
    for node in reader.list("metrics") ?? [] {
      if let metric = decodeMetric(node, &part.brokenReferences) { part.metrics.append(metric) }
    }
    for node in reader.list("artifacts") ?? [] {
      part.metrics += decodeArtifact(node)
    }
    return part
  }

  // MARK: - Scope

  private func decodeScope(_ node: YAMLNode, keyNode: YAMLNode?) -> Scope? {
    let keys = ["organisation", "name", "kind", "assessed_on", "assessor", "targets"]
    guard let reader = MappingReader(node, "the scope", keys: keys, context: context)
    else { return nil }
    let organisation = reader.text("organisation", required: true)
    let name = reader.text("name", required: true)
    let kind = reader.choice("kind", as: Scope.Kind.self, required: true)
    let assessedOn = reader.day("assessed_on", required: true)
    let targets = reader.optional("targets").map(decodeTargets) ?? [:]
    guard let organisation, let name, let kind, let assessedOn else { return nil }
    return Scope(
      organisation: organisation, name: name, kind: kind, assessedOn: assessedOn,
      assessor: reader.text("assessor"), targets: targets,
      location: context.location(of: keyNode ?? node))
  }

  private func decodeTargets(_ node: YAMLNode) -> [String: Int] {
    guard let pairs = node.mapping else {
      context.error(
        "expected 'targets' as a mapping of domain id to level, found \(node.kindDescription)",
        at: node)
      return [:]
    }
    var targets: [String: Int] = [:]
    for pair in pairs {
      guard let domain = pair.key.scalar?.text,
        let level = ValueReader(context).int(pair.value, domain)
      else { continue }
      if let problem = library.levelProblem(domain: domain, level: level, in: "targets") {
        let isDomain = library.maxLevel(ofDomain: domain) != nil
        context.error(problem, at: isDomain ? pair.value : pair.key)
        continue
      }
      targets[domain] = level
    }
    return targets
  }

  // MARK: - Claims and ratings

  private static let attestationKeys = ["evidence", "date", "reviewer", "expires", "note"]

  private func decodeClaim(_ node: YAMLNode, _ broken: inout [BrokenReference]) -> Claim? {
    let keys = ["requirement", "status"] + Self.attestationKeys
    guard let reader = MappingReader(node, "a claim", keys: keys, context: context)
    else { return nil }
    let id = requirementID(reader)
    // An empty status is an unanswered questionnaire entry: valid, and not assessed.
    let status = reader.choice("status", as: Claim.Status.self)
    if reader.keyNode("status") == nil {
      context.error(
        "missing required key 'status' in a claim (leave it empty, 'status:', if unanswered)",
        at: reader.node)
    }
    let attestation = decodeAttestation(reader, owner: id ?? "?", &broken)
    guard let id else { return nil }
    return Claim(
      requirementID: id, status: status, attestation: attestation,
      location: context.location(of: node))
  }

  private func decodeRating(_ node: YAMLNode, _ broken: inout [BrokenReference]) -> Rating? {
    let keys = ["sub_item", "level"] + Self.attestationKeys
    guard let reader = MappingReader(node, "a rating", keys: keys, context: context)
    else { return nil }
    let subItem = subItemID(reader)
    let level = reader.required("level").flatMap { ratingLevel($0, maxLevel: subItem?.maxLevel) }
    let attestation = decodeAttestation(reader, owner: subItem?.id ?? "?", &broken)
    guard let subItem, let level else { return nil }
    return Rating(
      subItemID: subItem.id, level: level.number, isPartial: level.isPartial,
      attestation: attestation, location: context.location(of: node))
  }

  private func decodeAttestation(
    _ reader: MappingReader, owner: String, _ broken: inout [BrokenReference]
  ) -> Attestation {
    // Each reference with its own node, so an error points at the item itself.
    let nodes = reader.optional("evidence").map { $0.sequence ?? [$0] } ?? []
    let values = ValueReader(context)
    let pairs = nodes.compactMap { node in values.text(node, "evidence").map { ($0, node) } }
    let evidence = pairs.map(\.0)
    for (reference, node) in pairs where !BundlePath.isURL(reference) {
      guard let problem = BundlePath.check(reference, in: bundlePath) else { continue }
      let text = describe(problem, reference)
      context.error("evidence of '\(owner)' \(text)", at: node)
      broken.append(
        BrokenReference(
          owner: owner, reference: reference, problem: text, location: context.location(of: node)))
    }
    let date = reader.day("date")
    let expires = reader.day("expires")
    if let date, let expires, expires < date, let node = reader.optional("expires") {
      context.error(
        "evidence of '\(owner)' expires (\(expires)) before its date (\(date))", at: node)
    }
    return Attestation(
      evidence: evidence, date: date, reviewer: reader.text("reviewer"), expires: expires,
      note: reader.text("note"))
  }

  func describe(_ problem: BundlePath.Problem, _ reference: String) -> String {
    switch problem {
    case .backslash:
      return "refers to '\(reference)', written with a backslash; write paths with '/'"
    case .notAFile: return "refers to '\(reference)', which is a folder, not a file"
    case .empty: return "has an empty reference; name a file in the bundle or a URL"
    case .absolute:
      return "refers to '\(reference)', an absolute path; use a path inside the bundle"
    case .escapes: return "refers to '\(reference)', which lies outside the bundle"
    case .missing: return "refers to '\(reference)', which does not exist in the bundle"
    case .linkLeadsOut:
      return "refers to '\(reference)', a symbolic link leading outside the bundle"
    }
  }

  private func ratingLevel(_ node: YAMLNode, maxLevel: Int?) -> (number: Int, isPartial: Bool)? {
    let text = node.scalar?.text ?? ""
    let isPartial = text.hasSuffix("-")
    guard let number = Int(isPartial ? String(text.dropLast()) : text), number >= 1,
      number <= (maxLevel ?? number)
    else {
      let range = maxLevel.map { "1 to \($0)" } ?? "a level"
      context.error(
        "expected a rating level N or \"N-\" with N from \(range), found '\(text)'", at: node)
      return nil
    }
    return (number, isPartial)
  }
}

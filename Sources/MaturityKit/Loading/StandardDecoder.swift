/// Decodes a standard file's root node into a ``Standard``, reporting every problem.
struct StandardDecoder {
  private let context: DecodeContext

  init(context: DecodeContext) {
    self.context = context
  }

  static let keys = [
    "id", "title", "title_zh", "reference", "version", "kind", "provenance", "levels",
    "rollup", "domain",
  ]

  func decode(_ root: YAMLNode) -> Standard? {
    guard let reader = MappingReader(root, "a standard", keys: Self.keys, context: context)
    else { return nil }
    let id = reader.text("id", required: true)
    let title = reader.text("title", required: true)
    let kind = reader.choice("kind", as: Standard.Kind.self, required: true)
    let provenance = reader.required("provenance").flatMap(ProvenanceDecoder(context).decode)
    let levels = decodeLevels(reader, kind: kind)
    let rollup = decodeRollup(reader, kind: kind)
    let domain = reader.required("domain").flatMap { decodeDomain($0, kind: kind, levels) }
    guard let id, let title, let kind, let provenance, let domain else { return nil }
    return Standard(
      id: id, title: title, titleZh: reader.text("title_zh"),
      reference: reader.text("reference"), version: reader.text("version"), kind: kind,
      provenance: provenance, levels: levels ?? [], rollup: rollup, domain: domain,
      location: context.location(of: root))
  }

  // MARK: - Levels and roll-up

  private func decodeLevels(_ reader: MappingReader, kind: Standard.Kind?) -> [LevelDefinition]? {
    // With no valid kind, nothing can be said about levels beyond the kind's own error.
    guard let kind else { return nil }
    guard kind == .levelled else {
      if let node = reader.keyNode("levels") {
        context.error("a conformance standard has no levels; remove 'levels'", at: node)
      }
      return nil
    }
    guard let items = reader.list("levels", required: true) else { return nil }
    var levels: [LevelDefinition] = []
    for item in items {
      guard
        let level = MappingReader(
          item, "a level", keys: ["level", "name", "name_zh"],
          context: context),
        let number = level.int("level", required: true),
        let name = level.text("name", required: true)
      else { return nil }
      guard number == levels.count + 1 else {
        // Report the first misnumbered level only; requirement levels are then unchecked.
        context.error(
          "expected level \(levels.count + 1) here (levels go 1, 2, 3… in order),"
            + " found level \(number)", at: level.optional("level") ?? item)
        return nil
      }
      levels.append(LevelDefinition(number: number, name: name, nameZh: level.text("name_zh")))
    }
    if levels.isEmpty {
      context.error("a levelled standard needs at least one level", at: reader.node)
    }
    return levels
  }

  private func decodeRollup(_ reader: MappingReader, kind: Standard.Kind?) -> RollupRule? {
    guard let kind else { return nil }
    guard kind == .levelled else {
      if let node = reader.keyNode("rollup") {
        context.error("a conformance standard has no roll-up; remove 'rollup'", at: node)
      }
      return nil
    }
    guard let node = reader.required("rollup"),
      let rollup = MappingReader(
        node, "a roll-up rule", keys: ["rule", "percent", "tolerance"],
        context: context)
    else { return nil }
    switch rollup.choice("rule", as: RollupName.self, required: true) {
    case .minimum:
      for key in ["percent", "tolerance"] {
        if let extra = rollup.keyNode(key) {
          context.error("'\(key)' belongs to rule 'share', not 'minimum'", at: extra)
        }
      }
      return .minimum
    case .share:
      let percent = rollup.number("percent", required: true)
      let tolerance = rollup.int("tolerance", required: true)
      if let percent, !(0...100).contains(percent), let node = rollup.optional("percent") {
        context.error(
          "expected 'percent' between 0 and 100, found \(NumberText.format(percent))",
          at: node)
      }
      if let tolerance, tolerance < 0, let node = rollup.optional("tolerance") {
        context.error("expected 'tolerance' of 0 or more, found \(tolerance)", at: node)
      }
      guard let percent, let tolerance else { return nil }
      return .share(percent: percent, tolerance: tolerance)
    case nil:
      return nil
    }
  }

  private enum RollupName: String, CaseIterable {
    case minimum, share
  }

  // MARK: - Tree

  private func decodeDomain(
    _ node: YAMLNode, kind: Standard.Kind?, _ levels: [LevelDefinition]?
  ) -> Domain? {
    guard
      let reader = MappingReader(
        node, "the domain", keys: ["id", "name", "name_zh", "groups"],
        context: context)
    else { return nil }
    let id = reader.text("id", required: true)
    let name = reader.text("name", required: true)
    let groups = reader.list("groups", required: true)?.compactMap {
      decodeGroup($0, kind: kind, maxLevel: levels?.count ?? 0)
    }
    if let groups, groups.isEmpty, let node = reader.optional("groups") {
      context.error("expected at least one group in the domain", at: node)
    }
    guard let id, let name, let groups else { return nil }
    return Domain(id: id, name: name, nameZh: reader.text("name_zh"), groups: groups)
  }

  private static let groupKeys = ["id", "name", "name_zh", "note", "groups", "requirements"]

  private func decodeGroup(_ node: YAMLNode, kind: Standard.Kind?, maxLevel: Int) -> Group? {
    guard let reader = MappingReader(node, "a group", keys: Self.groupKeys, context: context)
    else { return nil }
    let id = reader.text("id", required: true)
    let name = reader.text("name", required: true)
    var children: [Group] = []
    var requirements: [Requirement] = []
    if reader.has("groups"), reader.has("requirements") {
      context.error("a group holds either 'groups' or 'requirements', not both", at: node)
    } else if let items = reader.list("groups") {
      children = items.compactMap { decodeGroup($0, kind: kind, maxLevel: maxLevel) }
      if items.isEmpty, let value = reader.optional("groups") {
        context.error("expected at least one group in 'groups'", at: value)
      }
    } else if let items = reader.list("requirements") {
      let decoder = RequirementDecoder(context: context, kind: kind, maxLevel: maxLevel)
      requirements = items.compactMap(decoder.decode)
      if items.isEmpty, let value = reader.optional("requirements") {
        context.error("expected at least one requirement in 'requirements'", at: value)
      }
    } else {
      context.error("expected 'groups' or 'requirements' in group '\(id ?? "?")'", at: node)
    }
    guard let id, let name else { return nil }
    return Group(
      id: id, name: name, nameZh: reader.text("name_zh"), note: reader.text("note"),
      groups: children, requirements: requirements, location: context.location(of: node))
  }
}

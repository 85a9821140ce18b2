/// Decodes one requirement of a standard, including its metric rule.
struct RequirementDecoder {
  let context: DecodeContext
  let kind: Standard.Kind?
  let maxLevel: Int

  static let keys = ["id", "level", "text", "text_zh", "obligation", "metric", "evidence"]

  func decode(_ node: YAMLNode) -> Requirement? {
    guard let reader = MappingReader(node, "a requirement", keys: Self.keys, context: context)
    else { return nil }
    let id = reader.text("id", required: true)
    let text = reader.text("text", required: true)
    let level = decodeLevel(reader)
    let metric = reader.optional("metric").flatMap(decodeMetric)
    guard let id, let text else { return nil }
    return Requirement(
      id: id, level: level, text: text, textZh: reader.text("text_zh"),
      obligation: reader.choice("obligation", as: Requirement.Obligation.self) ?? .required,
      metric: metric, evidenceHint: reader.text("evidence"),
      location: context.location(of: node))
  }

  private func decodeLevel(_ reader: MappingReader) -> Int? {
    switch kind {
    case .levelled:
      guard let level = reader.int("level", required: true) else { return nil }
      if maxLevel > 0, !(1...maxLevel).contains(level), let node = reader.optional("level") {
        context.error("expected a level from 1 to \(maxLevel), found \(level)", at: node)
        return nil
      }
      return level
    case .conformance:
      if let node = reader.keyNode("level") {
        context.error(
          "a requirement of a conformance standard has no level; use 'obligation'", at: node)
      }
      return nil
    case nil:
      return reader.int("level")
    }
  }

  private func decodeMetric(_ node: YAMLNode) -> MetricRule? {
    let comparisons = MetricRule.Comparison.allCases.map(\.rawValue)
    guard
      let reader = MappingReader(
        node, "a metric rule", keys: ["name"] + comparisons,
        context: context)
    else { return nil }
    let name = reader.text("name", required: true)
    if let name, MetricCatalog.definition(name) == nil, let value = reader.optional("name") {
      let hint = Suggestion.phrase(for: name, in: MetricCatalog.names)
      context.error("unknown metric '\(name)'\(hint)", at: value)
    }
    let given = MetricRule.Comparison.allCases.filter { reader.has($0.rawValue) }
    guard given.count == 1, let comparison = given.first else {
      context.error(
        "expected exactly one of \(comparisons.joined(separator: ", ")) in a metric rule,"
          + " found \(given.count)", at: node)
      return nil
    }
    guard let name, let threshold = reader.number(comparison.rawValue, required: true)
    else { return nil }
    return MetricRule(metric: name, comparison: comparison, threshold: threshold)
  }
}

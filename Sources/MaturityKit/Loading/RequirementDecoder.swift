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
    let keys = ["name"] + comparisons + ["band", "report", "bands"]
    guard let reader = MappingReader(node, "a metric rule", keys: keys, context: context)
    else { return nil }
    let name = reader.text("name", required: true)
    if let name, MetricCatalog.definition(name) == nil, let value = reader.optional("name") {
      let hint = Suggestion.phrase(for: name, in: MetricCatalog.names)
      context.error("unknown metric '\(name)'\(hint)", at: value)
    }
    let given = MetricRule.Comparison.allCases.filter { reader.has($0.rawValue) }
    if reader.has("band") {
      guard given.isEmpty else {
        context.error(
          "a metric rule gives either a band or one of \(comparisons.joined(separator: ", ")),"
            + " not both", at: node)
        return nil
      }
      let band = reader.text("band", required: true)
      let year = reader.int("report", required: true)
      guard let name, let band, let year else { return nil }
      let reference = BandReference(
        set: reader.text("bands") ?? "dora", year: year, band: band,
        location: reader.optional("band").map(context.location))
      // The comparison and threshold are filled from the band once every file is loaded.
      return MetricRule(metric: name, comparison: .atLeast, threshold: 0, band: reference)
    }
    for key in ["report", "bands"] {
      if let extra = reader.keyNode(key) {
        context.error("'\(key)' belongs to a band rule; add 'band' or remove it", at: extra)
      }
    }
    guard let name, let (comparison, threshold) = reader.comparison(alternative: " or a band")
    else { return nil }
    return MetricRule(metric: name, comparison: comparison, threshold: threshold)
  }

}

import Foundation

extension EvidenceDecoder {
  // MARK: - Not applicable, waivers, metrics

  func decodeNotApplicable(_ node: YAMLNode) -> NotApplicable? {
    let keys = ["requirement", "group", "reason"]
    guard let reader = MappingReader(node, "a not-applicable entry", keys: keys, context: context)
    else { return nil }
    let reason = reader.text("reason", required: true)
    let target: NotApplicable.Target?
    switch (reader.has("requirement"), reader.has("group")) {
    case (true, false):
      target = requirementID(reader).map(NotApplicable.Target.requirement)
    case (false, true):
      target = groupID(reader).map(NotApplicable.Target.group)
    default:
      context.error(
        "expected exactly one of 'requirement' or 'group' in a not-applicable entry",
        at: node)
      target = nil
    }
    if let reason, reason.trimmingCharacters(in: .whitespaces).isEmpty,
      let value = reader.optional("reason")
    {
      context.error("a not-applicable entry needs a reason, found an empty one", at: value)
    }
    guard let target, let reason else { return nil }
    return NotApplicable(target: target, reason: reason, location: context.location(of: node))
  }

  func decodeWaiver(_ node: YAMLNode) -> Waiver? {
    let keys = ["requirement", "approver", "reason", "expires"]
    guard let reader = MappingReader(node, "a waiver", keys: keys, context: context)
    else { return nil }
    let id = requirementID(reader)
    let approver = nonEmpty(reader, "approver", what: "a waiver")
    let reason = nonEmpty(reader, "reason", what: "a waiver")
    let expires = reader.day("expires", required: true)
    guard let id, let approver, let reason, let expires else { return nil }
    return Waiver(
      requirementID: id, approver: approver, reason: reason, expires: expires,
      location: context.location(of: node))
  }

  func decodeMetric(_ node: YAMLNode, _ broken: inout [BrokenReference]) -> MetricValue? {
    let keys = ["name", "value", "unit", "period", "source", "date"]
    guard let reader = MappingReader(node, "a metric", keys: keys, context: context)
    else { return nil }
    let name = reader.text("name", required: true)
    let definition = name.flatMap(MetricCatalog.definition)
    if let name, definition == nil, let value = reader.optional("name") {
      let hint = Suggestion.phrase(for: name, in: MetricCatalog.names)
      context.error("unknown metric '\(name)'\(hint)", at: value)
    }
    let value = reader.number("value", required: true)
    let unit = decodeUnit(reader, definition: definition)
    let source = reader.text("source")
    if let source, !BundlePath.isURL(source),
      let problem = BundlePath.check(source, in: bundlePath),
      let sourceNode = reader.optional("source")
    {
      let text = describe(problem, source)
      context.error("source of metric '\(name ?? "?")' \(text)", at: sourceNode)
      broken.append(
        BrokenReference(
          owner: name ?? "?", reference: source, problem: text,
          location: context.location(of: sourceNode)))
    }
    guard let definition, let value, let unit else { return nil }
    if let problem = rangeProblem(value, unit: unit), let node = reader.optional("value") {
      context.error(
        "metric '\(definition.name)' \(problem), found \(NumberText.format(value))", at: node)
      return nil
    }
    return MetricValue(
      name: definition.name, value: unit.convert(value, to: definition.unit), writtenValue: value,
      writtenUnit: unit, period: reader.text("period"), source: source, date: reader.day("date"),
      location: context.location(of: node))
  }

  private func decodeUnit(_ reader: MappingReader, definition: MetricCatalog.Definition?)
    -> MetricUnit?
  {
    guard let node = reader.optional("unit") else { return definition?.unit }
    guard let text = ValueReader(context).text(node, "unit") else { return nil }
    guard let unit = MetricUnit(spelling: text) else {
      let hint = Suggestion.phrase(for: text, in: MetricUnit.allCases.map(\.rawValue))
      context.error("unknown unit '\(text)'\(hint)", at: node)
      return nil
    }
    if let definition, unit.kind != definition.unit.kind {
      let allowed = MetricUnit.allCases.filter { $0.kind == definition.unit.kind }.map(\.rawValue)
      context.error(
        "metric '\(definition.name)' is a \(definition.unit.kind.rawValue); expected a unit"
          + " among \(allowed.joined(separator: ", ")), found '\(text)'", at: node)
      return nil
    }
    return unit
  }

  /// What is wrong with a value that cannot be true for its kind of unit, if anything.
  private func rangeProblem(_ value: Double, unit: MetricUnit) -> String? {
    if abs(value) > 1e9 { return "is implausibly large (over 1e9)" }
    switch unit.kind {
    case .duration, .rate:
      return value < 0 ? "cannot be negative" : nil
    case .percentage:
      let top = unit == .ratio ? 1.0 : 100.0
      return (0...top).contains(value)
        ? nil : "must be between 0 and \(NumberText.format(top)) \(unit.rawValue)"
    case .count:
      return value < 0 || value != value.rounded() ? "must be a whole number of 0 or more" : nil
    }
  }

  /// Required text that must not be blank.
  private func nonEmpty(_ reader: MappingReader, _ key: String, what: String) -> String? {
    guard let text = reader.text(key, required: true) else { return nil }
    if text.trimmingCharacters(in: .whitespaces).isEmpty, let node = reader.optional(key) {
      context.error("\(what) needs '\(key)' filled in, found an empty value", at: node)
      return nil
    }
    return text
  }

  // MARK: - Ids

  func requirementID(_ reader: MappingReader) -> String? {
    guard let id = reader.text("requirement", required: true) else { return nil }
    if library.requirement(id) != nil { return id }
    let hint = Suggestion.phrase(for: id, in: library.requirementIDs)
    let node = reader.optional("requirement") ?? reader.node
    context.error("unknown requirement '\(id)'\(hint)", at: node)
    return nil
  }

  func groupID(_ reader: MappingReader) -> String? {
    guard let id = reader.text("group", required: true) else { return nil }
    if library.group(id) != nil { return id }
    let hint = Suggestion.phrase(for: id, in: library.groupIDs)
    context.error("unknown group '\(id)'\(hint)", at: reader.optional("group") ?? reader.node)
    return nil
  }

  /// A sub-item of a levelled standard, with that standard's highest level.
  func subItemID(_ reader: MappingReader) -> (id: String, maxLevel: Int)? {
    guard let id = reader.text("sub_item", required: true) else { return nil }
    let node = reader.optional("sub_item") ?? reader.node
    guard let place = library.group(id) else {
      let subItems = library.standards.filter { $0.kind == .levelled }
        .flatMap { $0.subItems.map(\.id) }
      context.error("unknown sub-item '\(id)'\(Suggestion.phrase(for: id, in: subItems))", at: node)
      return nil
    }
    guard place.group.isSubItem, let standard = library.standard(place.standard),
      standard.kind == .levelled
    else {
      context.error(
        "'\(id)' is not a sub-item of a levelled standard; rate a group that holds requirements",
        at: node)
      return nil
    }
    return (id, standard.maxLevel)
  }
}

/// Reads the keys of one mapping of a known format: required and optional keys,
/// typed values, and unknown keys reported with a suggestion.
struct MappingReader {
  let node: YAMLNode
  /// What the mapping is, for messages: "a requirement", "the scope".
  let what: String
  private let context: DecodeContext
  /// The mapping's pairs. Mappings are small, so a linear search beats building an
  /// index for each one.
  private let pairs: [YAMLPair]

  /// Reads `node` as a mapping whose keys must be among `keys`; reports an error and
  /// returns nil when it is not a mapping.
  init?(_ node: YAMLNode, _ what: String, keys: [String], context: DecodeContext) {
    guard let pairs = node.mapping else {
      context.error("expected \(what) as a mapping, found \(node.kindDescription)", at: node)
      return nil
    }
    self.node = node
    self.what = what
    self.context = context
    self.pairs = pairs
    for pair in pairs {
      guard let key = pair.key.scalar?.text else {
        context.error(
          "expected a text key in \(what), found \(pair.key.kindDescription)", at: pair.key)
        continue
      }
      if !keys.contains(key) {
        let hint = Suggestion.phrase(for: key, in: keys)
        context.error("unknown key '\(key)' in \(what)\(hint)", at: pair.key)
      }
    }
  }

  /// The pair for `key`; only known keys are ever asked for.
  private func entry(_ key: String) -> (keyNode: YAMLNode, value: YAMLNode)? {
    for pair in pairs {
      if case .scalar(let scalar) = pair.key.content, scalar.text == key {
        return (pair.key, pair.value)
      }
    }
    return nil
  }

  func has(_ key: String) -> Bool { entry(key) != nil }

  func keyNode(_ key: String) -> YAMLNode? { entry(key)?.keyNode }

  /// The value of `key`, or nil when absent (or null).
  func optional(_ key: String) -> YAMLNode? {
    guard let value = entry(key)?.value else { return nil }
    if case .null = value.scalar?.resolved, value.scalar?.style == .plain { return nil }
    return value
  }

  /// The value of `key`; reports it missing otherwise.
  func required(_ key: String) -> YAMLNode? {
    if let value = optional(key) { return value }
    let found = entry(key) != nil ? " (it is empty)" : ""
    context.error(
      "missing required key '\(key)' in \(what)\(found)", at: entry(key)?.keyNode ?? node)
    return nil
  }

  func text(_ key: String, required isRequired: Bool = false) -> String? {
    guard let value = isRequired ? required(key) : optional(key) else { return nil }
    return ValueReader(context).text(value, key)
  }

  func int(_ key: String, required isRequired: Bool = false) -> Int? {
    guard let value = isRequired ? required(key) : optional(key) else { return nil }
    return ValueReader(context).int(value, key)
  }

  func number(_ key: String, required isRequired: Bool = false) -> Double? {
    guard let value = isRequired ? required(key) : optional(key) else { return nil }
    return ValueReader(context).number(value, key)
  }

  func bool(_ key: String, required isRequired: Bool = false) -> Bool? {
    guard let value = isRequired ? required(key) : optional(key) else { return nil }
    return ValueReader(context).bool(value, key)
  }

  func day(_ key: String, required isRequired: Bool = false) -> Day? {
    guard let value = isRequired ? required(key) : optional(key) else { return nil }
    return ValueReader(context).day(value, key)
  }

  func choice<T: RawRepresentable<String> & CaseIterable>(
    _ key: String, as type: T.Type, required isRequired: Bool = false
  ) -> T? {
    guard let value = isRequired ? required(key) : optional(key) else { return nil }
    return ValueReader(context).choice(value, key, as: type)
  }

  /// A list of text, also accepting a single text in place of a one-item list.
  func texts(_ key: String, required isRequired: Bool = false) -> [String]? {
    guard let value = isRequired ? required(key) : optional(key) else { return nil }
    let items = value.sequence ?? [value]
    let reader = ValueReader(context)
    return items.compactMap { reader.text($0, key) }
  }

  /// A list of mappings or other nodes.
  func list(_ key: String, required isRequired: Bool = false) -> [YAMLNode]? {
    guard let value = isRequired ? required(key) : optional(key) else { return nil }
    guard let items = value.sequence else {
      context.error("expected '\(key)' to be a list, found \(value.kindDescription)", at: value)
      return nil
    }
    return items
  }

  /// The one comparison (`at_most`, `at_least`, `below` or `above`) and its number, for
  /// metric rules and bands; reports a count other than one.
  func comparison(alternative: String = "") -> (MetricRule.Comparison, Double)? {
    let names = MetricRule.Comparison.allCases.map(\.rawValue)
    let given = MetricRule.Comparison.allCases.filter { has($0.rawValue) }
    guard given.count == 1, let comparison = given.first else {
      context.error(
        "expected exactly one of \(names.joined(separator: ", "))\(alternative) in \(what),"
          + " found \(given.count)", at: node)
      return nil
    }
    guard let threshold = number(comparison.rawValue, required: true) else { return nil }
    return (comparison, threshold)
  }
}

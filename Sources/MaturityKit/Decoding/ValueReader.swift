/// Reads scalar values of known types, reporting what was expected and found.
struct ValueReader {
  private let context: DecodeContext

  init(_ context: DecodeContext) {
    self.context = context
  }

  /// Text exactly as written: `no`, `on`, `5.10` and `012345` stay text.
  func text(_ node: YAMLNode, _ key: String) -> String? {
    guard let scalar = node.scalar else {
      context.error("expected text for '\(key)', found \(node.kindDescription)", at: node)
      return nil
    }
    return scalar.text
  }

  func int(_ node: YAMLNode, _ key: String) -> Int? {
    if case .int(let value) = node.scalar?.resolved { return value }
    context.error("expected an integer for '\(key)', found \(describe(node))", at: node)
    return nil
  }

  func number(_ node: YAMLNode, _ key: String) -> Double? {
    switch node.scalar?.resolved {
    case .int(let value): return Double(value)
    case .float(let value) where value.isFinite: return value
    case .float:
      context.error(
        "expected a finite number for '\(key)', found '\(node.scalar?.text ?? "")'"
          + " (infinite, not a number, or too large)", at: node)
      return nil
    default:
      context.error("expected a number for '\(key)', found \(describe(node))", at: node)
      return nil
    }
  }

  func bool(_ node: YAMLNode, _ key: String) -> Bool? {
    if case .bool(let value) = node.scalar?.resolved { return value }
    context.error("expected true or false for '\(key)', found \(describe(node))", at: node)
    return nil
  }

  func day(_ node: YAMLNode, _ key: String) -> Day? {
    if let text = node.scalar?.text, let day = Day(text) { return day }
    context.error(
      "expected a date (YYYY-MM-DD) for '\(key)', found \(describe(node))", at: node)
    return nil
  }

  func choice<T: RawRepresentable<String> & CaseIterable>(
    _ node: YAMLNode, _ key: String, as type: T.Type
  ) -> T? {
    if let text = node.scalar?.text, let value = T(rawValue: text) { return value }
    let allowed = T.allCases.map(\.rawValue)
    let found = node.scalar.map { "'\($0.text)'" } ?? node.kindDescription
    let hint = node.scalar.map { Suggestion.phrase(for: $0.text, in: allowed) } ?? ""
    context.error(
      "expected one of \(allowed.joined(separator: ", ")) for '\(key)', found \(found)\(hint)",
      at: node)
    return nil
  }

  private func describe(_ node: YAMLNode) -> String {
    guard let scalar = node.scalar else { return node.kindDescription }
    return "\(node.kindDescription) '\(scalar.text)'"
  }
}

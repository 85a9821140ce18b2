/// A node of a loaded YAML document, with the line and column where it starts.
///
/// Aliases are resolved: an alias node is a copy of its anchored node (copies share
/// storage, so memory stays small; the loader bounds the expanded size).
public struct YAMLNode: Sendable {
  public enum Content: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  public var content: Content
  /// 1-based line of the node's first character.
  public var line: Int
  /// 1-based column (in characters) of the node's first character.
  public var column: Int
  /// The number of nodes in this subtree once every alias is expanded.
  public var weight: Int

  public init(content: Content, line: Int, column: Int, weight: Int = 1) {
    self.content = content
    self.line = line
    self.column = column
    self.weight = weight
  }

  public var scalar: YAMLScalar? {
    if case .scalar(let scalar) = content { return scalar }
    return nil
  }

  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// A short name of the node's kind for "expected …, found …" messages.
  public var kindDescription: String {
    switch content {
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    case .scalar(let scalar):
      switch scalar.resolved {
      case .null: return "nothing (null)"
      case .bool: return "a boolean"
      case .int: return "an integer"
      case .float: return "a number"
      case .string: return scalar.style == .plain ? "text" : "a quoted string"
      }
    }
  }
}

/// One key and its value in a mapping.
public struct YAMLPair: Sendable {
  public var key: YAMLNode
  public var value: YAMLNode
}

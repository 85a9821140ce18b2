/// Budgets that keep a hostile YAML file from exhausting time or memory.
public struct YAMLLimits: Sendable, Hashable {
  /// Largest file accepted, in bytes.
  public var maxFileBytes: Int
  /// Most nodes in one document once every alias is expanded.
  public var maxNodes: Int
  /// Deepest nesting of lists and mappings.
  public var maxDepth: Int

  public init(maxFileBytes: Int = 64 << 20, maxNodes: Int = 5_000_000, maxDepth: Int = 200) {
    self.maxFileBytes = maxFileBytes
    self.maxNodes = maxNodes
    self.maxDepth = maxDepth
  }
}

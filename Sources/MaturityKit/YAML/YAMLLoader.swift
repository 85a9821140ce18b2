/// Loads one YAML document into ``YAMLNode``s, keeping every node's position and
/// reporting problems as diagnostics that point into the file.
public enum YAMLLoader {
  /// The problems that stopped a file from loading; at least one error.
  public struct Failure: Error, Sendable {
    public var diagnostics: [Diagnostic]
  }

  /// Parses `file`, which must hold at most one document.
  ///
  /// - Returns: The root node, or nil when the file holds no document.
  /// - Throws: ``Failure`` with every duplicate key, or the first syntax problem.
  public static func load(
    _ file: SourceFile, limits: YAMLLimits = YAMLLimits()
  ) throws(Failure) -> YAMLNode? {
    if let problem = EncodingCheck.firstProblem(in: file, maxBytes: limits.maxFileBytes) {
      throw Failure(diagnostics: [problem])
    }
    var builder = YAMLTreeBuilder(file: file, limits: limits)
    return try builder.build()
  }
}

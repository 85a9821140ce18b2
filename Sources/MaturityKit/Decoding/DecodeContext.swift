/// Collects the diagnostics of decoding one file, so that every problem in it is
/// reported, not only the first.
final class DecodeContext {
  let file: SourceFile
  private(set) var diagnostics: [Diagnostic] = []

  init(file: SourceFile) {
    self.file = file
  }

  var hasErrors: Bool { diagnostics.contains(where: \.isError) }

  func error(_ message: String, at node: YAMLNode, notes: [Diagnostic] = []) {
    report(.error, message, line: node.line, column: node.column, notes: notes)
  }

  /// Adds a diagnostic made elsewhere (an artifact reader's), keeping its own place.
  func append(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  func warning(_ message: String, at node: YAMLNode) {
    report(.warning, message, line: node.line, column: node.column)
  }

  func report(
    _ severity: Diagnostic.Severity, _ message: String, line: Int, column: Int,
    notes: [Diagnostic] = []
  ) {
    diagnostics.append(
      Diagnostic(severity, message, in: file, line: line, column: column, notes: notes))
  }

  func location(of node: YAMLNode) -> SourceLocation {
    file.location(line: node.line, column: node.column)
  }

  func note(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.note, message, in: file, line: location.line, column: location.column)
  }
}

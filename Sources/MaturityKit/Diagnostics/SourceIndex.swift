/// The files read so far, by path, so that a diagnostic made after decoding (a repeated
/// id, an unknown band) can still show its source line.
struct SourceIndex {
  var files: [String: SourceFile] = [:]

  mutating func add(_ file: SourceFile) {
    files[file.path] = file
  }

  func diagnostic(
    _ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation,
    notes: [Diagnostic] = []
  ) -> Diagnostic {
    guard let file = files[location.file] else {
      return Diagnostic(severity, message, at: location, notes: notes)
    }
    return Diagnostic(
      severity, message, in: file, line: location.line, column: location.column, notes: notes)
  }
}

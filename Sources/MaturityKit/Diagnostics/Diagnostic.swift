/// One problem found in the input, with where it is and, when known, the source line.
public struct Diagnostic: Error, Sendable, Hashable {
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
    case note
  }

  public var severity: Severity
  public var message: String
  public var location: SourceLocation?
  /// The text of the line at `location`, for the caret snippet.
  public var sourceLine: String?
  /// Related places, such as the first occurrence of a duplicated key.
  public var notes: [Diagnostic]

  public init(
    _ severity: Severity,
    _ message: String,
    at location: SourceLocation? = nil,
    sourceLine: String? = nil,
    notes: [Diagnostic] = []
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.sourceLine = sourceLine
    self.notes = notes
  }

  /// A diagnostic at a line and column of `file`, with that line's text attached.
  public init(
    _ severity: Severity,
    _ message: String,
    in file: SourceFile,
    line: Int,
    column: Int,
    notes: [Diagnostic] = []
  ) {
    // libyaml can report the line after the last one at the end of input: point at the
    // end of the last line instead.
    let clamped = min(max(line, 1), file.lineCount)
    let text = file.line(clamped)
    let column = line > clamped ? (text?.count ?? 0) + 1 : max(column, 1)
    self.init(
      severity, message, at: file.location(line: clamped, column: column), sourceLine: text,
      notes: notes)
  }

  public var isError: Bool { severity == .error }
}

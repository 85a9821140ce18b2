/// Turns diagnostics into the text shown on stderr:
/// `path:line:col: error: message`, then the source line and a caret under the column.
public struct DiagnosticRenderer: Sendable {
  public var usesColor: Bool

  public init(usesColor: Bool = false) {
    self.usesColor = usesColor
  }

  public func render(_ diagnostic: Diagnostic) -> String {
    var lines: [String] = []
    append(diagnostic, to: &lines)
    for note in diagnostic.notes {
      append(note, to: &lines)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(render).joined()
  }

  private func append(_ diagnostic: Diagnostic, to lines: inout [String]) {
    let prefix = diagnostic.location.map { "\($0): " } ?? ""
    let label = colored(diagnostic.severity.rawValue, for: diagnostic.severity)
    lines.append("\(prefix)\(label): \(TerminalText.neutralised(diagnostic.message))")
    guard let source = diagnostic.sourceLine, let location = diagnostic.location else { return }
    let shown = TerminalText.neutralised(source)
    lines.append(shown)
    let indent = shown.prefix(max(location.column - 1, 0)).map { $0 == "\t" ? "\t" : " " }
    lines.append(indent.joined() + colored("^", for: diagnostic.severity))
  }

  private func colored(_ text: String, for severity: Diagnostic.Severity) -> String {
    guard usesColor else { return text }
    let code: String
    switch severity {
    case .error: code = "1;31"
    case .warning: code = "1;33"
    case .note: code = "1;36"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}

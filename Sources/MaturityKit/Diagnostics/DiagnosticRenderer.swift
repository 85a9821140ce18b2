/// Turns diagnostics into the text shown on stderr:
/// `path:line:col: error: message`, then the source line and a caret under the column.
public struct DiagnosticRenderer: Sendable {
  public var usesColor: Bool
  /// Longest stretch of a source line shown; longer lines show a window around the column.
  public var maxSnippetWidth = 120

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

  /// Renders all: files in the order they first appear, each file's diagnostics in line
  /// order, and those without a place where they were found.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    var fileOrder: [String: Int] = [:]
    for diagnostic in diagnostics {
      if let file = diagnostic.location?.file, fileOrder[file] == nil {
        fileOrder[file] = fileOrder.count
      }
    }
    func key(_ item: (offset: Int, element: Diagnostic)) -> (Int, Int, Int, Int) {
      guard let location = item.element.location, let file = fileOrder[location.file] else {
        return (item.offset, -1, 0, 0)
      }
      // A file's diagnostics sit where its first one was found.
      let first = diagnostics.firstIndex { $0.location?.file == location.file } ?? item.offset
      return (first, file, location.line * 100_000 + location.column, item.offset)
    }
    return diagnostics.enumerated().sorted { key($0) < key($1) }.map { render($0.element) }
      .joined()
  }

  private func append(_ diagnostic: Diagnostic, to lines: inout [String]) {
    let prefix = diagnostic.location.map { "\(TerminalText.neutralised($0.description)): " } ?? ""
    let label = colored(diagnostic.severity.rawValue, for: diagnostic.severity)
    lines.append("\(prefix)\(label): \(TerminalText.neutralised(diagnostic.message))")
    guard let source = diagnostic.sourceLine, let location = diagnostic.location else { return }
    let characters = Array(source)
    let column = min(max(location.column - 1, 0), characters.count)
    // Show a window of the line around the column, marked with … where cut.
    let start = max(0, min(column - maxSnippetWidth / 2, characters.count - maxSnippetWidth))
    let end = min(characters.count, start + maxSnippetWidth)
    let before = String(characters[start..<column])
    let shown = String(characters[start..<end])
    let lead = start > 0 ? "…" : ""
    lines.append(lead + TerminalText.neutralised(shown) + (end < characters.count ? "…" : ""))
    let width = TerminalText.displayWidth(TerminalText.neutralised(before)) + lead.count
    let tabs = before.filter { $0 == "\t" }.count
    lines.append(
      String(repeating: "\t", count: tabs) + String(repeating: " ", count: max(width - tabs, 0))
        + colored("^", for: diagnostic.severity))
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

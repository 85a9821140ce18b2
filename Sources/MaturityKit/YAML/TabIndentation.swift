/// Finds a tab used for indentation, which YAML forbids and libyaml reports only as a
/// generic scanner error.
enum TabIndentation {
  /// The first tab in the leading whitespace of line `line` or of the two lines before
  /// it (libyaml often notices the tab a line late), skipping blank lines.
  static func find(in file: SourceFile, nearLine line: Int) -> (line: Int, column: Int)? {
    for candidate in max(1, line - 2)...max(1, line) {
      guard let text = file.line(candidate) else { continue }
      let indent = text.prefix { $0 == " " || $0 == "\t" }
      guard indent.count < text.count, let tab = indent.firstIndex(of: "\t") else { continue }
      return (candidate, indent.distance(from: indent.startIndex, to: tab) + 1)
    }
    return nil
  }
}

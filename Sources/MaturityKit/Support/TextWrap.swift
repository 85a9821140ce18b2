/// Word wrapping for terminal and Markdown text.
enum TextWrap {
  /// Lines of at most `width` terminal columns (wide characters count two; longer words
  /// stay whole), each after `indent`.
  static func wrap(_ text: String, width: Int, indent: String) -> [String] {
    let available = max(width - indent.count, 20)
    var lines: [String] = []
    var current = ""
    var used = 0
    for word in text.split(whereSeparator: \.isWhitespace) {
      let size = TerminalText.displayWidth(String(word))
      if current.isEmpty {
        current = String(word)
        used = size
      } else if used + 1 + size <= available {
        current += " " + word
        used += 1 + size
      } else {
        lines.append(indent + current)
        current = String(word)
        used = size
      }
    }
    if !current.isEmpty { lines.append(indent + current) }
    return lines
  }

  /// Lines with a hanging indent: the first after `first`, the others after `rest`.
  static func hanging(_ text: String, width: Int, first: String, rest: String) -> [String] {
    let lines = wrap(text, width: width, indent: rest)
    guard let head = lines.first else { return [] }
    return [first + head.dropFirst(rest.count)] + lines.dropFirst()
  }
}

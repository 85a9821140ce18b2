/// What a command accepts, and its help screen.
package struct CommandSpec: Sendable {
  package struct Option: Sendable {
    package var name: String
    package var short: Character?
    /// The value's placeholder, or nil for a flag.
    package var value: String?
    package var help: String
    package var isRepeatable = false
    /// Allowed values, for validation and suggestions.
    package var choices: [String] = []

    /// `--standards PATH`, repeatable, of the commands that read a bundle or a standard.
    static let extraStandards = Option(
      name: "standards", short: nil, value: "path",
      help: "A folder or file of standards to load on top of the bundled ones. Repeatable.",
      isRepeatable: true)
  }

  package struct Argument: Sendable {
    package var name: String
    package var help: String
    package var isRepeatable: Bool
    package var isOptional: Bool = false
  }

  package var name: String
  package var overview: String
  package var arguments: [Argument]
  package var options: [Option]
  package var examples: [String]
  package var discussion: String?

  package static let helpOption = Option(
    name: "help", short: "h", value: nil, help: "Show help information.")

  /// The help screen: overview, usage, arguments, options, examples.
  package func help() -> String {
    var lines = TextWrap.hanging(overview, width: 100, first: "OVERVIEW: ", rest: "  ")
    lines += [""] + TextWrap.hanging(usage, width: 100, first: "USAGE: ", rest: "         ")
    if let discussion { lines += [""] + TextWrap.wrap(discussion, width: 100, indent: "") }
    if !arguments.isEmpty {
      lines += ["", "ARGUMENTS:"]
      lines += arguments.map { row("<\($0.name)>", $0.help) }
    }
    lines += ["", "OPTIONS:"]
    for option in options + [Self.helpOption] {
      var label = option.short.map { "-\($0), " } ?? ""
      label += "--\(option.name)"
      if let value = option.value { label += " <\(value)>" }
      lines.append(row(label, option.help))
    }
    if !examples.isEmpty {
      lines += ["", "EXAMPLES:"]
      for example in examples {
        // Long examples continue on the next line with a shell line continuation.
        let wrapped = TextWrap.hanging(example, width: 96, first: "  ", rest: "      ")
        lines += wrapped.enumerated().map {
          $0.offset < wrapped.count - 1 ? $0.element + " \\" : $0.element
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The usage line; with many options they are summarised as `[<options>]`.
  package var usage: String {
    var parts = ["maturity", name]
    let each = options.map { option in
      let value = option.value.map { " <\($0)>" } ?? ""
      return "[--\(option.name)\(value)]" + (option.isRepeatable ? " ..." : "")
    }
    parts += each.count > 4 ? ["[<options>]"] : each
    parts += arguments.map { argument in
      let core = "<\(argument.name)>" + (argument.isRepeatable ? " ..." : "")
      return argument.isOptional ? "[\(core)]" : core
    }
    return parts.joined(separator: " ")
  }

  private func row(_ label: String, _ help: String) -> String {
    let indent = String(repeating: " ", count: 28)
    let wrapped = TextWrap.wrap(help, width: 100, indent: indent)
    let first = "  " + label
    guard first.count < 27, let head = wrapped.first else {
      return ([first] + wrapped).joined(separator: "\n")
    }
    let padded = first.padding(toLength: 28, withPad: " ", startingAt: 0)
    return ([padded + head.dropFirst(28)] + wrapped.dropFirst()).joined(separator: "\n")
  }
}

/// Arguments of one command after parsing: option values by name and positionals.
package struct ParsedArguments: Sendable {
  package var values: [String: [String]] = [:]
  package var flags: Set<String> = []
  package var positionals: [String] = []

  package func value(_ name: String) -> String? { values[name]?.last }

  package func all(_ name: String) -> [String] { values[name] ?? [] }

  package func has(_ name: String) -> Bool { flags.contains(name) }

  /// Parses `arguments` for `spec`: `--name value`, `--name=value`, `-x`, and `--` to end
  /// options.
  ///
  /// - Throws: ``UsageError`` naming the problem, with a suggestion for a typo.
  package static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError)
    -> ParsedArguments
  {
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let (name, inline) = split(argument)
      guard let option = find(name, isShort: !argument.hasPrefix("--"), in: spec) else {
        let names = (spec.options + [CommandSpec.helpOption]).map { "--\($0.name)" }
        let hint = Suggestion.phrase(for: argument.split(separator: "=")[0].description, in: names)
        throw UsageError("unknown option '\(argument)'\(hint)", command: spec)
      }
      guard let placeholder = option.value else {
        if inline != nil {
          throw UsageError("option '--\(option.name)' takes no value", command: spec)
        }
        parsed.flags.insert(option.name)
        continue
      }
      let value: String
      if let inline {
        value = inline
      } else if index < arguments.count {
        value = arguments[index]
        index += 1
      } else {
        throw UsageError("option '--\(option.name)' needs a value <\(placeholder)>", command: spec)
      }
      try check(value, for: option, in: spec)
      if !option.isRepeatable, parsed.values[option.name] != nil {
        throw UsageError("option '--\(option.name)' is given more than once", command: spec)
      }
      parsed.values[option.name, default: []].append(value)
    }
    return parsed
  }

  private static func split(_ argument: String) -> (String, String?) {
    let body = argument.drop { $0 == "-" }
    guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
    return (String(body[..<equals]), String(body[body.index(after: equals)...]))
  }

  private static func find(_ name: String, isShort: Bool, in spec: CommandSpec)
    -> CommandSpec.Option?
  {
    let options = spec.options + [CommandSpec.helpOption]
    if isShort {
      return name.count == 1 ? options.first { $0.short.map(String.init) == name } : nil
    }
    return options.first { $0.name == name }
  }

  private static func check(_ value: String, for option: CommandSpec.Option, in spec: CommandSpec)
    throws(UsageError)
  {
    guard !option.choices.isEmpty, !option.choices.contains(value) else { return }
    let hint = Suggestion.phrase(for: value, in: option.choices)
    throw UsageError(
      "'\(value)' is not a valid value for '--\(option.name)'; expected one of"
        + " \(option.choices.joined(separator: ", "))\(hint)", command: spec)
  }
}

/// A command line that cannot be run: exit code 64, message, usage and a help pointer.
package struct UsageError: Error, Sendable {
  package var message: String
  package var command: CommandSpec?

  package init(_ message: String, command: CommandSpec?) {
    self.message = message
    self.command = command
  }

  package var rendered: String {
    var text = "Error: \(TerminalText.neutralised(message))\n"
    if let command {
      text += "Usage: \(command.usage)\n"
      text += "  See 'maturity \(command.name) --help' for more information.\n"
    } else {
      text += "  See 'maturity --help' for more information.\n"
    }
    return text
  }
}

extension ParsedArguments {
  /// The `--tolerance` value: a plain decimal from 0 to 100 (no hex, no infinity), or nil.
  package func tolerance(for spec: CommandSpec) throws(UsageError) -> Double? {
    guard let text = value("tolerance") else { return nil }
    let isDecimal = !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." }
    guard isDecimal, let value = Double(text), value.isFinite, value <= 100 else {
      throw UsageError(
        "expected a number from 0 to 100 for '--tolerance', found '\(text)'", command: spec)
    }
    return value
  }
}

extension ParsedArguments {
  /// The options that raise (or lower) the YAML budgets, shared by the reading commands.
  package static let limitOptions: [CommandSpec.Option] = [
    .init(
      name: "max-file-size", short: nil, value: "bytes",
      help: "Largest YAML file read (default 67108864, 64 MiB)."),
    .init(
      name: "max-nodes", short: nil, value: "count",
      help: "Most nodes in one YAML document once aliases are expanded (default 5000000)."),
    .init(
      name: "max-depth", short: nil, value: "count",
      help: "Deepest nesting of lists and mappings in YAML (default 200)."),
  ]

  /// The YAML budgets, defaults changed by `--max-file-size`, `--max-nodes`, `--max-depth`.
  package func limits(for spec: CommandSpec) throws(UsageError) -> YAMLLimits {
    var limits = YAMLLimits()
    for (name, keyPath) in [
      ("max-file-size", \YAMLLimits.maxFileBytes), ("max-nodes", \YAMLLimits.maxNodes),
      ("max-depth", \YAMLLimits.maxDepth),
    ] {
      guard let text = value(name) else { continue }
      guard let number = Int(text), number > 0 else {
        throw UsageError(
          "expected a whole number above 0 for '--\(name)', found '\(text)'", command: spec)
      }
      limits[keyPath: keyPath] = number
    }
    return limits
  }
}

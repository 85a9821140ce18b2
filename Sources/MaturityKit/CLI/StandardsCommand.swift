/// `maturity standards list|show`: browse the loaded standards.
package enum StandardsCommand {
  package static let spec = CommandSpec(
    name: "standards",
    overview: "List the loaded standards, or show one standard, domain, group or requirement.",
    arguments: [
      .init(name: "action", help: "list, or show.", isRepeatable: false),
      .init(
        name: "id", help: "For show: a standard, domain, group or requirement id.",
        isRepeatable: false, isOptional: true),
    ],
    options: [
      .init(
        name: "level", short: nil, value: "n",
        help: "For show: only the requirements of this level (what level N adds)."),
      .extraStandards,
    ],
    examples: [
      "maturity standards list",
      "maturity standards show caict-cd --level 4",
      "maturity standards show CD-BCI-CI-FP",
      "maturity standards show ITU-CD-08",
    ],
    discussion: """
      The bundled standards are our own summaries of public material, not the official texts; \
      each one's provenance and confidence are shown.
      """)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    let positionals = arguments.positionals
    guard let action = positionals.first, ["list", "show"].contains(action) else {
      let found = positionals.first.map { "found '\($0)'" } ?? "found nothing"
      let hint = positionals.first.map { Suggestion.phrase(for: $0, in: ["list", "show"]) } ?? ""
      return MaturityCommand.usage(
        UsageError("expected the action list or show, \(found)\(hint)", command: spec))
    }
    var level: Int?
    if let text = arguments.value("level") {
      guard let value = Int(text), value > 0 else {
        return MaturityCommand.usage(
          UsageError("expected a level number for '--level', found '\(text)'", command: spec))
      }
      level = value
    }
    let (loaded, failure) = context.loadStandards(arguments)
    if let failure { return failure }
    let renderer = context.renderer
    let view = StandardsView(library: loaded.library)
    guard action == "show" else {
      guard positionals.count == 1 else {
        return MaturityCommand.usage(UsageError("list takes no id", command: spec))
      }
      return MaturityCommand.Result(stdout: view.list())
    }
    guard positionals.count == 2 else {
      return MaturityCommand.usage(UsageError("show needs exactly one <id>", command: spec))
    }
    if let level {
      let id = positionals[1]
      let standard =
        loaded.library.standard(id)
        ?? loaded.library.group(id).flatMap { loaded.library.standard($0.standard) }
        ?? loaded.library.standards.first { $0.domain.id == id }
      let maxLevel = standard.map(\.maxLevel) ?? 0
      guard maxLevel > 0, level <= maxLevel else {
        let what =
          maxLevel == 0 ? "'\(id)' has no levels" : "expected a level from 1 to \(maxLevel)"
        return MaturityCommand.usage(
          UsageError("\(what) for '--level', found \(level)", command: spec))
      }
    }
    do {
      return MaturityCommand.Result(stdout: try view.show(positionals[1], level: level))
    } catch {
      guard case .unknown(let id, let suggestion) = error else { return MaturityCommand.Result() }
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
      return MaturityCommand.Result(
        stderr: renderer.render(
          Diagnostic(.error, "no standard, domain, group or requirement '\(id)'\(hint)")),
        exitCode: ExitCode.invalidInput)
    }
  }
}

/// `maturity assess`: score bundles and print or write the gap report.
package enum AssessCommand {
  package static let spec = CommandSpec(
    name: "assess",
    overview: "Score evidence bundles and print the dual-certification gap report.",
    arguments: [
      .init(name: "bundle", help: "An evidence bundle folder.", isRepeatable: true)
    ],
    options: [
      .init(
        name: "format", short: "f", value: "format",
        help: "Report format: text (default), json or markdown.",
        choices: ["text", "json", "markdown"]),
      .init(
        name: "output", short: "o", value: "file",
        help: "Write the report to this file (atomically) instead of standard output."),
      .init(
        name: "standards", short: nil, value: "path",
        help: "A folder or file of standards and crosswalks to add; a standard with the id of"
          + " a bundled one replaces it. Repeatable.", isRepeatable: true),
      .init(
        name: "strict", short: nil, value: nil,
        help: "Count waived requirements as not met."),
      .init(
        name: "todo", short: nil, value: "count",
        help: "How many to-do items the text report shows: a number or 'all' (default 15)."),
      .init(
        name: "color", short: nil, value: "when",
        help: "Colour the text report: auto (default: only on a terminal, never with NO_COLOR),"
          + " always or never.", choices: ["auto", "always", "never"]),
    ],
    examples: [
      "maturity assess Examples/bank-payments",
      "maturity assess Examples/bank-payments --format json",
      "maturity assess Examples/bank-payments --format markdown --output report.md",
      "maturity assess Examples/startup-shop --standards ~/official-standards --strict",
    ],
    discussion: """
      The bundled standards are our own summaries of public material, not the official texts. \
      Exit codes: 0 success, 1 a gate failed, 2 invalid input (the report is still written \
      for what could be read, and every problem is listed on stderr), 64 usage error.
      """)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    guard !arguments.positionals.isEmpty else {
      return MaturityCommand.usage(UsageError("missing the <bundle> to assess", command: spec))
    }
    let todoLimit: Int?
    switch arguments.value("todo") {
    case nil: todoLimit = 15
    case "all": todoLimit = nil
    case let text?:
      guard let number = Int(text), number >= 0 else {
        return MaturityCommand.usage(
          UsageError("expected a number or 'all' for '--todo', found '\(text)'", command: spec))
      }
      todoLimit = number
    }
    var result = MaturityCommand.Result()
    let renderer = DiagnosticRenderer(
      usesColor: context.usesColor(terminal: context.isStderrTerminal))
    let loaded = StandardsLoader().load(paths: arguments.all("standards"))
    guard !loaded.hasErrors else {
      result.stderr = renderer.render(loaded.diagnostics)
      result.stderr += "error: the standards have errors; nothing was assessed\n"
      result.exitCode = ExitCode.invalidInput
      return result
    }
    var diagnostics = loaded.diagnostics
    var assessments: [Assessment] = []
    var inputs: [String] = []
    let options = AssessmentOptions(isStrict: arguments.has("strict"))
    for path in arguments.positionals {
      let bundle = BundleLoader(library: loaded.library).load(path)
      diagnostics += bundle.diagnostics
      inputs += FileReader.yamlFiles(in: path)
      if let evidence = bundle.bundle {
        assessments.append(Assessor(library: loaded.library, options: options).assess(evidence))
      }
    }
    let output = arguments.value("output")
    let colorChoice = arguments.value("color") ?? "auto"
    let usesColor =
      colorChoice == "always"
      || (colorChoice == "auto" && output == nil
        && context.usesColor(terminal: context.isStdoutTerminal))
    let report = render(
      assessments, format: arguments.value("format") ?? "text",
      text: TextReport(usesColor: usesColor, todoLimit: todoLimit))
    if !assessments.isEmpty {
      if let output {
        if let problem = ReportFile.write(report, to: output, inputs: inputs) {
          diagnostics.append(problem)
        }
      } else {
        result.stdout = report
      }
    }
    result.stderr = renderer.render(diagnostics)
    let errorCount = diagnostics.filter(\.isError).count
    if errorCount > 0 {
      let noun = errorCount == 1 ? "error" : "errors"
      result.stderr += "error: \(errorCount) \(noun) in the input; exit code 2\n"
    }
    result.exitCode = errorCount > 0 ? ExitCode.invalidInput : ExitCode.success
    return result
  }

  private static func render(_ assessments: [Assessment], format: String, text: TextReport)
    -> String
  {
    switch format {
    case "json":
      let report = JSONReport(toolVersion: MaturityCommand.version)
      guard assessments.count != 1 else { return report.render(assessments[0]) }
      return JSONValue.object([
        ("format", .string("maturity-report-set")),
        ("version", .int(JSONReport.formatVersion)),
        ("reports", .array(assessments.map(report.value))),
      ]).serialized()
    case "markdown":
      return assessments.map(MarkdownReport().render).joined(separator: "\n---\n\n")
    default:
      return assessments.map(text.render).joined(
        separator: "\n" + String(repeating: "=", count: 100) + "\n\n")
    }
  }
}

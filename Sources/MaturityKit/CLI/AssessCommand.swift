/// `maturity assess`: score bundles, print or write the gap report, and apply a gate.
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
        help: "Report format: text (default), json, markdown or junit.",
        choices: ["text", "json", "markdown", "junit"]),
      .init(
        name: "output", short: "o", value: "file",
        help: "Write the report to this file (atomically) instead of standard output."),
      .init(
        name: "standards", short: nil, value: "path",
        help: "A folder or file of standards and crosswalks to add; a standard with the id of"
          + " a bundled one replaces it. Repeatable.", isRepeatable: true),
      .init(name: "strict", short: nil, value: nil, help: "Count waived requirements as not met."),
      BandYearOption.option,
      .init(
        name: "todo", short: nil, value: "count",
        help: "How many to-do items the text report shows: a number or 'all' (default 15)."),
      .init(
        name: "color", short: nil, value: "when",
        help: "Colour the text report: auto (default: only on a terminal, never with NO_COLOR),"
          + " always or never.", choices: ["auto", "always", "never"]),
    ] + GateOptions.options + ParsedArguments.limitOptions,
    examples: [
      "maturity assess Examples/bank-payments",
      "maturity assess Examples/bank-payments --format json",
      "maturity assess Examples/bank-payments --format markdown --output report.md",
      "maturity assess Examples/startup-shop --standards ~/official-standards --strict",
      "maturity assess Examples/bank-payments --min-level continuous-delivery=3"
        + " --require-conformance all --baseline ci/baseline.json",
      "maturity assess Examples/bank-payments --policy maturity-policy.yaml --format junit",
    ],
    discussion: """
      The bundled standards are our own summaries of public material, not the official texts. \
      A gate (any of --policy, --min-level, --require-conformance, --baseline, --max-waivers, \
      --no-unassessed, --no-expired) is checked after scoring. Exit codes: 0 success (and the \
      gate passed), 1 the gate failed, 2 invalid input (the report is still written for what \
      could be read, every problem is listed on stderr, and a gate never passes), 64 usage \
      error.
      """)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    guard !arguments.positionals.isEmpty else {
      return MaturityCommand.usage(UsageError("missing the <bundle> to assess", command: spec))
    }
    let todoLimit: Int?
    let gateOptions: GateOptions
    let limits: YAMLLimits
    do {
      todoLimit = try parseTodo(arguments.value("todo"))
      gateOptions = try GateOptions(arguments)
      limits = try arguments.limits(for: spec)
    } catch {
      return MaturityCommand.usage(error)
    }
    let (loaded, failure) = context.loadStandards(arguments, limits: limits)
    if let failure { return failure }
    let options: AssessmentOptions
    do {
      let year = try BandYearOption.year(arguments, sets: loaded.library.bandSets, command: spec)
      options = AssessmentOptions(isStrict: arguments.has("strict"), bandYear: year)
    } catch {
      return MaturityCommand.usage(error)
    }
    let setup = gateOptions.setUp(library: loaded.library)
    var (scored, diagnostics, inputs) = scoreAll(
      arguments, library: loaded.library, options: options, limits: limits, setup: setup)
    diagnostics = loaded.diagnostics + setup.diagnostics + diagnostics
    // No report of a run with bad input may say the gate passed.
    let errorCount = diagnostics.filter(\.isError).count
    scored = scored.map { ($0.assessment, $0.gate?.failingForInput(errors: errorCount)) }
    let report = render(
      scored, format: arguments.value("format") ?? "text",
      asSet: arguments.positionals.count > 1,
      text: TextReport(usesColor: usesColor(arguments, context), todoLimit: todoLimit),
      gateLevels: setup.policy?.levels ?? [:], inputErrors: diagnostics.filter(\.isError))
    var result = MaturityCommand.Result()
    if !scored.isEmpty || arguments.value("format") == "junit" {
      let delivered = deliver(report, arguments, inputs: inputs + setup.inputs)
      result.stdout = delivered.stdout
      if let problem = delivered.problem { diagnostics.append(problem) }
    }
    result.stderr = context.renderer.render(diagnostics)
    result.exitCode = exitCode(diagnostics: diagnostics, scored: scored, stderr: &result.stderr)
    return result
  }

  /// Loads and scores every bundle, applying the gate; returns what was scored, the
  /// problems found, and the evidence files read (inputs a report must not overwrite).
  private static func scoreAll(
    _ arguments: ParsedArguments, library: StandardsLibrary, options: AssessmentOptions,
    limits: YAMLLimits, setup: GateOptions.Setup
  ) -> (scored: [(assessment: Assessment, gate: GateResult?)], [Diagnostic], [String]) {
    var scored: [(assessment: Assessment, gate: GateResult?)] = []
    var diagnostics: [Diagnostic] = []
    var inputs: [String] = []
    for path in arguments.positionals {
      let bundle = BundleLoader(library: library, limits: limits).load(path)
      diagnostics += bundle.diagnostics
      inputs += FileReader.yamlFiles(in: path)
      guard let evidence = bundle.bundle else { continue }
      let assessment = Assessor(library: library, options: options).assess(evidence)
      let (gate, problem) = self.gate(
        assessment, setup: setup, library: library, bundleCount: arguments.positionals.count)
      if let problem { diagnostics.append(problem) }
      scored.append((assessment, gate))
    }
    return (scored, diagnostics, inputs)
  }

  /// The gate's result for one assessment, with a problem matching its baseline, if any.
  private static func gate(
    _ assessment: Assessment, setup: GateOptions.Setup, library: StandardsLibrary,
    bundleCount: Int
  ) -> (GateResult?, Diagnostic?) {
    guard let policy = setup.policy else { return (nil, nil) }
    var baseline: ReportSnapshot?
    var problem: Diagnostic?
    if policy.baseline != nil, setup.diagnostics.allSatisfy({ !$0.isError }) {
      (baseline, problem) = setup.baseline(for: assessment, bundleCount: bundleCount)
    }
    let gate = Gate(policy: policy, loadedStandards: Set(library.standards.map(\.id)))
    return (gate.evaluate(assessment, baseline: baseline), problem)
  }

  /// Colour for the text report: always, never, or on a terminal without NO_COLOR and
  /// without --output.
  private static func usesColor(
    _ arguments: ParsedArguments, _ context: MaturityCommand.Context
  ) -> Bool {
    switch arguments.value("color") ?? "auto" {
    case "always": return true
    case "never": return false
    default:
      return arguments.value("output") == nil
        && context.usesColor(terminal: context.isStdoutTerminal)
    }
  }

  /// Writes the report to --output (never over an input, including --standards files) or
  /// returns it for standard output.
  private static func deliver(_ report: String, _ arguments: ParsedArguments, inputs: [String])
    -> (stdout: String, problem: Diagnostic?)
  {
    guard let output = arguments.value("output") else { return (report, nil) }
    var inputs = inputs
    for path in arguments.all("standards") {
      inputs += FileReader.isDirectory(path) ? FileReader.yamlFiles(in: path) : [path]
    }
    let problem = ReportFile.write(
      report, to: output, inputs: inputs, protectedFolders: arguments.positionals)
    return ("", problem)
  }

  /// 2 when any input was bad (a gate never passes on unreadable input), else 1 when a gate
  /// failed, else 0.
  private static func exitCode(
    diagnostics: [Diagnostic], scored: [(assessment: Assessment, gate: GateResult?)],
    stderr: inout String
  ) -> Int32 {
    let errorCount = diagnostics.filter(\.isError).count
    if errorCount > 0 {
      let noun = errorCount == 1 ? "error" : "errors"
      stderr += "error: \(errorCount) \(noun) in the input; exit code 2\n"
      return ExitCode.invalidInput
    }
    let failed = scored.filter { $0.gate?.passed == false }
    guard failed.isEmpty else {
      for item in failed {
        let checks = item.gate?.checks.filter { !$0.passed }.map(\.name) ?? []
        stderr +=
          "gate failed for \(item.assessment.bundlePath): \(checks.joined(separator: "; "))\n"
      }
      return ExitCode.gateFailed
    }
    return ExitCode.success
  }

  private static func parseTodo(_ text: String?) throws(UsageError) -> Int? {
    switch text?.lowercased() {
    case nil: return 15
    case "all": return nil
    case let text?:
      guard let number = Int(text), number >= 0 else {
        throw UsageError("expected a number or 'all' for '--todo', found '\(text)'", command: spec)
      }
      return number
    }
  }

  /// - Parameter asSet: several bundles were asked for, so JSON is a report set even when
  ///   some of them could not be read.
  private static func render(
    _ scored: [(assessment: Assessment, gate: GateResult?)], format: String, asSet: Bool,
    text: TextReport, gateLevels: [String: Int], inputErrors: [Diagnostic]
  ) -> String {
    switch format {
    case "json":
      let report = JSONReport(toolVersion: MaturityCommand.version)
      if !asSet, let only = scored.first { return report.render(only.assessment, gate: only.gate) }
      return JSONValue.object([
        ("format", .string("maturity-report-set")),
        ("version", .int(JSONReport.formatVersion)),
        ("reports", .array(scored.map { report.value($0.assessment, gate: $0.gate) })),
      ]).serialized()
    case "markdown":
      return scored.map { MarkdownReport().render($0.assessment, gate: $0.gate) }
        .joined(separator: "\n---\n\n")
    case "junit":
      return JUnitReport(gateLevels: gateLevels).render(scored, inputErrors: inputErrors)
    default:
      return scored.map { text.render($0.assessment, gate: $0.gate) }
        .joined(separator: "\n" + String(repeating: "=", count: 100) + "\n\n")
    }
  }
}

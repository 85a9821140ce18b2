/// `maturity diff`: what changed between two JSON reports.
package enum DiffCommand {
  package static let spec = CommandSpec(
    name: "diff",
    overview: "Show what changed between two JSON reports of maturity assess.",
    arguments: [
      .init(name: "old", help: "The earlier JSON report.", isRepeatable: false),
      .init(name: "new", help: "The later JSON report.", isRepeatable: false),
    ],
    options: [
      .init(
        name: "format", short: "f", value: "format",
        help: "Output format: text (default), json or markdown.",
        choices: ["text", "json", "markdown"]),
      .init(
        name: "tolerance", short: nil, value: "number",
        help: "How far coverage may drop before it counts as a regression (default 0)."),
      .init(
        name: "fail-on-regression", short: nil, value: nil,
        help: "Exit with 1 when there is any regression."),
    ],
    examples: [
      "maturity assess Examples/bank-payments --format json --output new.json",
      "maturity diff ci/baseline.json new.json",
      "maturity diff ci/baseline.json new.json --format markdown --fail-on-regression",
    ],
    discussion: """
      Levels, coverage, conformance and every requirement status are compared; a requirement \
      that is no longer in the standards is listed, not compared. Exit codes: 0 (or 1 with \
      --fail-on-regression and a regression), 2 when a report cannot be read, 64 usage error.
      """)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    guard arguments.positionals.count == 2 else {
      let found = arguments.positionals.count
      return MaturityCommand.usage(
        UsageError("expected two reports, <old> and <new>; found \(found)", command: spec))
    }
    let tolerance: Double
    do {
      tolerance = try arguments.tolerance(for: spec) ?? 0
    } catch {
      return MaturityCommand.usage(error)
    }
    var snapshots: [ReportSnapshot] = []
    var problems: [Diagnostic] = []
    for path in arguments.positionals {
      switch FileReader.read(path, maxBytes: YAMLLimits().maxFileBytes) {
      case .failure(let problem):
        problems.append(problem)
      case .success(let file):
        do {
          snapshots.append(try SnapshotReader.read(file))
        } catch {
          problems.append(error)
        }
      }
    }
    guard problems.isEmpty, snapshots.count == 2 else {
      let renderer = context.renderer
      return MaturityCommand.Result(
        stderr: renderer.render(problems), exitCode: ExitCode.invalidInput)
    }
    let loaded = Set(StandardsLoader().load(paths: []).library.standards.map(\.id))
    let report = DiffReport(
      old: snapshots[0], new: snapshots[1], tolerance: tolerance, loaded: loaded)
    var result = MaturityCommand.Result()
    switch arguments.value("format") {
    case "json": result.stdout = report.json()
    case "markdown": result.stdout = report.markdown()
    default: result.stdout = report.text()
    }
    if arguments.has("fail-on-regression"), !report.comparison.regressions.isEmpty {
      result.exitCode = ExitCode.gateFailed
    }
    return result
  }
}

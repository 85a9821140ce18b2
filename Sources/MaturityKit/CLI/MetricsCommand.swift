/// `maturity metrics BUNDLE`: the metrics a bundle yields and where each came from.
package enum MetricsCommand {
  package static let spec = CommandSpec(
    name: "metrics",
    overview: "Print the metrics a bundle gives or its artifacts yield, and where each came"
      + " from.",
    arguments: [.init(name: "bundle", help: "An evidence bundle folder.", isRepeatable: false)],
    options: [
      .extraStandards,
      BandYearOption.option,
    ],
    examples: [
      "maturity metrics Examples/maturity-self",
      "maturity metrics --band-year 2021 Examples/bank-payments",
    ],
    discussion: """
      Each line gives the value in the catalogue's unit, the value as written, the period, \
      the file it came from (for artifacts, the files and the figures read from them), and \
      the requirements it decides. A metric a band set covers (the DORA delivery metrics) \
      also gets the best band its value meets in that set's report of the chosen year, or \
      "no band" when it meets none.
      """)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
      return MaturityCommand.usage(UsageError("expected one <bundle>", command: spec))
    }
    let (loaded, failure) = context.loadStandards(arguments)
    if let failure { return failure }
    let bandYear: Int?
    do {
      bandYear = try BandYearOption.year(arguments, sets: loaded.library.bandSets, command: spec)
    } catch {
      return MaturityCommand.usage(error)
    }
    let result = BundleLoader(library: loaded.library).load(path)
    let stderr = context.renderer.render(result.diagnostics)
    let code = result.hasErrors ? ExitCode.invalidInput : ExitCode.success
    guard let bundle = result.bundle else {
      return MaturityCommand.Result(stderr: stderr, exitCode: ExitCode.invalidInput)
    }
    let options = AssessmentOptions(bandYear: bandYear)
    let assessment = Assessor(library: loaded.library, options: options).assess(bundle)
    let lines = assessment.metrics.flatMap { use in
      TextWrap.hanging(ReportWording.metric(use), width: 100, first: "", rest: "    ")
        + ReportWording.parts(use).flatMap { part in
          TextWrap.hanging(part, width: 100, first: "    ", rest: "      ")
        }
    }
    let text =
      lines.isEmpty
      ? "no metrics"
      : lines.map(TerminalText.neutralised)
        .joined(separator: "\n")
    return MaturityCommand.Result(stdout: text + "\n", stderr: stderr, exitCode: code)
  }
}

/// `maturity metrics BUNDLE`: the metrics a bundle yields and where each came from.
package enum MetricsCommand {
  package static let spec = CommandSpec(
    name: "metrics",
    overview: "Print the metrics a bundle gives or its artifacts yield, and where each came"
      + " from.",
    arguments: [.init(name: "bundle", help: "An evidence bundle folder.", isRepeatable: false)],
    options: [
      .init(
        name: "standards", short: nil, value: "path",
        help: "A folder or file of standards to load on top of the bundled ones. Repeatable.",
        isRepeatable: true)
    ],
    examples: ["maturity metrics Examples/maturity-self"],
    discussion: """
      Each line gives the value in the catalogue's unit, the value as written, the period, \
      the file it came from (for artifacts, the files and the figures read from them), and \
      the requirements it decides.
      """)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
      return MaturityCommand.usage(UsageError("expected one <bundle>", command: spec))
    }
    let (loaded, failure) = context.loadStandards(arguments)
    if let failure { return failure }
    let result = BundleLoader(library: loaded.library).load(path)
    let stderr = context.renderer.render(result.diagnostics)
    let code = result.hasErrors ? ExitCode.invalidInput : ExitCode.success
    guard let bundle = result.bundle else {
      return MaturityCommand.Result(stderr: stderr, exitCode: ExitCode.invalidInput)
    }
    let assessment = Assessor(library: loaded.library).assess(bundle)
    let lines = assessment.metrics.flatMap {
      TextWrap.hanging(ReportWording.metric($0), width: 100, first: "", rest: "    ")
    }
    let text =
      lines.isEmpty
      ? "no metrics"
      : lines.map(TerminalText.neutralised)
        .joined(separator: "\n")
    return MaturityCommand.Result(stdout: text + "\n", stderr: stderr, exitCode: code)
  }
}

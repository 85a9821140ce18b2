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
        isRepeatable: true),
      .init(
        name: "band-year", short: nil, value: "year",
        help: "The report year whose bands a metric is placed in (default: each band set's"
          + " latest).",
        isRepeatable: false),
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
    let reports: [(set: String, report: BandReport)]
    do {
      reports = try bandReports(loaded.library.bandSets, year: arguments.value("band-year"))
    } catch {
      return MaturityCommand.usage(error)
    }
    let result = BundleLoader(library: loaded.library).load(path)
    let stderr = context.renderer.render(result.diagnostics)
    let code = result.hasErrors ? ExitCode.invalidInput : ExitCode.success
    guard let bundle = result.bundle else {
      return MaturityCommand.Result(stderr: stderr, exitCode: ExitCode.invalidInput)
    }
    let assessment = Assessor(library: loaded.library).assess(bundle)
    let lines = assessment.metrics.flatMap { use in
      let text = ReportWording.metric(use) + bandText(use.value, reports)
      return TextWrap.hanging(text, width: 100, first: "", rest: "    ")
    }
    let text =
      lines.isEmpty
      ? "no metrics"
      : lines.map(TerminalText.neutralised)
        .joined(separator: "\n")
    return MaturityCommand.Result(stdout: text + "\n", stderr: stderr, exitCode: code)
  }

  /// Each band set's report of `year`, or of its latest year when no year is given.
  ///
  /// - Throws: A usage error when `year` is not a number or no set has a report of it.
  static func bandReports(_ sets: [BandSet], year text: String?) throws(UsageError)
    -> [(set: String, report: BandReport)]
  {
    guard let text else {
      return sets.compactMap { set in
        set.reports.max { $0.year < $1.year }.map { (set.id, $0) }
      }
    }
    guard let year = Int(text) else {
      throw UsageError("expected a year for '--band-year', found '\(text)'", command: spec)
    }
    let found = sets.compactMap { set in set.report(year).map { (set: set.id, report: $0) } }
    if found.isEmpty {
      let years = sets.map { set in
        "\(set.id) has " + set.reports.map { String($0.year) }.joined(separator: ", ")
      }
      let have = years.isEmpty ? "no band set is loaded" : years.joined(separator: "; ")
      throw UsageError("no band set has a report of \(year); \(have)", command: spec)
    }
    return found
  }

  /// "; dora 2023 band: high" for each report that gives bands for the metric.
  static func bandText(_ value: MetricValue, _ reports: [(set: String, report: BandReport)])
    -> String
  {
    reports.compactMap { entry in
      guard entry.report.metrics[value.name] != nil else { return nil }
      let band = entry.report.bestBand(of: value.name, value: value.value)?.name ?? "no band"
      return "; \(entry.set) \(entry.report.year) band: \(band)"
    }.joined()
  }
}

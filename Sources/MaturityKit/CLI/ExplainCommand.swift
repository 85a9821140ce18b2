/// `maturity explain REQ --bundle B`: how a requirement's status was reached, with the bands
/// of a metric that decided it.
package enum ExplainCommand {
  package static let spec = CommandSpec(
    name: "explain",
    overview: "Explain how a requirement's status was reached in a bundle, and what would"
      + " change it.",
    arguments: [
      .init(name: "requirement", help: "A requirement id.", isRepeatable: false)
    ],
    options: [
      .init(name: "bundle", short: "b", value: "folder", help: "The evidence bundle."),
      .init(name: "strict", short: nil, value: nil, help: "Count waived requirements as not met."),
      .extraStandards,
      BandYearOption.option,
    ],
    examples: [
      "maturity explain CD-BCI-CI-FP-L4-1 --bundle Examples/bank-payments",
      "maturity explain ITU-CD-01 --bundle Examples/bank-payments",
      "maturity explain PM-MC-DORA-STB-L5-2 --bundle Examples/bank-payments --band-year 2021",
    ],
    discussion: nil)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    guard arguments.positionals.count == 1, let id = arguments.positionals.first else {
      return MaturityCommand.usage(
        UsageError("expected one <requirement> id", command: spec))
    }
    guard let path = arguments.value("bundle") else {
      return MaturityCommand.usage(UsageError("missing '--bundle <folder>'", command: spec))
    }
    let renderer = context.renderer
    let (loaded, failure) = context.loadStandards(arguments)
    if let failure { return failure }
    guard loaded.library.requirement(id) != nil else {
      let library = loaded.library
      if library.group(id) != nil || library.standard(id) != nil || library.domainIDs.contains(id) {
        let example = library.group(id)?.group.requirements.first?.id
        let hint = example.map { ", such as \($0)" } ?? ""
        return MaturityCommand.Result(
          stderr: renderer.render(
            Diagnostic(
              .error,
              "'\(id)' is a group, standard or domain; explain takes a requirement"
                + " id\(hint) (see 'maturity standards show \(id)')")),
          exitCode: ExitCode.invalidInput)
      }
      let hint = Suggestion.phrase(for: id, in: loaded.library.requirementIDs)
      return MaturityCommand.Result(
        stderr: renderer.render(Diagnostic(.error, "unknown requirement '\(id)'\(hint)")),
        exitCode: ExitCode.invalidInput)
    }
    let bandYear: Int?
    do {
      bandYear = try BandYearOption.year(arguments, sets: loaded.library.bandSets, command: spec)
    } catch {
      return MaturityCommand.usage(error)
    }
    let result = BundleLoader(library: loaded.library).load(path)
    guard let bundle = result.bundle else {
      return MaturityCommand.Result(
        stderr: renderer.render(result.diagnostics), exitCode: ExitCode.invalidInput)
    }
    let options = AssessmentOptions(isStrict: arguments.has("strict"), bandYear: bandYear)
    let assessment = Assessor(library: loaded.library, options: options).assess(bundle)
    let explanation = Explanation(library: loaded.library, bundle: bundle, assessment: assessment)
    return MaturityCommand.Result(
      stdout: explanation.explain(id) ?? "",
      stderr: renderer.render(result.diagnostics),
      exitCode: result.hasErrors ? ExitCode.invalidInput : ExitCode.success)
  }
}

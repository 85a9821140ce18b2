/// The `maturity` command line: parses arguments, runs a subcommand, and returns what to
/// print and the exit code. Nothing here prints; the executable writes the result.
package enum MaturityCommand {
  package static let version = "0.1.0"

  /// The process's situation, passed in so that tests can choose it.
  package struct Context: Sendable {
    package var environment: [String: String]
    package var isStdoutTerminal: Bool
    package var isStderrTerminal: Bool

    package init(
      environment: [String: String] = [:], isStdoutTerminal: Bool = false,
      isStderrTerminal: Bool = false
    ) {
      self.environment = environment
      self.isStdoutTerminal = isStdoutTerminal
      self.isStderrTerminal = isStderrTerminal
    }

    /// Colour only on a terminal and only when `NO_COLOR` is unset or empty.
    package func usesColor(terminal: Bool) -> Bool {
      terminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The renderer for diagnostics on standard error.
    package var renderer: DiagnosticRenderer {
      DiagnosticRenderer(usesColor: usesColor(terminal: isStderrTerminal))
    }

    /// The bundled standards plus those of `--standards`, or the result that reports why
    /// they cannot be used (exit code 2).
    package func loadStandards(_ arguments: ParsedArguments, limits: YAMLLimits = YAMLLimits())
      -> (loaded: StandardsLoader.Result, failure: Result?)
    {
      let loaded = StandardsLoader(limits: limits).load(paths: arguments.all("standards"))
      guard loaded.hasErrors else { return (loaded, nil) }
      let failure = Result(
        stderr: renderer.render(loaded.diagnostics)
          + "error: the standards have errors; nothing was done\n",
        exitCode: ExitCode.invalidInput)
      return (loaded, failure)
    }
  }

  package struct Result: Sendable, Equatable {
    package var stdout = ""
    package var stderr = ""
    package var exitCode: Int32 = ExitCode.success
  }

  package static let subcommands:
    [(
      spec: CommandSpec,
      run:
        @Sendable (ParsedArguments, Context)
        -> Result
    )] = [
      (AssessCommand.spec, AssessCommand.run),
      (ValidateCommand.spec, ValidateCommand.run),
      (DiffCommand.spec, DiffCommand.run),
      (StandardsCommand.spec, StandardsCommand.run),
      (ExplainCommand.spec, ExplainCommand.run),
      (InitCommand.spec, InitCommand.run),
      (MetricsCommand.spec, MetricsCommand.run),
      (CompletionsCommand.spec, CompletionsCommand.run),
    ]

  package static let overview = """
    OVERVIEW: Score DevOps evidence against the CAICT domestic maturity model (YD/T 3763)
      and the ITU-T DevOps recommendation, and report the dual-certification gaps.

    USAGE: maturity <subcommand> [options]

    OPTIONS:
      --version               Show the version.
      -h, --help              Show help information.

    SUBCOMMANDS:
      assess                  Score evidence bundles and print the dual-certification gap report.
      validate                Check standards, crosswalks and evidence bundles for errors.
      diff                    Show what changed between two JSON reports.
      standards               List the standards, or show a standard, group or requirement.
      explain                 Explain how a requirement's status was reached in a bundle.
      init                    Write a new evidence bundle with a questionnaire to fill in.
      metrics                 Print the metrics a bundle yields and where each came from.
      completions             Print a shell completion script for bash, zsh or fish.
      help                    Show help for a subcommand.

    EXIT CODES:
      0   success
      1   a gate failed (assess with a gate; diff --fail-on-regression)
      2   invalid input (the problems are listed on stderr)
      64  usage error

      See 'maturity help <subcommand>' for detailed help.

    """

  package static func run(_ arguments: [String], context: Context = Context()) -> Result {
    guard let first = arguments.first else { return Result(stdout: overview) }
    switch first {
    case "-h", "--help": return Result(stdout: overview)
    case "--version":
      guard arguments.count == 1 else {
        return usage(UsageError("--version takes no arguments", command: nil))
      }
      return Result(stdout: "maturity \(version)\n")
    case "help": return help(Array(arguments.dropFirst()))
    default: break
    }
    guard let subcommand = subcommands.first(where: { $0.spec.name == first }) else {
      let names = subcommands.map(\.spec.name) + ["help"]
      let what = first.hasPrefix("-") ? "option" : "subcommand"
      let message = "unknown \(what) '\(first)'\(Suggestion.phrase(for: first, in: names))"
      return usage(UsageError(message, command: nil))
    }
    let rest = Array(arguments.dropFirst())
    do {
      let parsed = try ParsedArguments.parse(rest, for: subcommand.spec)
      if parsed.has("help") { return Result(stdout: subcommand.spec.help()) }
      return subcommand.run(parsed, context)
    } catch {
      return usage(error)
    }
  }

  package static func usage(_ error: UsageError) -> Result {
    Result(stderr: error.rendered, exitCode: ExitCode.usage)
  }

  private static func help(_ arguments: [String]) -> Result {
    guard let name = arguments.first else { return Result(stdout: overview) }
    guard let subcommand = subcommands.first(where: { $0.spec.name == name }) else {
      let hint = Suggestion.phrase(for: name, in: subcommands.map(\.spec.name))
      return usage(UsageError("unknown subcommand '\(name)'\(hint)", command: nil))
    }
    return Result(stdout: subcommand.spec.help())
  }
}

/// The exit codes of `maturity`.
package enum ExitCode {
  package static let success: Int32 = 0
  package static let gateFailed: Int32 = 1
  package static let invalidInput: Int32 = 2
  package static let usage: Int32 = 64
}

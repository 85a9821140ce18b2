/// `maturity completions bash|zsh|fish`: print a shell completion script.
package enum CompletionsCommand {
  package static let spec = CommandSpec(
    name: "completions",
    overview: "Print a shell completion script for bash, zsh or fish.",
    arguments: [.init(name: "shell", help: "bash, zsh or fish.", isRepeatable: false)],
    options: [],
    examples: [
      "maturity completions bash > /etc/bash_completion.d/maturity",
      "maturity completions zsh > ~/.zsh/completions/_maturity",
      "maturity completions fish > ~/.config/fish/completions/maturity.fish",
    ],
    discussion: """
      The script completes subcommands, options, formats and other choices, domain ids \
      (for --min-level and --domain), standard ids, and requirement ids (for explain).
      """)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    let shells = ["bash", "zsh", "fish"]
    guard arguments.positionals.count == 1, let shell = arguments.positionals.first,
      shells.contains(shell)
    else {
      let found = arguments.positionals.first.map { "'\($0)'" } ?? "nothing"
      let hint = arguments.positionals.first.map { Suggestion.phrase(for: $0, in: shells) } ?? ""
      return MaturityCommand.usage(
        UsageError("expected the shell bash, zsh or fish, found \(found)\(hint)", command: spec))
    }
    let library = StandardsLoader().load(paths: []).library
    let script = CompletionScript(
      commands: MaturityCommand.subcommands.map(\.spec), domains: library.domainIDs,
      standards: library.standards.map(\.id),
      requirements: library.standards.flatMap(\.requirements).map(\.id))
    return MaturityCommand.Result(stdout: script.render(shell) ?? "")
  }
}

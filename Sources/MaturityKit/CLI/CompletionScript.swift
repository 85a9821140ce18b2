/// Shell completion scripts generated from the command specs, so they cover every
/// subcommand, option and choice, plus domain, standard and requirement ids.
package struct CompletionScript: Sendable {
  package var commands: [CommandSpec]
  package var domains: [String]
  package var standards: [String]
  package var requirements: [String]

  /// Options whose value is a path, completed with file names.
  private static let pathValues: Set<String> = ["file", "path", "folder"]

  package func render(_ shell: String) -> String? {
    switch shell {
    case "bash": return bash()
    case "zsh": return zsh()
    case "fish": return fish()
    default: return nil
    }
  }

  /// Words for an option's value: its choices, or ids for domain-level and standard values.
  private func values(_ option: CommandSpec.Option) -> [String]? {
    if !option.choices.isEmpty { return option.choices }
    switch option.value {
    case "domain=level": return domains.map { "\($0)=" }
    case "standard": return standards + ["all"]
    case "n", "level": return ["1", "2", "3", "4", "5"]
    default: return nil
    }
  }

  private var names: [String] { commands.map(\.name) + ["help"] }

  private func optionWords(_ command: CommandSpec) -> [String] {
    (command.options + [CommandSpec.helpOption]).flatMap { option in
      ["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? [])
    }
  }

  private func bash() -> String {
    var lines = [
      "# bash completion for maturity: source this file, or save it as",
      "# /etc/bash_completion.d/maturity",
      "_maturity() {",
      "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"",
      "  if [ \"$COMP_CWORD\" -eq 1 ]; then",
      "    COMPREPLY=(\(compgen(names + ["--help", "--version"])))",
      "    return",
      "  fi",
      "  case \"${COMP_WORDS[1]}\" in",
    ]
    for command in commands {
      lines.append("    \(command.name))")
      lines.append("      case \"$prev\" in")
      for option in command.options where option.value != nil {
        let flags = (["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? []))
          .joined(separator: "|")
        if let words = values(option) {
          lines.append(
            "        \(flags)) COMPREPLY=(\(compgen(words))); return ;;"
          )
        } else {
          lines.append("        \(flags)) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;")
        }
      }
      lines.append("      esac")
      lines.append("      if [[ \"$cur\" == -* ]]; then")
      lines.append(
        "        COMPREPLY=(\(compgen(optionWords(command))))"
      )
      lines.append("      else")
      lines.append("        COMPREPLY=(\(positionalWords(command, bash: true)))")
      lines.append("      fi ;;")
    }
    lines.append(
      "    help) COMPREPLY=(\(compgen(commands.map(\.name)))) ;;"
    )
    lines += ["  esac", "}", "complete -F _maturity maturity"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// What a subcommand's positional arguments complete to.
  private func positionalWords(_ command: CommandSpec, bash: Bool) -> String {
    let words: [String]?
    switch command.name {
    case "standards": words = ["list", "show"] + standards + domains
    case "explain": words = requirements
    case "completions": words = ["bash", "zsh", "fish"]
    default: words = nil
    }
    guard let words else { return bash ? "$(compgen -f -- \"$cur\")" : "_files" }
    return bash
      ? "$(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\")"
      : words.joined(separator: " ")
  }

  private func zsh() -> String {
    var lines = [
      "#compdef maturity",
      "# zsh completion for maturity: save as _maturity in a folder on $fpath",
      "_maturity() {",
      "  local -a subcommands",
      "  subcommands=(",
    ]
    lines += commands.map { "    '\($0.name):\(escapeZsh($0.overview))'" }
    lines += [
      "    'help:Show help for a subcommand'", "  )",
      "  if (( CURRENT == 2 )); then", "    _describe 'subcommand' subcommands", "    return",
      "  fi", "  case $words[2] in",
    ]
    for command in commands {
      var specs: [String] = []
      for option in command.options + [CommandSpec.helpOption] {
        let help = escapeZsh(option.help)
        var action = ""
        if let value = option.value {
          if let words = values(option) {
            action = ":\(value):(\(words.joined(separator: " ")))"
          } else {
            action = ":\(value):_files"
          }
        }
        let repeatable = option.isRepeatable ? "*" : ""
        specs.append("'\(repeatable)--\(option.name)[\(help)]\(action)'")
        if let short = option.short { specs.append("'-\(short)[\(help)]\(action)'") }
      }
      let positional = positionalWords(command, bash: false)
      specs.append(positional == "_files" ? "'*:argument:_files'" : "'*:argument:(\(positional))'")
      lines.append("    \(command.name))")
      lines.append("      _arguments " + specs.joined(separator: " \\\n        ") + " ;;")
    }
    lines += ["  esac", "}", "_maturity \"$@\""]
    return lines.joined(separator: "\n") + "\n"
  }

  private func fish() -> String {
    var lines = [
      "# fish completion for maturity: save as ~/.config/fish/completions/maturity.fish",
      "complete -c maturity -f",
    ]
    for command in commands {
      lines.append(
        "complete -c maturity -n __fish_use_subcommand -a \(command.name)"
          + " -d '\(escapeFish(command.overview))'"
      )
    }
    lines.append(
      "complete -c maturity -n __fish_use_subcommand -a help -d 'Show help for a subcommand'")
    for command in commands {
      let condition = "-n '__fish_seen_subcommand_from \(command.name)'"
      for option in command.options {
        var line = "complete -c maturity \(condition) -l \(option.name)"
        if let short = option.short { line += " -s \(short)" }
        if option.value != nil {
          // -x: the option takes exactly these words; -r -F: it takes a file name.
          if let words = values(option) {
            line += " -x -a '\(words.joined(separator: " "))'"
          } else {
            line += " -r -F"
          }
        }
        lines.append(line + " -d '\(escapeFish(option.help))'")
      }
      let positional = positionalWords(command, bash: false)
      if positional == "_files" {
        lines.append("complete -c maturity \(condition) -F")
      } else {
        lines.append("complete -c maturity \(condition) -a '\(positional)'")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `$(compgen -W "a b c" -- "$cur")`: bash's completion of `words`.
  private func compgen(_ words: [String]) -> String {
    "$(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\")"
  }

  private func escapeZsh(_ text: String) -> String {
    text.replacingOccurrences(of: "'", with: "'\\''").replacingOccurrences(of: "[", with: "\\[")
      .replacingOccurrences(of: "]", with: "\\]").replacingOccurrences(of: ":", with: "\\:")
  }

  private func escapeFish(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
  }
}

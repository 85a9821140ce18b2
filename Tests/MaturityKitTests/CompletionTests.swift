import Foundation
import Testing

@testable import MaturityKit

@Suite struct CompletionTests {
  private func shellExists(_ name: String) -> Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/\(name)")
      || FileManager.default.isExecutableFile(atPath: "/bin/\(name)")
  }

  /// Runs `shell -n` (syntax check only) on the script.
  private func checkSyntax(_ script: String, shell: String) throws -> Int32 {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-completion-\(UUID().uuidString)")
    try Data(script.utf8).write(to: url)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [shell, "-n", url.path]
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func eachScriptNamesEverySubcommandAndOption(shell: String) throws {
    let result = MaturityCommand.run(["completions", shell])
    #expect(result.exitCode == 0)
    for command in MaturityCommand.subcommands.map(\.spec) {
      #expect(result.stdout.contains(command.name), "\(shell): \(command.name)")
      for option in command.options {
        #expect(result.stdout.contains(option.name), "\(shell): \(command.name) --\(option.name)")
      }
    }
    #expect(result.stdout.contains("security-risk="))
    #expect(result.stdout.contains("CD-BCI-CI-FP-L4-1"))
    if shellExists(shell) {
      #expect(try checkSyntax(result.stdout, shell: shell) == 0)
    }
  }

  @Test func bashCompletesFormatChoicesAndDomains() throws {
    guard shellExists("bash") else { return }
    let script = MaturityCommand.run(["completions", "bash"]).stdout
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-completion-\(UUID().uuidString).bash")
    try Data(script.utf8).write(to: url)
    let process = Process()
    let out = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "bash", "-c",
      "source '\(url.path)'; COMP_WORDS=(maturity assess --format j); COMP_CWORD=3; _maturity;"
        + " echo \"${COMPREPLY[@]}\"; COMP_WORDS=(maturity assess --min-level sec); COMP_CWORD=3;"
        + " _maturity; echo \"${COMPREPLY[@]}\"",
    ]
    process.standardOutput = out
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(output == "json junit\nsecurity-risk=\n")
  }

  @Test func anUnknownShellIsAUsageError() {
    let result = MaturityCommand.run(["completions", "bsh"])
    #expect(result.exitCode == 64)
    #expect(
      result.stderr.hasPrefix(
        "Error: expected the shell bash, zsh or fish, found 'bsh'; did you mean 'bash'?"))
  }
}

import Foundation
import Testing

@testable import MaturityKit

/// The command line run in-process: arguments in, stdout, stderr and exit code out.
@Suite struct CommandTests {
  init() {
    enterPackageRoot()
  }

  @Test func helpAndVersionGoToStandardOutput() {
    let help = MaturityCommand.run(["--help"])
    #expect(help.exitCode == 0)
    #expect(help.stdout.hasPrefix("OVERVIEW: "))
    #expect(help.stdout.contains("EXIT CODES:"))
    #expect(MaturityCommand.run(["--version"]).stdout == "maturity \(MaturityCommand.version)\n")
    let assess = MaturityCommand.run(["help", "assess"])
    for section in ["OVERVIEW:", "USAGE: maturity assess", "ARGUMENTS:", "OPTIONS:", "EXAMPLES:"] {
      #expect(assess.stdout.contains(section), "missing \(section)")
    }
    #expect(MaturityCommand.run(["assess", "-h"]).stdout == assess.stdout)
  }

  @Test(arguments: [
    (["asess"], "Error: unknown subcommand 'asess'; did you mean 'assess'?"),
    (
      ["assess", "--fromat", "json", "x"],
      "Error: unknown option '--fromat'; did you mean '--format'?"
    ),
    (
      ["assess", "--format", "jsn", "x"],
      "Error: 'jsn' is not a valid value for '--format'; expected one of text, json, markdown,"
        + " junit;"
        + " did you mean 'json'?"
    ),
    (["assess"], "Error: missing the <bundle> to assess"),
    (["assess", "--output"], "Error: option '--output' needs a value <file>"),
    (["assess", "--strict=yes", "x"], "Error: option '--strict' takes no value"),
    (
      ["assess", "--todo", "some", "x"],
      "Error: expected a number or 'all' for '--todo', found 'some'"
    ),
  ])
  func usageErrorsExit64WithASuggestion(arguments: [String], firstLine: String) {
    let result = MaturityCommand.run(arguments)
    #expect(result.exitCode == 64)
    #expect(result.stdout == "")
    #expect(result.stderr.split(separator: "\n").first.map(String.init) == firstLine)
    #expect(result.stderr.contains("--help' for more information."))
  }

  @Test func validateAcceptsTheBundledStandardsAndExamples() {
    let result = MaturityCommand.run([
      "validate", "Standards", "Examples/bank-payments", "Examples/startup-shop",
    ])
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasSuffix("no errors\n"))
    #expect(result.stdout.contains("standards: 10 standards, 5 crosswalks, 991 requirements — ok"))
  }

  @Test func validateReportsEveryErrorAndExits2() throws {
    let folder = try Fixture.bundle([
      "scope.yaml": """
      scope:
        organisation: Org
        name: App
        kind: aplication
        assessed_on: 2026-11-20
      """,
      "claims.yaml": """
      claims:
        - {requirement: CD-CM-VC-VCS-L9-1, status: met}
        - {requirement: CD-CM-VC-VCS-L1-1, status: met, evidence: [../../etc/passwd]}
      """,
    ])
    let result = MaturityCommand.run(["validate", folder])
    #expect(result.exitCode == 2)
    let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 3)
    #expect(
      result.stderr.contains("claims.yaml:2:19: error: unknown requirement 'CD-CM-VC-VCS-L9-1'"))
    #expect(
      result.stderr.contains(
        "claims.yaml:3:62: error: evidence of 'CD-CM-VC-VCS-L1-1' refers to '../../etc/passwd',"
          + " which lies outside the bundle"))
    #expect(result.stderr.contains("scope.yaml:4:9: error: expected one of application,"))
    #expect(result.stderr.hasSuffix("error: 3 errors, 0 warnings\n"))
  }

  @Test func assessStillReportsWhatItCouldReadAndExits2() throws {
    let folder = try Fixture.bundle([
      "scope.yaml": """
      scope:
        organisation: Org
        name: App
        kind: application
        assessed_on: 2026-11-20
      claims:
        - {requirement: CD-CM-VC-VCS-L1-1, status: met}
      """,
      "broken.yaml": "claims:\n  - {requirement: CD-CM-VC-VCS-L2-1, status: met\n",
    ])
    let result = MaturityCommand.run(["assess", folder, "--format", "json"])
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("broken.yaml:2:49: error: did not find expected ',' or '}'"))
    #expect(result.stderr.hasSuffix("error: 1 error in the input; exit code 2\n"))
    #expect(result.stdout.contains("\"id\": \"CD-CM-VC-VCS-L1-1\""))
  }

  @Test func brokenStandardsStopTheAssessment() throws {
    let folder = try Fixture.bundle(["bad.yaml": "id: x\ntitle: y\nkind: levelled\n"])
    let result = MaturityCommand.run(["assess", "Examples/startup-shop", "--standards", folder])
    #expect(result.exitCode == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.hasSuffix("error: the standards have errors; nothing was done\n"))
  }

  @Test func outputIsWrittenToTheFileAndNotToStandardOutput() throws {
    let folder = try Fixture.bundle(["placeholder.txt": "x"])
    let target = folder + "/report.md"
    let result = MaturityCommand.run([
      "assess", "Examples/startup-shop", "--format", "markdown", "--output", target,
    ])
    #expect(result.exitCode == 0)
    #expect(result.stdout == "")
    let written = try String(contentsOfFile: target, encoding: .utf8)
    #expect(written.hasPrefix("# Dual-certification gap report: "))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test func outputRefusesToOverwriteAnInput() throws {
    let folder = try Fixture.bundle([
      "evidence.yaml": """
      scope: {organisation: O, name: N, kind: application, assessed_on: 2026-11-20}
      """
    ])
    let input = folder + "/evidence.yaml"
    let before = try String(contentsOfFile: input, encoding: .utf8)
    let result = MaturityCommand.run(["assess", folder, "--output", input])
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("refusing to write the report over"))
    #expect(try String(contentsOfFile: input, encoding: .utf8) == before)
  }

  @Test func colourOnlyOnATerminalAndNeverWithNoColor() {
    let arguments = ["assess", "Examples/startup-shop", "--todo", "1"]
    let plain = MaturityCommand.run(arguments)
    #expect(!plain.stdout.contains("\u{1B}["))
    let terminal = MaturityCommand.run(arguments, context: .init(isStdoutTerminal: true))
    #expect(terminal.stdout.contains("\u{1B}[1m"))
    let noColor = MaturityCommand.run(
      arguments, context: .init(environment: ["NO_COLOR": "1"], isStdoutTerminal: true))
    #expect(noColor.stdout == plain.stdout)
  }

  @Test func textFromEvidenceCannotSendEscapeSequences() throws {
    let folder = try Fixture.bundle([
      "evidence.yaml": """
      scope: {organisation: "Evil\\e[2J Corp", name: N, kind: application, assessed_on: 2026-11-20}
      claims:
        - {requirement: CD-CM-VC-VCS-L1-1, status: not-met, note: "\\e[31mred\\e[0m"}
      """
    ])
    let result = MaturityCommand.run(
      ["assess", folder, "--todo", "all"], context: .init(isStdoutTerminal: true))
    #expect(!result.stdout.contains("\u{1B}[2J"))
    #expect(!result.stdout.contains("\u{1B}[31mred"))
    #expect(result.stdout.contains("Evil\\u{1b}[2J Corp"))
  }
}

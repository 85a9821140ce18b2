import Foundation
import Testing

@testable import MaturityKit

/// Inputs that broke the tool once, or could: each asserts the exact error and that
/// nothing else was lost.
@Suite struct HostileInputTests {
  init() {
    enterPackageRoot()
  }

  private let scope =
    "scope: {organisation: O, name: N, kind: application, assessed_on: 2026-11-20}\n"

  @Test func outputToAPipeIsWrittenDirectlyAndTheFifoStays() throws {
    let folder = try Fixture.bundle(["x.txt": ""])
    let fifo = folder + "/report.fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader on the other end of the pipe, as a shell redirection would be.
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/sh")
    reader.arguments = ["-c", "cat '\(fifo)' > '\(folder)/received.txt'"]
    try reader.run()
    let result = MaturityCommand.run(["assess", "Examples/startup-shop", "--output", fifo])
    reader.waitUntilExit()
    #expect(result.exitCode == 0)
    var info = stat()
    #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    let received = try String(contentsOfFile: folder + "/received.txt", encoding: .utf8)
    #expect(received.hasPrefix("Dual-certification gap report"))
  }

  @Test(arguments: [
    (
      "Examples/startup-shop/docs/new.md",
      "refusing to write the report inside the evidence bundle"
    ),
    ("/nonexistent-folder/report.md", "the folder '/nonexistent-folder' does not exist"),
    ("", "the --output path is empty"),
  ])
  func outputThatWouldHarmOrCannotWorkIsRefused(path: String, message: String) {
    let result = MaturityCommand.run(["assess", "Examples/startup-shop", "--output", path])
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains(message))
    #expect(!FileManager.default.fileExists(atPath: "Examples/startup-shop/docs/new.md"))
  }

  @Test(arguments: [
    "\u{FEFF}scope:\n  organisation: O\n  name: N\n  kind: application\n"
      + "  assessed_on: 2026-11-20\n",
    "\"scope\": {organisation: O, name: N, kind: application, assessed_on: 2026-11-20}\n",
    "{scope: {organisation: O, name: N, kind: application, assessed_on: 2026-11-20}}\n",
  ])
  func validateRecognisesABundleWhateverItsStyle(text: String) throws {
    let folder = try Fixture.bundle(["evidence.yaml": text])
    let result = MaturityCommand.run(["validate", folder])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\(folder): 0 claims"))
  }

  @Test func severalBundlesGiveAReportSetEvenWhenOneFails() throws {
    let broken = try Fixture.bundle(["e.yaml": "claims: []\n"])
    let result = MaturityCommand.run([
      "assess", "Examples/startup-shop", broken, "--format", "json",
    ])
    #expect(result.exitCode == 2)
    #expect(result.stdout.contains("\"format\": \"maturity-report-set\""))
  }

  @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
  func unusualLineBreaksInsideTextKeepPositionsRight(separator: String) throws {
    let text =
      "scope: {organisation: \"O\(separator)x\", name: N, kind: application,"
      + " assessed_on: 2026-11-20}\nclaims:\n  - {requirement: NOPE-1, status: met}\n"
    let folder = try Fixture.bundle(["e.yaml": text])
    let loaded = BundleLoader(library: Fixture.demoLibrary()).load(folder)
    #expect(summary(loaded.diagnostics) == ["3:19: unknown requirement 'NOPE-1'"])
  }

  @Test func utf16WithoutAByteOrderMarkIsNamed() {
    let bytes = Array("a: 1\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    do {
      _ = try YAMLLoader.load(SourceFile(path: "u.yaml", bytes: bytes))
      Issue.record("expected an error")
    } catch {
      #expect(
        error.diagnostics.first?.message
          == "file looks like UTF-16 without a byte-order mark; expected UTF-8"
          + " (convert it with iconv)"
      )
    }
  }

  @Test(arguments: [
    ("\"\"", "has an empty reference; name a file in the bundle or a URL"),
    ("\".\"", "has an empty reference; name a file in the bundle or a URL"),
    ("\"https://\"", "has an empty reference; name a file in the bundle or a URL"),
    ("docs", "refers to 'docs', which is a folder, not a file"),
    ("'docs\\a.md'", "refers to 'docs\\a.md', written with a backslash; write paths with '/'"),
  ])
  func evidenceReferencesMustNameAFile(reference: String, problem: String) throws {
    let folder = try Fixture.bundle([
      "e.yaml": Fixture.scope
        + "claims:\n  - {requirement: A-1, status: met, evidence: [\(reference)]}\n",
      "docs/a.md": "x",
    ])
    let loaded = BundleLoader(library: Fixture.demoLibrary()).load(folder)
    #expect(loaded.diagnostics.map(\.message) == ["evidence of 'A-1' \(problem)"])
  }

  @Test func anEvidenceFileLinkedFromOutsideIsNotRead() throws {
    let folder = try Fixture.bundle(["e.yaml": Fixture.scope])
    let outside = FileManager.default.temporaryDirectory
      .appendingPathComponent("outside-\(UUID().uuidString).yaml")
    try Data("claims:\n  - {requirement: A-1, status: met}\n".utf8).write(to: outside)
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/linked.yaml", withDestinationPath: outside.path)
    let loaded = BundleLoader(library: Fixture.demoLibrary()).load(folder)
    #expect(
      loaded.diagnostics.map(\.message) == [
        "evidence file '\(folder)/linked.yaml' is a symbolic link leading outside the bundle;"
          + " it was not read"
      ])
    #expect(loaded.bundle?.claims.isEmpty == true)
  }

  @Test(arguments: [
    (
      "waivers:\n  - {requirement: A-1, approver: \" \", reason: r, expires: 2027-01-01}\n",
      "8:34: a waiver needs 'approver' filled in, found an empty value"
    ),
    (
      "claims:\n  - {requirement: A-1, status: met, date: 2026-10-01, expires: 2026-09-01}\n",
      "8:64: evidence of 'A-1' expires (2026-09-01) before its date (2026-10-01)"
    ),
  ])
  func contradictoryOrBlankEntriesAreErrors(evidence: String, message: String) throws {
    let found = summary(try Fixture.load(evidence).diagnostics)
    #expect(found == [message])
  }

  @Test func aClaimDatedAfterTheAssessmentIsAWarning() throws {
    let loaded = try Fixture.load(
      "claims:\n  - {requirement: A-1, status: met, date: 2026-12-01}\n")
    #expect(loaded.diagnostics.map(\.severity) == [.warning])
    #expect(
      loaded.diagnostics.first?.message
        == "the claim on 'A-1' is dated 2026-12-01, after the assessment date 2026-11-20")
  }

  @Test func emptyListsAndSelfCrosswalksAreErrors() {
    let empty = """
      id: tiny
      title: Tiny
      kind: conformance
      \(Fixture.provenance)
      domain:
        id: continuous-delivery
        name: CD
        groups:
          - {id: T, name: T, requirements: []}

      """
    #expect(
      summary(Fixture.library([empty]).diagnostics) == [
        "9:38: expected at least one requirement in 'requirements'"
      ])
    let walk = Fixture.crosswalk.replacingOccurrences(of: "from: demo-itu", with: "from: demo")
    #expect(
      summary(Fixture.library([Fixture.levelled, walk]).diagnostics).first?.hasSuffix(
        "a crosswalk relates two different standards; 'from' and 'to' are both 'demo'") == true)
  }

  @Test func aHugeLineShowsAWindowAroundTheColumn() throws {
    let long = String(repeating: "x", count: 100_000)
    let file = SourceFile(path: "l.yaml", text: "a: \(long)\nb: [\n")
    let diagnostic = Diagnostic(.error, "test", in: file, line: 1, column: 50_000)
    let rendered = DiagnosticRenderer().render(diagnostic)
    #expect(rendered.count < 400)
    let lines = rendered.split(separator: "\n")
    #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
    #expect(lines[2].count == 62)  // "…" plus 60 characters before the caret
  }

  @Test func theCaretSitsUnderWideCharactersAndEscapes() {
    let file = SourceFile(path: "c.yaml", text: "note: 中文\u{1B}x: bad\n")
    let diagnostic = Diagnostic(.error, "test", in: file, line: 1, column: 11)
    let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n")
    #expect(lines[1] == "note: 中文\\u{1b}x: bad")
    // 6 + 4 (two wide characters) + 6 ("\u{1b}") + 1 ("x") columns precede the caret.
    #expect(lines[2] == String(repeating: " ", count: 17) + "^")
  }

  @Test func diagnosticsOfAFilePrintInLineOrder() {
    let file = SourceFile(path: "o.yaml", text: "a\nb\nc\n")
    let rendered = DiagnosticRenderer().render([
      Diagnostic(.error, "third", in: file, line: 3, column: 1),
      Diagnostic(.error, "first", in: file, line: 1, column: 1),
    ])
    #expect(rendered.hasPrefix("o.yaml:1:1: error: first"))
  }

  @Test func bidirectionalOverridesAreNeutralised() {
    #expect(TerminalText.neutralised("a\u{202E}b") == "a\\u{202e}b")
  }

  @Test(arguments: [
    (["--version", "extra"], Int32(64)),
    (["assess", "Examples/startup-shop", "--todo", "ALL"], Int32(0)),
  ])
  func oddCommandLines(arguments: [String], code: Int32) {
    #expect(MaturityCommand.run(arguments).exitCode == code)
  }
}

@Suite struct NumberTextTests {
  @Test(arguments: [
    (1e17, 2, "1e+17"), (-1e300, 2, "-1e+300"), (2.6, 2, "2.60"), (0.125, 2, "0.13"), (5, 0, "5"),
  ])
  func fixedNeverTrapsOnHugeValues(value: Double, decimals: Int, expected: String) {
    #expect(NumberText.fixed(value, decimals: decimals) == expected)
  }

  @Test(arguments: [(0.19890, "0.1989"), (0.2, "0.2"), (42, "42"), (1205.25, "1205.25")])
  func measuredValuesKeepTheDigitsThatMatter(value: Double, expected: String) {
    #expect(NumberText.measured(value) == expected)
  }

  @Test func aHugeMetricValueIsAnErrorNotACrash() throws {
    let loaded = try Fixture.load("metrics:\n  - {name: ci_feedback_minutes, value: 1e17}\n")
    #expect(
      loaded.diagnostics.map(\.message) == [
        "metric 'ci_feedback_minutes' is implausibly large (over 1e9), found 1e+17"
      ])
  }
}

@Suite struct LimitOptionTests {
  @Test func limitsCanBeLoweredOrRaisedFromTheCommandLine() throws {
    let folder = try Fixture.bundle([
      "e.yaml": "scope: {organisation: O, name: N, kind: application, assessed_on: 2026-11-20}\n"
        + "claims: [[[[[1]]]]]\n"
    ])
    let low = MaturityCommand.run(["validate", folder, "--max-depth", "3"])
    #expect(low.exitCode == 2)
    #expect(low.stderr.contains("nesting is deeper than the limit of 3 levels"))
    // The bundled standards are the tool's own and keep the default limits.
    #expect(low.stdout.hasPrefix("standards: 10 standards, 5 crosswalks, 991 requirements — ok"))
    let small = MaturityCommand.run(["validate", folder, "--max-file-size", "50"])
    #expect(small.stderr.contains("over the limit of 50 bytes"))
    #expect(MaturityCommand.run(["validate", folder, "--max-nodes", "zero"]).exitCode == 64)
  }
}

/// Inputs the fuzzer found, kept as regression tests.
@Suite struct FuzzFindingTests {
  /// Four bytes that made FoundationXML leak 72 bytes in its own error path (a toolchain
  /// leak, not ours); every reader must still reject them with a clear error.
  @Test(arguments: ArtifactFormat.allCases)
  func nonXMLBytesFromTheFuzzerAreRejectedByEveryReader(format: ArtifactFormat) {
    let file = SourceFile(path: "fuzz.bin", bytes: [0x0E, 0x00, 0x6B, 0xD9])
    do {
      _ = try format.read(file)
      Issue.record("\(format) accepted four bytes of binary")
    } catch {
      #expect(error.location?.file == "fuzz.bin")
      #expect(!error.message.isEmpty)
    }
  }

  /// A JUnit file the fuzzer mutated to declare UTF-7 (run 7): the system libxml2 crashed in
  /// `xmlSwitchToEncoding`. Every XML reader must refuse the declaration before libxml2 runs.
  @Test(arguments: [ArtifactFormat.junit, .cobertura, .sbom])
  func anEncodingLibxml2CannotSwitchToIsRefusedBeforeParsing(format: ArtifactFormat) throws {
    let crash =
      "PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0iVVRGLTciPz4KPHRlc3RzdWl0ZSBuYW1lPSJleGFtcGxl"
      + "LlNvYWt6dWl0ZSIgdGVzdHM9IjMiIGZhaWx1cmVzPSIwaXRvcmVkIChJTlNJR0hULTIzMCkuCiAgIyBGb3Vy"
      + "IGtleXM6IGxldmVscyAzLTUgYXJlIGRlY2lkZWQgYnkgdGhlIERPUmyRLlNvYWtTdWkwLDUiLz4KPC90ZXN0"
      + "c3VpdGU+Cg=="
    let bytes = try #require(Data(base64Encoded: crash))
    #expect(
      readErrors(format, SourceFile(path: "r.xml", bytes: Array(bytes))) == [
        "1:31: expected an XML declaration naming UTF-8 or an encoding this tool converts "
          + "(docs/hostile-input.md lists them), found encoding 'UTF-7'; convert the file to "
          + "UTF-8"
      ])
  }

  /// The declaration is found after a BOM, with single quotes and spaces round `=`; the BOM
  /// is not a column. A lower-case `utf-8` is read as before.
  @Test func theDeclaredEncodingIsReadWhereverTheDeclarationPutsIt() {
    let suite = "<testsuite name=\"s\"><testcase name=\"a\"/></testsuite>\n"
    let ebcdic = "\u{FEFF}<?xml version='1.0' encoding = 'ebcdic-us'?>\n" + suite
    #expect(
      readErrors(.junit, SourceFile(path: "r.xml", text: ebcdic)) == [
        "1:33: expected an XML declaration naming UTF-8 or an encoding this tool converts "
          + "(docs/hostile-input.md lists them), found encoding 'ebcdic-us'; convert the file "
          + "to UTF-8"
      ])
    let utf8 = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + suite
    #expect(readErrors(.junit, SourceFile(path: "r.xml", text: utf8)) == [])
  }
}

@Suite struct LargeArtifactTests {
  /// libxml2 refused a single buffer over 10 MB, so complete files read as truncated.
  @Test func aJUnitFileOverTenMegabytesIsReadWhole() throws {
    let line = "<testcase classname=\"c\" name=\"a-test-with-a-long-enough-name\" time=\"0.5\"/>\n"
    let count = 12 * 1024 * 1024 / line.utf8.count
    let text =
      "<testsuites><testsuite name=\"big\">\n"
      + String(repeating: line, count: count) + "</testsuite></testsuites>\n"
    let reading = try JUnitReader.read(SourceFile(path: "big.xml", text: text))
    #expect(reading.figures.first { $0.name == "tests" }?.value == String(count))
    #expect(reading.metrics["test_pass_rate_percent"] == 100)
  }
}

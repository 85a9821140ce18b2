import Foundation
import Testing

@testable import MaturityKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whole reports of the example bundles compared with committed golden files. To accept
/// a deliberate change, run `MATURITY_UPDATE_GOLDEN=1 swift test` and review the diff.
@Suite struct ReportGoldenTests {
  init() {
    // The reports name the bundle as given, so run from the package root.
    enterPackageRoot()
  }

  @Test(arguments: [
    ("bank-payments", "text"), ("bank-payments", "json"), ("bank-payments", "markdown"),
    ("startup-shop", "text"), ("startup-shop", "json"),
  ])
  func reportMatchesItsGoldenFile(bundle: String, format: String) throws {
    let result = MaturityCommand.run([
      "assess", "Examples/\(bundle)", "--format", format, "--todo", "all",
    ])
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    let suffix = ["text": "txt", "json": "json", "markdown": "md"][format] ?? format
    try expectGolden(result.stdout, "\(bundle).\(suffix)")
  }

  @Test(arguments: ["bank-payments", "startup-shop"])
  func theExampleReportsCoverAllFiveDomains(bundle: String) throws {
    let result = MaturityCommand.run(["assess", "Examples/\(bundle)", "--format", "json"])
    let snapshot = try SnapshotReader.read(SourceFile(path: "r.json", text: result.stdout))
    #expect(Set(snapshot.standards.map(\.domain)) == Set(Domain.knownOrder))
    #expect(snapshot.standards.count == 10)
  }

  @Test func strictModeCountsTheWaiverAsNotMet() throws {
    let result = MaturityCommand.run([
      "assess", "Examples/bank-payments", "--strict", "--todo", "3",
    ])
    try expectGolden(result.stdout, "bank-payments-strict.txt")
  }

  @Test func jsonIsByteIdenticalAcrossRunsAndParses() throws {
    let first = MaturityCommand.run(["assess", "Examples/bank-payments", "--format", "json"])
    let second = MaturityCommand.run(["assess", "Examples/bank-payments", "--format", "json"])
    #expect(first.stdout == second.stdout)
    let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8))
    let report = try #require(object as? [String: Any])
    #expect(report["format"] as? String == "maturity-report")
    #expect(report["version"] as? Int == JSONReport.formatVersion)
  }

  @Test(arguments: ["text", "markdown", "json"])
  func diffAgainstAStrictRunMatchesItsGoldenFile(format: String) throws {
    let strict = MaturityCommand.run([
      "assess", "Examples/bank-payments", "--strict", "--format", "json",
    ])
    let folder = try Fixture.bundle(["strict.json": strict.stdout])
    let result = MaturityCommand.run([
      "diff", "Tests/MaturityKitTests/Golden/bank-payments.json", folder + "/strict.json",
      "--format", format,
    ])
    #expect(result.exitCode == 0)
    let output = result.stdout.replacingOccurrences(of: folder, with: "TMP")
    let suffix = ["text": "txt", "json": "json", "markdown": "md"][format] ?? format
    try expectGolden(output, "diff-bank-strict.\(suffix)")
  }

  @Test func junitWithAGateMatchesItsGoldenFileAndParses() throws {
    let result = MaturityCommand.run([
      "assess", "Examples/startup-shop", "--format", "junit", "--min-level",
      "continuous-delivery=2", "--require-conformance", "all", "--max-waivers", "3",
    ])
    #expect(result.exitCode == 1)
    try expectGolden(result.stdout, "startup-shop-gate.junit.xml")
    let document = try XMLDocument(data: Data(result.stdout.utf8))
    let root = try #require(document.rootElement())
    let cases = try root.nodes(forXPath: "//testcase")
    let failures = try root.nodes(forXPath: "//testcase/failure")
    #expect(root.attribute(forName: "tests")?.stringValue == String(cases.count))
    #expect(root.attribute(forName: "failures")?.stringValue == String(failures.count))
    let skipped = try root.nodes(forXPath: "//testcase/skipped")
    #expect(root.attribute(forName: "skipped")?.stringValue == String(skipped.count))
    let suites = try root.nodes(forXPath: "testsuite").compactMap {
      ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue
    }
    #expect(suites.count == 11)  // ten standards and the gate
    #expect(suites.last?.hasSuffix(" · gate") == true)
  }

  @Test(arguments: [
    (["standards", "list"], "standards-list.txt"),
    (["standards", "show", "CD-BCI-CI-FP"], "standards-show-subitem.txt"),
    (["standards", "show", "ITU-CD-08"], "standards-show-requirement.txt"),
    (["standards", "show", "caict-cd", "--level", "5"], "standards-show-level5.txt"),
    (["explain", "CD-BCI-CI-FP-L4-1", "--bundle", "Examples/bank-payments"], "explain-metric.txt"),
    (["explain", "ITU-CD-01", "--bundle", "Examples/bank-payments"], "explain-crosswalk.txt"),
    (["explain", "CD-CM-CM-CR-L3-2", "--bundle", "Examples/bank-payments"], "explain-waiver.txt"),
    (["explain", "CD-BCI-BP-BE-L2-1", "--bundle", "Examples/startup-shop"], "explain-expired.txt"),
    (
      [
        "explain", "PM-MC-DORA-STB-L5-2", "--bundle", "Examples/bank-payments", "--band-year",
        "2021",
      ],
      "explain-dora-bands.txt"
    ),
  ])
  func browsingOutputMatchesItsGoldenFile(arguments: [String], golden: String) throws {
    let result = MaturityCommand.run(arguments)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    try expectGolden(result.stdout, golden)
  }

  @Test(arguments: [
    "--help", "assess", "validate", "diff", "standards", "explain", "init", "completions",
  ])
  func helpScreensMatchTheirGoldenFiles(command: String) throws {
    let result = MaturityCommand.run(command == "--help" ? ["--help"] : [command, "--help"])
    #expect(result.exitCode == 0)
    #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    try expectGolden(result.stdout, "help-\(command.trimmingCharacters(in: ["-"])).txt")
  }

  @Test(arguments: [
    (
      ["standards", "show", "CD-BCI-CI-PF"], Int32(2),
      "error: no standard, domain, group or requirement 'CD-BCI-CI-PF'; did you mean"
        + " 'CD-BCI-CI-FP'?"
    ),
    (
      ["standards", "lsit"], 64,
      "Error: expected the action list or show, found 'lsit'; did you mean 'list'?"
    ),
    (["explain", "CD-BCI-CI-FP-L4-1"], 64, "Error: missing '--bundle <folder>'"),
    (
      ["explain", "CD-BCI-CI-FP-L9-1", "--bundle", "Examples/bank-payments"], 2,
      "error: unknown requirement 'CD-BCI-CI-FP-L9-1'; did you mean 'CD-BCI-CI-FP-L1-1'?"
    ),
  ])
  func browsingErrorsSayWhatWasMeant(arguments: [String], code: Int32, firstLine: String) {
    let result = MaturityCommand.run(arguments)
    #expect(result.exitCode == code)
    #expect(result.stderr.split(separator: "\n").first.map(String.init) == firstLine)
  }

  private func expectGolden(_ actual: String, _ name: String) throws {
    let url = packageRoot.appendingPathComponent("Tests/MaturityKitTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["MATURITY_UPDATE_GOLDEN"] == "1" {
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if actual != expected {
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let first = zip(actualLines, expectedLines).enumerated().first {
        $0.element.0 != $0.element.1
      }
      let line = first?.offset ?? min(actualLines.count, expectedLines.count)
      let wanted = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
      let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
      Issue.record(
        Comment(
          rawValue: "\(name) differs from its golden file at line \(line + 1):\n"
            + "expected: \(wanted)\nactual:   \(got)"))
    }
  }
}

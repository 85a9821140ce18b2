import Foundation
import Testing

@testable import MaturityKit

/// Gate, diff and init inputs that crashed or misled once.
@Suite struct GateInputTests {
  init() {
    enterPackageRoot()
  }

  private func bankReport(replacing old: String = "", with new: String = "") throws -> String {
    let json = try String(
      contentsOf: packageRoot.appendingPathComponent("ci/baseline.json"), encoding: .utf8)
    let text = old.isEmpty ? json : json.replacingOccurrences(of: old, with: new)
    return try Fixture.bundle(["report.json": text]) + "/report.json"
  }

  @Test(arguments: ["1e17", ".inf", "1e999", "-1"])
  func anAbsurdBaselineCoverageIsAnErrorNotACrash(coverage: String) throws {
    let baseline = try bankReport(
      replacing: "\"coverage\": 3.69", with: "\"coverage\": \(coverage)")
    let diff = MaturityCommand.run(["diff", baseline, "ci/baseline.json"])
    #expect(diff.exitCode == 2)
    #expect(diff.stderr.contains("expected \"coverage\" to be a coverage from 0 to 100"))
    let gate = MaturityCommand.run(["assess", "Examples/bank-payments", "--baseline", baseline])
    #expect(gate.exitCode == 2)
  }

  @Test(arguments: ["1e17", "inf", "0x10", "-1", "101"])
  func anAbsurdToleranceIsAUsageError(tolerance: String) {
    let result = MaturityCommand.run([
      "diff", "ci/baseline.json", "ci/baseline.json", "--tolerance", tolerance,
    ])
    #expect(result.exitCode == 64)
    #expect(result.stderr.hasPrefix("Error: expected a number from 0 to 100 for '--tolerance'"))
  }

  @Test func aGateNeverReadsAsPassedWhenInputWasBad() throws {
    let bundle = try Fixture.bundle([
      "scope.yaml":
        "scope: {organisation: O, name: N, kind: application, assessed_on: 2026-11-20}\n",
      "broken.yaml": "claims: [\n",
    ])
    let result = MaturityCommand.run([
      "assess", bundle, "--min-level", "continuous-delivery=1", "--format", "json",
    ])
    #expect(result.exitCode == 2)
    #expect(result.stdout.contains("\"name\": \"all input read without errors\""))
    #expect(!result.stdout.contains("\"passed\": true,\n    \"checks\""))
    let junit = MaturityCommand.run([
      "assess", bundle, "/nonexistent", "--min-level", "continuous-delivery=1", "--format", "junit",
    ])
    #expect(
      junit.stdout.contains(
        "<testsuite name=\"maturity input\" tests=\"2\" failures=\"0\" errors=\"2\""))
  }

  @Test func aSingleReportBaselineIsNotAppliedToOtherBundles() {
    let result = MaturityCommand.run([
      "assess", "Examples/bank-payments", "Examples/startup-shop", "--baseline",
      "ci/baseline.json", "--todo", "0",
    ])
    #expect(result.exitCode == 2)
    #expect(
      result.stderr.contains(
        "error: the baseline holds no report of 'Examples/startup-shop' (it holds"
          + " 'Examples/bank-payments')"
      ))
  }

  @Test func baselinePathsMatchOnceNormalised() {
    let result = MaturityCommand.run([
      "assess", "./Examples/bank-payments/", "--baseline", "ci/baseline.json", "--todo", "0",
    ])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stderr == "")
  }

  @Test func droppingADomainFromTheBundleIsARegression() throws {
    let baseline = try bankReport()
    let bundle = try Fixture.bundle(["placeholder.txt": ""])
    let copy = try FileManager.default.contentsOfDirectory(atPath: "Examples/bank-payments")
    for name in copy where name != "security-risk.yaml" {
      try FileManager.default.copyItem(
        atPath: "Examples/bank-payments/\(name)", toPath: "\(bundle)/\(name)")
    }
    let scope = try String(contentsOfFile: "\(bundle)/scope.yaml", encoding: .utf8)
    try Data(scope.replacingOccurrences(of: "    security-risk: 4\n", with: "").utf8)
      .write(to: URL(fileURLWithPath: "\(bundle)/scope.yaml"))
    let result = MaturityCommand.run(["assess", bundle, "--baseline", baseline, "--todo", "0"])
    #expect(result.exitCode == 1)
    #expect(result.stdout.contains("2 regressions: caict-security-risk: no longer"))
  }

  @Test func toleranceZeroOnTheCommandLineOverridesThePolicy() throws {
    let policy = try Fixture.bundle(["p.yaml": "gate:\n  tolerance: 0.05\n  max_waivers: 5\n"])
    var options = try GateOptions(
      ParsedArguments.parse(
        ["--policy", "\(policy)/p.yaml", "--tolerance", "0", "x"], for: AssessCommand.spec))
    options.policyFile = "\(policy)/p.yaml"
    let setup = options.setUp(library: Fixture.demoLibrary())
    #expect(setup.policy?.tolerance == 0)
  }

  @Test func aPolicyAskingForNothingSaysSo() {
    let file = SourceFile(path: "p.yaml", text: "gate:\n  levels: {}\n")
    let decoded = GatePolicyDecoder(library: Fixture.demoLibrary()).decode(file)
    #expect(decoded.diagnostics.map(\.severity) == [.warning])
    #expect(decoded.diagnostics.first?.message.hasPrefix("the policy asks for nothing") == true)
  }

  @Test func initQuotesAnyNameSoTheQuestionnaireValidates() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-init-\(UUID().uuidString)").path
    let created = MaturityCommand.run([
      "init", folder, "-d", "continuous-delivery=1", "--scope", "Shop\n---\nv2: \"x\" # y",
      "--organisation", "Acme\u{1B}[1m\\", "--date", "2026-11-20",
    ])
    #expect(created.exitCode == 0)
    #expect(MaturityCommand.run(["validate", folder]).exitCode == 0)
    let bundle = try #require(
      BundleLoader(library: StandardsLoader().load(paths: []).library)
        .load(folder).bundle)
    #expect(bundle.scope.name == "Shop\n---\nv2: \"x\" # y")
    #expect(bundle.scope.organisation == "Acme\u{1B}[1m\\")
  }

  @Test func validateTellsAMisindentedBundleFromStandards() throws {
    let folder = try Fixture.bundle([
      "scope.yaml":
        "scope:\n  organisation: O\n  name: N\nkind: application\n  assessed_on: 2026-11-20\n"
    ])
    let result = MaturityCommand.run(["validate", folder])
    #expect(result.exitCode == 2)
    #expect(!result.stderr.contains("in a standard"))
    #expect(result.stdout.contains("\(folder): not loaded"))
  }
}

import Foundation
import Testing

@testable import MaturityKit

/// Artifacts declared in a bundle decide requirements like hand-given metrics.
@Suite struct ArtifactBundleTests {
  private func junit(passed: Int, failed: Int) -> String {
    let cases =
      Array(repeating: "<testcase name=\"ok\" time=\"1\"/>", count: passed)
      + Array(repeating: "<testcase name=\"bad\"><failure/></testcase>", count: failed)
    return "<testsuites><testsuite name=\"s\">\(cases.joined())</testsuite></testsuites>\n"
  }

  private let scope =
    "scope: {organisation: O, name: N, kind: application, assessed_on: 2026-11-20}\n"

  @Test func aJUnitFileDecidesAPassRateRequirementAndSaysWhichFileAndFigures() throws {
    let folder = try Fixture.bundle([
      "e.yaml": scope + "artifacts:\n  - {format: junit, files: \"reports/*.xml\"}\n",
      "reports/a.xml": junit(passed: 95, failed: 1),
      "reports/b.xml": junit(passed: 3, failed: 1),
    ])
    let library = StandardsLoader().load(paths: []).library
    let loaded = BundleLoader(library: library).load(folder)
    #expect(summary(loaded.diagnostics) == [])
    let bundle = try #require(loaded.bundle)
    // 98 passed of 100 across both files: 98 %, which meets L3 (≥ 95) and L4 (≥ 98).
    let metric = try #require(bundle.metrics.first)
    #expect(metric.name == "test_pass_rate_percent")
    #expect(metric.value == 98)
    #expect(metric.source == "reports/a.xml and 1 more")
    let assessment = Assessor(library: library).assess(bundle)
    #expect(assessment.status("CT-AU-PI-PE-L4-1") == .met)
    #expect(
      assessment.result("CT-AU-PI-PE-L4-1")?.reason
        == "metric test_pass_rate_percent = 98 %, needs ≥ 98 % [reports/a.xml and 1 more:"
        + " tests 100, passed 98, failed 2, errored 0, skipped 0, flaky 0, duration_seconds 98]")
  }

  @Test func aMetricFromAnArtifactAndByHandIsGivenTwice() throws {
    let folder = try Fixture.bundle([
      "e.yaml": scope + "artifacts:\n  - {format: junit, files: r.xml}\n"
        + "metrics:\n  - {name: test_pass_rate_percent, value: 50}\n",
      "r.xml": junit(passed: 1, failed: 0),
    ])
    let loaded = BundleLoader(library: StandardsLoader().load(paths: []).library).load(folder)
    #expect(
      summary(loaded.diagnostics).map { $0.dropFirst(4) } == [
        " 'test_pass_rate_percent' has a value twice in this bundle; keep one"
      ])
  }

  @Test(arguments: [
    ("../outside.xml", "artifact refers to '../outside.xml', which lies outside the bundle"),
    ("missing.xml", "artifact refers to 'missing.xml', which does not exist in the bundle"),
    ("\"none/*.xml\"", "artifact refers to 'none', which does not exist in the bundle"),
    ("\"*.json\"", "no file in the bundle matches *.json"),
  ])
  func artifactFilesStayInsideTheBundle(files: String, message: String) throws {
    let folder = try Fixture.bundle([
      "e.yaml": scope + "artifacts:\n  - {format: junit, files: \(files)}\n"
    ])
    let loaded = BundleLoader(library: StandardsLoader().load(paths: []).library).load(folder)
    #expect(loaded.diagnostics.map(\.message) == [message])
  }

  @Test func aBrokenArtifactIsAnErrorInItsOwnFile() throws {
    let folder = try Fixture.bundle([
      "e.yaml": scope + "artifacts:\n  - {format: junit, files: r.xml}\n",
      "r.xml": "<testsuites><testsuite>",
    ])
    let loaded = BundleLoader(library: StandardsLoader().load(paths: []).library).load(folder)
    #expect(loaded.diagnostics.count == 1)
    #expect(loaded.diagnostics.first?.location?.file.hasSuffix("r.xml") == true)
    #expect(loaded.bundle?.metrics.isEmpty == true)
  }

  /// One broken report among several is an error in its own file; the rest still decide.
  @Test func aBrokenReportDoesNotDropTheOthers() throws {
    let folder = try Fixture.bundle([
      "e.yaml": scope + "artifacts:\n  - {format: junit, files: \"r/*.xml\"}\n",
      "r/a.xml": junit(passed: 9, failed: 1), "r/b.xml": "<testsuites><testsuite>",
      "r/c.xml": junit(passed: 10, failed: 0),
    ])
    let loaded = BundleLoader(library: StandardsLoader().load(paths: []).library).load(folder)
    #expect(loaded.diagnostics.map { $0.location?.file.hasSuffix("r/b.xml") } == [true])
    let metric = try #require(loaded.bundle?.metrics.first)
    #expect(metric.value == 95)
    #expect(metric.source == "r/a.xml and 1 more")
  }

  /// One log per service reads as the same rows in one log: medians over all rows, and each
  /// service's metrics as before. A broken log among them is an error; the others still read.
  @Test func deploymentLogsOfOneEntryAreWorkedOutAsOneLog() throws {
    let header = "time,service,version,commit_time,outcome,incident_opened,incident_resolved\n"
    let api = [
      "2026-10-01T09:00:00Z,api,1,2026-09-30T09:00:00Z,success,,",
      "2026-10-05T09:00:00Z,api,2,2026-10-05T03:00:00Z,failure,,",
    ]
    let web = [
      "2026-10-02T09:00:00Z,web,1,2026-10-02T08:00:00Z,success,,",
      "2026-10-11T09:00:00Z,web,2,2026-10-11T07:00:00Z,rolled-back,"
        + "2026-10-11T09:30:00Z,2026-10-11T11:30:00Z",
    ]
    let entry = "artifacts:\n  - {format: deployments, files: \"deploy/*.csv\"}\n"
    let split = try Fixture.bundle([
      "e.yaml": scope + entry,
      "deploy/api.csv": header + api.joined(separator: "\n") + "\n",
      "deploy/web.csv": header + web.joined(separator: "\n") + "\n",
    ])
    let whole = try Fixture.bundle([
      "e.yaml": scope + entry,
      "deploy/all.csv": header + (api + web).joined(separator: "\n") + "\n",
    ])
    let library = StandardsLoader().load(paths: []).library
    let values = { (folder: String) in
      (BundleLoader(library: library).load(folder).bundle?.metrics ?? [])
        .map { "\($0.name)=\(NumberText.format($0.value))" }.sorted()
    }
    // 4 deployments over the 10 days from 1 to 11 October; lead times 24, 6, 1 and 2 hours
    // (median 4); 2 of 4 failed; one incident of 2 hours.
    #expect(
      values(split) == [
        "change_failure_rate_percent=50", "deployment_frequency_per_day=0.4",
        "lead_time_hours=4", "recovery_time_hours=2",
      ])
    #expect(values(split) == values(whole))
    let parts = BundleLoader(library: library).load(split).bundle?.metrics
      .first { $0.name == "lead_time_hours" }?.parts.map { "\($0.name)=\($0.value ?? -1)" }
    #expect(parts == ["api=15.0", "web=1.5"])

    let broken = try Fixture.bundle([
      "e.yaml": scope + entry, "deploy/api.csv": header + api[0] + "\n",
      "deploy/web.csv": header + "2026-10-02,web\n",
    ])
    let loaded = BundleLoader(library: library).load(broken)
    #expect(
      loaded.diagnostics.map { ($0.location?.file as NSString?)?.lastPathComponent } == ["web.csv"])
    // The readable log still gives its metrics, named as their only source.
    let metrics = loaded.bundle?.metrics ?? []
    #expect(metrics.map(\.source) == Array(repeating: "deploy/api.csv", count: 3))
    #expect(metrics.first { $0.name == "lead_time_hours" }?.value == 24)
  }

  @Test func theSelfAssessmentExampleReadsItsOwnTestRun() throws {
    enterPackageRoot()
    let result = MaturityCommand.run(["metrics", "Examples/maturity-self"])
    #expect(result.exitCode == 0)
    #expect(
      result.stdout.hasPrefix(
        "test_pass_rate_percent = 100 %, reports/swift-test-junit.xml,"
          + " tests 348, passed 348"))
    // 8980 of 9407 distinct DA lines over 132 source files, counted again with Python.
    #expect(
      result.stdout.contains(
        "line_coverage_percent = 95.46 %, coverage/lcov.info, lines_covered 8980, lines_total"
          + " 9407"))
  }

  /// The bands for the two-service log's 0.6 a day, 9 h lead time, 66.7 % failure rate and
  /// 1.5 h recovery, worked out by hand from Standards/dora-bands.yaml.
  @Test(arguments: [
    (year: "2023", bands: ["high", "elite", "no band", "high"]),
    (year: "2021", bands: ["high", "high", "no band", "high"]),
  ])
  func deploymentMetricsArePlacedInTheBandsOfTheChosenYear(year: String, bands: [String])
    throws
  {
    // 2023: 0.6 < 1 a day misses elite and meets high (≥ 0.142857); 9 h is below 24 (elite);
    // 66.7 % is over the low median of 64, so no band; 1.5 h misses elite (< 1), meets high
    // (< 24). 2021: 0.6 a day meets high (≥ 0.032854) only; 9 h misses elite (< 1 h) and
    // meets high (≤ 168); 66.7 % is over 30, the highest band's limit; 1.5 h meets high.
    let folder = try Fixture.bundle([
      "e.yaml": scope + "artifacts:\n  - {format: deployments, files: d.csv}\n",
      "d.csv": DeploymentLogReaderTests.twoServices,
    ])
    let result = MaturityCommand.run(["metrics", "--band-year", year, folder])
    #expect(result.exitCode == 0)
    let names = [
      "deployment_frequency_per_day", "lead_time_hours", "change_failure_rate_percent",
      "recovery_time_hours",
    ]
    let lines = result.stdout.replacingOccurrences(of: "\n    ", with: " ")
      .split(separator: "\n")
    for (name, band) in zip(names, bands) {
      let line = lines.first { $0.hasPrefix(name + " = ") }
      #expect(line?.hasSuffix("; dora \(year) band: \(band)") == true, "\(name): \(line ?? "")")
    }
  }

  @Test(arguments: [
    (value: "2020", message: "no band set has a report of 2020; dora has 2019, 2021, 2023"),
    (value: "latest", message: "expected a year for '--band-year', found 'latest'"),
  ])
  func aBandYearNoSetHasIsAUsageError(value: String, message: String) {
    enterPackageRoot()
    let result = MaturityCommand.run(["metrics", "--band-year", value, "Examples/bank-payments"])
    #expect(result.exitCode == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("Error: \(message)\n"))
  }
}

@Suite(.enabled(if: realData != nil, "needs ../shared/realdata"))
struct RealArtifactBundleTests {
  @Test func sarifFindingsFromSeveralFilesAddUpAndDecideTheSecurityGate() throws {
    let codeQL = try #require(try realFile("sarif/codeQL-output.sarif"))
    let runs = try #require(try realFile("cases/case12-sarif-multiple-runs.sarif"))
    let folder = try Fixture.bundle([
      "e.yaml": "scope: {organisation: O, name: N, kind: application, assessed_on: 2026-11-20}\n"
        + "artifacts:\n  - {format: sarif, files: \"sarif/*.sarif\"}\n",
      "sarif/a.sarif": String(decoding: codeQL.bytes, as: UTF8.self),
      "sarif/b.sarif": String(decoding: runs.bytes, as: UTF8.self),
    ])
    let library = StandardsLoader().load(paths: []).library
    let bundle = try #require(BundleLoader(library: library).load(folder).bundle)
    // CodeQL: 11 open error-level results; case 12: 1; the run without results adds none.
    #expect(bundle.metrics.map(\.name) == ["open_critical_findings"])
    #expect(bundle.metrics.first?.value == 12)
    let assessment = Assessor(library: library).assess(bundle)
    #expect(assessment.status("SR-DL-DR-SG-L4-1") == .notMet)
  }
}

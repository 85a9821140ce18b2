import Foundation
import Testing

@testable import MaturityKit

@Suite struct GateTests {
  private typealias State = ReportSnapshot.StandardState

  private func snapshot(_ states: [State], expired: [String] = []) -> ReportSnapshot {
    ReportSnapshot(
      bundle: "b", standards: states, expired: expired, waiversInForce: [], notAssessed: [],
      brokenReferences: 0)
  }

  private func levelled(
    level: Int, coverage: Double, _ statuses: [(String, RequirementStatus)]
  ) -> State {
    State(
      standard: "demo", domain: "continuous-delivery", kind: .levelled, level: level,
      coverage: coverage, conforms: nil, statuses: statuses.map { (id: $0.0, status: $0.1) })
  }

  private func conformance(_ conforms: Bool) -> State {
    State(
      standard: "demo-itu", domain: "continuous-delivery", kind: .conformance, level: nil,
      coverage: nil, conforms: conforms, statuses: [])
  }

  @Test(arguments: [
    // (old level, new level, old coverage, new coverage, tolerance, expected kinds)
    (3, 2, 3.0, 3.0, 0.0, ["level-dropped"]),
    (2, 3, 3.0, 3.0, 0.0, ["level-raised"]),
    (3, 3, 3.0, 2.9, 0.0, ["coverage-dropped"]),
    (3, 3, 3.0, 2.9, 0.1, [String]()),
    (3, 3, 3.0, 2.85, 0.1, ["coverage-dropped"]),
    (3, 3, 3.0, 3.2, 0.1, ["coverage-raised"]),
  ])
  func levelAndCoverageChanges(
    oldLevel: Int, newLevel: Int, oldCoverage: Double, newCoverage: Double, tolerance: Double,
    expected: [String]
  ) {
    let comparison = SnapshotComparison(
      old: snapshot([levelled(level: oldLevel, coverage: oldCoverage, [])]),
      new: snapshot([levelled(level: newLevel, coverage: newCoverage, [])]), tolerance: tolerance)
    #expect(comparison.changes.map(\.kind.rawValue) == expected)
  }

  @Test func requirementChangesAreClassified() {
    let old = snapshot([
      levelled(
        level: 2, coverage: 2,
        [
          ("R1", .met), ("R2", .notMet), ("R3", .partlyMet), ("R4", .met), ("R5", .met),
          ("GONE", .met),
        ]), conformance(true),
    ])
    let new = snapshot([
      levelled(
        level: 2, coverage: 2,
        [
          ("R1", .partlyMet), ("R2", .met), ("R3", .notMet), ("R4", .waived),
          ("R5", .notApplicable), ("NEW", .notAssessed),
        ]), conformance(false),
    ])
    let comparison = SnapshotComparison(old: old, new: new)
    #expect(
      comparison.changes.map { "\($0.id ?? $0.standard) \($0.kind.rawValue)" } == [
        "R1 requirement-regressed", "R2 requirement-improved", "R3 requirement-worsened",
        "R4 requirement-regressed", "R5 requirement-changed", "GONE requirement-gone",
        "NEW requirement-new", "demo-itu conformance-lost",
      ])
    #expect(comparison.regressions.map { $0.id ?? $0.standard } == ["R1", "R4", "demo-itu"])
    #expect(comparison.improvements.map { $0.id ?? "" } == ["R2"])
    #expect(
      comparison.changes.first { $0.id == "GONE" }?.summary
        == "demo GONE: no longer in the standards (was met); not compared")
  }

  @Test func aStandardMissingFromEitherSideIsListedNotCrashedOn() {
    let comparison = SnapshotComparison(
      old: snapshot([conformance(true)]), new: snapshot([levelled(level: 1, coverage: 1, [])]))
    #expect(comparison.changes.map(\.kind.rawValue) == ["standard-gone", "standard-new"])
    #expect(comparison.regressions.isEmpty)
  }

  @Test func theGateChecksLevelsConformanceAndEvidence() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met}
        - {requirement: A-2a, status: met}
        - {requirement: A-2b, status: not-met}
        - {requirement: I-1, status: met, expires: 2026-01-01}
      waivers:
        - {requirement: A-2b, approver: CTO, reason: r, expires: 2027-01-01}
      """)
    var policy = GatePolicy()
    policy.levels = ["continuous-delivery": 2]
    policy.requiresAllConformance = true
    policy.maxWaivers = 0
    policy.forbidsExpired = true
    policy.forbidsUnassessed = true
    let result = Gate(policy: policy).evaluate(assessment, baseline: nil)
    #expect(
      result.checks.map { "\($0.passed ? "pass" : "FAIL") \($0.name): \($0.detail)" } == [
        "FAIL continuous-delivery at level 2 or above: demo level 1",
        "FAIL conforms to demo-itu: 0 of 5 required pass",
        // I-1 is expired and A-2b waived, so neither counts as not assessed.
        "FAIL no required requirement not assessed: 5 not assessed: B-2, I-2, I-3, I-4, I-6",
        "FAIL at most 0 waivers in force: 1 in force",
        "FAIL no expired evidence: 1 expired: I-1",
      ])
    #expect(!result.passed)
  }

  @Test func theGatePassesWhenEverythingHolds() throws {
    let assessment = try Fixture.assess("ratings:\n  - {sub_item: A, level: 3}\n")
    var policy = GatePolicy()
    policy.levels = ["continuous-delivery": 1]
    let result = Gate(policy: policy).evaluate(assessment, baseline: ReportSnapshot(assessment))
    #expect(result.passed)
    #expect(
      result.checks.map(\.name) == [
        "continuous-delivery at level 1 or above", "no regression against the baseline",
      ])
  }

  @Test func aRegressionAgainstTheBaselineFailsTheGate() throws {
    let before = try Fixture.assess("ratings:\n  - {sub_item: A, level: 3}\n")
    let after = try Fixture.assess("ratings:\n  - {sub_item: A, level: 2}\n")
    var policy = GatePolicy()
    policy.baseline = "baseline.json"
    let result = Gate(policy: policy).evaluate(after, baseline: ReportSnapshot(before))
    #expect(!result.passed)
    #expect(
      result.checks.first?.detail
        == "3 regressions: demo: coverage dropped from 2.00 to 1.50; demo A-3: met → not"
        + " assessed; demo A-3r: met → not assessed")
  }

  @Test func aMissingBaselineReportFailsTheGate() throws {
    let assessment = try Fixture.assess("")
    var policy = GatePolicy()
    policy.baseline = "baseline.json"
    let result = Gate(policy: policy).evaluate(assessment, baseline: nil)
    #expect(!result.passed)
  }

  @Test func aReportReadsBackToTheSameSnapshot() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met}
        - {requirement: I-1, status: partly-met, note: "<b>&\\"quoted\\"</b>"}
      """)
    let json = JSONReport(toolVersion: "test").render(assessment)
    let read = try SnapshotReader.read(SourceFile(path: "r.json", text: json))
    #expect(read == ReportSnapshot(assessment))
    #expect(SnapshotComparison(old: read, new: ReportSnapshot(assessment)).changes.isEmpty)
  }

  @Test(arguments: [
    ("{\"format\": \"something\"}", "1:12: expected a JSON report written by 'maturity assess"),
    (
      "{\"format\": \"maturity-report\", \"version\": 9}",
      "1:42: this report has format version 9; this maturity reads version 1"
    ),
    ("{\"format\": \"maturity-report\",\n \"version\": 1,\n \"domains\": [", "3:14: "),
    ("[1, 2]", "1:1: expected a JSON report"),
  ])
  func aDamagedBaselineIsAnErrorWithItsPlace(text: String, expected: String) {
    do {
      _ = try SnapshotReader.read(SourceFile(path: "b.json", text: text))
      Issue.record("expected an error")
    } catch {
      #expect(summary([error]).first?.hasPrefix(expected) == true, "\(summary([error]))")
    }
  }

  @Test func aPolicyFileIsCheckedAgainstTheStandards() {
    let file = SourceFile(
      path: "ci/policy.yaml",
      text: """
        gate:
          levels: {continuous-delivry: 3}
          conformance: [demo-it]
          max_waivers: 2
          baseline: baseline.json
        """)
    let decoded = GatePolicyDecoder(library: Fixture.demoLibrary()).decode(file)
    #expect(decoded.policy == nil)
    #expect(
      summary(decoded.diagnostics) == [
        "2:12: unknown domain 'continuous-delivry' in levels; did you mean 'continuous-delivery'?",
        "3:17: 'demo-it' is not a loaded conformance standard (or 'all'); did you mean 'demo-itu'?",
      ])
  }

  @Test func aPolicyFileResolvesItsBaselineBesideItself() throws {
    let file = SourceFile(
      path: "ci/policy.yaml",
      text: "gate:\n  levels: {continuous-delivery: 2}\n  baseline: baseline.json\n"
        + "  tolerance: 0.05\n  conformance: all\n")
    let policy = try #require(GatePolicyDecoder(library: Fixture.demoLibrary()).decode(file).policy)
    #expect(policy.baseline == "ci/baseline.json")
    #expect(policy.tolerance == 0.05)
    #expect(policy.requiresAllConformance)
    #expect(policy.levels == ["continuous-delivery": 2])
  }
}

import Foundation
import Testing

@testable import MaturityKit

@Suite struct BundleLoaderTests {
  private func problems(_ evidence: String) throws -> [String] {
    summary(try Fixture.load(evidence).diagnostics)
  }

  @Test func aCompleteBundleLoads() throws {
    let result = try Fixture.load(
      """
      claims:
        - requirement: A-1
          status: met
          evidence: [docs/a.md, https://ci.example.com/x]
          date: 2026-10-01
          reviewer: Li
          expires: 2027-10-01
          note: fine
      ratings:
        - {sub_item: B, level: "2-"}
      metrics:
        - {name: ci_feedback_minutes, value: 2, unit: hours, period: 2026-Q3}
      """.replacingOccurrences(of: "docs/a.md, ", with: ""))
    #expect(summary(result.diagnostics) == [])
    let bundle = try #require(result.bundle)
    #expect(bundle.scope.targets == ["continuous-delivery": 2])
    #expect(bundle.claims.first?.attestation.evidence == ["https://ci.example.com/x"])
    #expect(bundle.ratings.first?.notation == "2-")
    #expect(bundle.metrics.first?.value == 120)
  }

  @Test func anUnknownRequirementGetsASuggestion() throws {
    #expect(
      try problems("claims:\n  - {requirement: A-2c, status: met}\n") == [
        "8:19: unknown requirement 'A-2c'; did you mean 'A-2a'?"
      ])
  }

  @Test func aStatusOutsideTheListIsNamed() throws {
    #expect(
      try problems("claims:\n  - {requirement: A-1, status: done}\n") == [
        "8:32: expected one of met, partly-met, not-met for 'status', found 'done'"
      ])
  }

  @Test(arguments: [
    ("docs/missing.md", "refers to 'docs/missing.md', which does not exist in the bundle"),
    ("../outside.md", "refers to '../outside.md', which lies outside the bundle"),
    ("docs/../../x.md", "refers to 'docs/../../x.md', which lies outside the bundle"),
    ("/etc/passwd", "refers to '/etc/passwd', an absolute path; use a path inside the bundle"),
  ])
  func aBadReferenceIsAnErrorNamingTheClaim(reference: String, problem: String) throws {
    let result = try Fixture.load(
      """
      claims:
        - {requirement: A-1, status: met, evidence: ["\(reference)"]}
      """)
    #expect(summary(result.diagnostics) == ["8:48: evidence of 'A-1' \(problem)"])
    #expect(result.bundle?.brokenReferences.map(\.owner) == ["A-1"])
    #expect(result.bundle?.claims.count == 1)  // the claim itself is kept and reported
  }

  @Test func aSymbolicLinkLeadingOutOfTheBundleIsRefused() throws {
    let folder = try Fixture.bundle([
      "evidence.yaml": Fixture.scope
        + "claims:\n  - {requirement: A-1, status: met, evidence: [docs/link.md]}\n",
      "docs/inside.md": "x",
    ])
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside.md")
    try Data("secret".utf8).write(to: outside)
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/docs/link.md", withDestinationPath: outside.path)
    let result = BundleLoader(library: Fixture.demoLibrary()).load(folder)
    #expect(
      summary(result.diagnostics) == [
        "8:48: evidence of 'A-1' refers to 'docs/link.md', a symbolic link leading outside the"
          + " bundle"
      ])
  }

  @Test func aLinkInsideTheBundleIsFine() throws {
    let folder = try Fixture.bundle([
      "evidence.yaml": Fixture.scope
        + "claims:\n  - {requirement: A-1, status: met, evidence: [docs/link.md]}\n",
      "docs/inside.md": "x",
    ])
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/docs/link.md", withDestinationPath: "inside.md")
    #expect(summary(BundleLoader(library: Fixture.demoLibrary()).load(folder).diagnostics) == [])
  }

  @Test func aClaimGivenTwiceAcrossFilesIsAnErrorWithBothPlaces() throws {
    let folder = try Fixture.bundle([
      "a.yaml": Fixture.scope + "claims:\n  - {requirement: A-1, status: met}\n",
      "b.yaml": "claims:\n  - {requirement: A-1, status: not-met}\n",
    ])
    let result = BundleLoader(library: Fixture.demoLibrary()).load(folder)
    #expect(
      summary(result.diagnostics) == [
        "2:5: 'A-1' has a claim twice in this bundle; keep one"
      ])
    #expect(result.diagnostics.first?.location?.file.hasSuffix("b.yaml") == true)
    #expect(result.diagnostics.first?.notes.first?.location?.file.hasSuffix("a.yaml") == true)
    #expect(result.bundle?.claims.first?.status == .met)
  }

  @Test func oneBrokenFileDoesNotDropTheOthers() throws {
    let folder = try Fixture.bundle([
      "a.yaml": Fixture.scope + "claims:\n  - {requirement: A-1, status: met}\n",
      "b.yaml": "claims:\n  - {requirement: A-2a, status: met\n",
    ])
    let result = BundleLoader(library: Fixture.demoLibrary()).load(folder)
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.location?.file.hasSuffix("b.yaml") == true)
    #expect(result.bundle?.claims.map(\.requirementID) == ["A-1"])
  }

  @Test func aBundleNeedsExactlyOneScope() throws {
    let none = try Fixture.bundle(["a.yaml": "claims: []\n"])
    let noScope = BundleLoader(library: Fixture.demoLibrary()).load(none)
    #expect(noScope.bundle == nil)
    #expect(
      noScope.diagnostics.first?.message.hasSuffix(
        "has no 'scope' section; exactly one evidence file must describe the scope") == true)
    let two = try Fixture.bundle(["a.yaml": Fixture.scope, "b.yaml": Fixture.scope])
    #expect(
      summary(BundleLoader(library: Fixture.demoLibrary()).load(two).diagnostics) == [
        "1:1: the scope is given twice in one bundle"
      ])
  }

  @Test func aMissingFolderIsNamed() {
    let result = BundleLoader(library: Fixture.demoLibrary()).load("/nonexistent/bundle")
    #expect(
      result.diagnostics.map(\.message) == [
        "evidence bundle '/nonexistent/bundle' does not exist; expected a folder"
      ])
  }

  @Test func aMetricInTheWrongKindOfUnitIsAnError() throws {
    #expect(
      try problems("metrics:\n  - {name: ci_feedback_minutes, value: 5, unit: percent}\n")
        == [
          "8:49: metric 'ci_feedback_minutes' is a duration; expected a unit among seconds,"
            + " minutes, hours, days, weeks, found 'percent'"
        ])
  }

  @Test func aMetricValueMustBeANumber() throws {
    #expect(
      try problems("metrics:\n  - {name: ci_feedback_minutes, value: \"42\"}\n") == [
        "8:40: expected a number for 'value', found a quoted string '42'"
      ])
  }

  @Test func aRatingLevelMustExist() throws {
    #expect(
      try problems("ratings:\n  - {sub_item: A, level: \"4-\"}\n") == [
        "8:26: expected a rating level N or \"N-\" with N from 1 to 3, found '4-'"
      ])
  }

  @Test func aRatingMustNameASubItem() throws {
    #expect(
      try problems("ratings:\n  - {sub_item: G, level: 1}\n") == [
        "8:16: 'G' is not a sub-item of a levelled standard; rate a group that holds requirements"
      ])
  }

  @Test func aTargetForAnUnknownDomainGetsASuggestion() throws {
    let folder = try Fixture.bundle([
      "a.yaml": Fixture.scope.replacingOccurrences(
        of: "continuous-delivery: 2", with: "continuous-delivry: 2")
    ])
    #expect(
      summary(BundleLoader(library: Fixture.demoLibrary()).load(folder).diagnostics) == [
        "6:13: unknown domain 'continuous-delivry' in targets; did you mean 'continuous-delivery'?"
      ])
  }

  @Test func aDateMustBeACalendarDate() throws {
    #expect(
      try problems("claims:\n  - {requirement: A-1, status: met, expires: 2026-02-30}\n")
        == ["8:46: expected a date (YYYY-MM-DD) for 'expires', found text '2026-02-30'"])
  }

  @Test func notApplicableNeedsAReasonAndOneTarget() throws {
    #expect(
      try problems("not_applicable:\n  - {requirement: A-1, group: A, reason: x}\n") == [
        "8:5: expected exactly one of 'requirement' or 'group' in a not-applicable entry"
      ])
    #expect(
      try problems("not_applicable:\n  - {requirement: A-1}\n") == [
        "8:5: missing required key 'reason' in a not-applicable entry"
      ])
  }
}

@Suite struct MetricValueTests {
  @Test(arguments: [
    (
      "{name: ci_feedback_minutes, value: -5}",
      "8:40: metric 'ci_feedback_minutes' cannot be negative, found -5"
    ),
    (
      "{name: line_coverage_percent, value: 150}",
      "8:42: metric 'line_coverage_percent' must be between 0 and 100 percent, found 150"
    ),
    (
      "{name: line_coverage_percent, value: 1.5, unit: ratio}",
      "8:42: metric 'line_coverage_percent' must be between 0 and 1 ratio, found 1.5"
    ),
    (
      "{name: open_critical_findings, value: 2.5}",
      "8:43: metric 'open_critical_findings' must be a whole number of 0 or more, found 2.5"
    ),
    (
      "{name: ci_feedback_minutes, value: 1e400}",
      "8:40: expected a finite number for 'value', found '1e400' (infinite, not a number, or too"
        + " large)"
    ),
  ])
  func impossibleValuesAreErrors(metric: String, message: String) throws {
    let found = summary(try Fixture.load("metrics:\n  - \(metric)\n").diagnostics)
    #expect(found == [message])
  }

  @Test(arguments: [
    (1.4, "per_week"), (73.05, "per_year"), (0.2, "per_day"),
  ])
  func aConvertedValueOnTheThresholdMeetsIt(value: Double, unit: String) throws {
    let rule = MetricRule(
      metric: "deployment_frequency_per_day", comparison: .atLeast, threshold: 0.2)
    let converted = try #require(MetricUnit(rawValue: unit)).convert(value, to: .perDay)
    #expect(rule.isSatisfied(by: converted))
    #expect(!MetricRule(metric: "x", comparison: .below, threshold: 0.2).isSatisfied(by: converted))
  }
}

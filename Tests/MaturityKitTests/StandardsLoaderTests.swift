import Testing

@testable import MaturityKit

@Suite struct StandardsLoaderTests {
  @Test func theDemoStandardsLoadCleanly() {
    let result = Fixture.library()
    #expect(summary(result.diagnostics) == [])
    #expect(result.library.standards.map(\.id) == ["demo", "demo-itu"])
    #expect(result.library.requirement("A-3")?.requirement.metric?.condition == "≤ 30 min")
  }

  /// Replaces `old` with `new` in the levelled fixture and returns "line:col: message"s.
  private func problems(replacing old: String, with new: String) -> [String] {
    let text = Fixture.levelled.replacingOccurrences(of: old, with: new)
    #expect(text != Fixture.levelled, "the fixture did not contain \(old)")
    return summary(Fixture.library([text]).diagnostics)
  }

  @Test func anUnknownKeyGetsADidYouMean() {
    #expect(
      problems(replacing: "title: Demo", with: "titel: Demo") == [
        "2:1: unknown key 'titel' in a standard; did you mean 'title'?",
        "1:1: missing required key 'title' in a standard",
      ])
  }

  @Test func aWrongTypeSaysWhatWasExpectedAndFound() {
    #expect(
      problems(replacing: "{id: A-1, level: 1,", with: "{id: A-1, level: one,") == [
        "20:32: expected an integer for 'level', found text 'one'"
      ])
  }

  @Test func aLevelOutsideTheStandardsLevelsIsAnError() {
    #expect(
      problems(replacing: "{id: A-1, level: 1,", with: "{id: A-1, level: 4,") == [
        "20:32: expected a level from 1 to 3, found 4"
      ])
  }

  @Test func levelsMustRunInOrder() {
    #expect(
      problems(replacing: "{level: 2, name: Two}", with: "{level: 5, name: Two}") == [
        "7:13: expected level 2 here (levels go 1, 2, 3… in order), found level 5"
      ])
  }

  @Test func anUnknownMetricGetsASuggestion() {
    #expect(
      problems(replacing: "name: ci_feedback_minutes", with: "name: ci_feedback_mins") == [
        "26:30: unknown metric 'ci_feedback_mins'; did you mean 'ci_feedback_minutes'?"
      ])
  }

  @Test func aMetricRuleNeedsExactlyOneComparison() {
    let new = "{name: ci_feedback_minutes, at_most: 30, at_least: 1}"
    #expect(
      problems(replacing: "{name: ci_feedback_minutes, at_most: 30}", with: new) == [
        "26:23: expected exactly one of at_most, at_least, below, above or a band in a metric"
          + " rule, found 2"
      ])
  }

  @Test func anUnknownRollUpRuleIsNamed() {
    #expect(
      problems(replacing: "rule: minimum", with: "rule: minimal") == [
        "9:16: expected one of minimum, share for 'rule', found 'minimal'; did you mean 'minimum'?"
      ])
  }

  @Test func aShareRollUpNeedsItsNumbers() {
    #expect(
      problems(replacing: "{rule: minimum}", with: "{rule: share, percent: 120}") == [
        "9:9: missing required key 'tolerance' in a roll-up rule",
        "9:32: expected 'percent' between 0 and 100, found 120",
      ])
  }

  @Test func aConformanceStandardHasNoLevels() {
    let text = Fixture.conformance.replacingOccurrences(
      of: "kind: conformance", with: "kind: conformance\nlevels: []")
    #expect(
      summary(Fixture.library([text]).diagnostics) == [
        "4:1: a conformance standard has no levels; remove 'levels'"
      ])
  }

  @Test func idsMustBeUniqueAcrossStandards() {
    let copy = Fixture.conformance.replacingOccurrences(of: "id: I-3,", with: "id: A-1,")
    let result = Fixture.library([Fixture.levelled, copy])
    #expect(
      summary(result.diagnostics) == [
        "14:11: duplicate id 'A-1'; group and requirement ids must be unique across all standards"
      ])
    #expect(result.diagnostics.first?.location?.file == "s1.yaml")
    #expect(result.diagnostics.first?.notes.first?.location?.description == "s0.yaml:20:15")
  }

  @Test func aCrosswalkMayNameOnlyExistingIds() {
    let walk = Fixture.crosswalk.replacingOccurrences(of: "to: B-3", with: "to: B-9")
    let result = Fixture.library([Fixture.levelled, Fixture.conformance, walk])
    #expect(
      summary(result.diagnostics) == [
        "10:21: 'B-9' is not a requirement of standard 'demo'; did you mean 'B-2'?"
      ])
  }

  @Test func aCrosswalkMayNameOnlyLoadedStandards() {
    let result = Fixture.library([Fixture.levelled, Fixture.crosswalk])
    #expect(
      summary(result.diagnostics) == [
        "3:9: crosswalk 'demo-walk' names standard 'demo-itu', which is not loaded"
      ])
  }

  @Test func aGroupHoldsGroupsOrRequirementsNotBoth() {
    let text = Fixture.levelled.replacingOccurrences(
      of: "      name: Group\n", with: "      name: Group\n      requirements: []\n")
    #expect(
      summary(Fixture.library([text]).diagnostics) == [
        "14:7: a group holds either 'groups' or 'requirements', not both"
      ])
  }

  @Test func aLaterSourceReplacesAStandardById() {
    let replacement = Fixture.levelled.replacingOccurrences(
      of: "title: Demo domestic", with: "title: Official text")
    let files = [Fixture.levelled, Fixture.conformance, Fixture.crosswalk].enumerated().map {
      SourceFile(path: "b\($0.offset).yaml", text: $0.element)
    }
    let result = StandardsLoader().load(sources: [
      files, [SourceFile(path: "official/demo.yaml", text: replacement)],
    ])
    // The earlier crosswalk named ids of the replaced standard: it is left out, with a
    // warning that says how to relate the two again.
    #expect(result.diagnostics.map(\.severity) == [.warning])
    #expect(
      result.diagnostics.first?.message.hasPrefix(
        "crosswalk 'demo-walk' (b2.yaml) relates 'demo', which a later standards file replaced")
        == true)
    #expect(result.library.crosswalks.isEmpty)
    #expect(result.library.standard("demo")?.title == "Official text")
  }

  @Test func theBundledStandardsLoadWithoutProblems() {
    let result = StandardsLoader().load(paths: [])
    #expect(summary(result.diagnostics) == [])
    #expect(
      result.library.standards.map(\.id) == [
        "caict-cd", "itu-cd", "caict-security-risk", "itu-security-risk", "caict-system-tools",
        "itu-system-tools", "caict-continuous-testing", "itu-continuous-testing",
        "caict-performance-measurement", "itu-performance-measurement",
      ])
    #expect(result.library.domainIDs == Domain.knownOrder)
    #expect(result.library.bandSets.map(\.id) == ["dora"])
  }

  @Test(arguments: Domain.knownOrder)
  func everyLevelOfEveryDomainHasARequirement(domain: String) throws {
    let library = StandardsLoader().load(paths: []).library
    let standards = library.standards(inDomain: domain)
    #expect(standards.map(\.kind) == [.levelled, .conformance])
    let levelled = try #require(standards.first)
    let levels = Set(levelled.requirements.compactMap(\.level))
    #expect(levels == Set(1...levelled.maxLevel))
    #expect(levelled.provenance.isSummary)
    let conformance = try #require(standards.last)
    #expect(conformance.provenance.nature == .model)
    #expect(conformance.requirements.contains { $0.isRequired })
    let crosswalk = library.crosswalks.filter {
      $0.fromStandard == conformance.id && $0.toStandard == levelled.id
    }
    #expect(crosswalk.count == 1, "a crosswalk from \(conformance.id) to \(levelled.id)")
  }

  @Test func everyMetricRuleNamesACatalogueMetricAndEveryBandResolves() {
    let library = StandardsLoader().load(paths: []).library
    let rules = library.standards.flatMap(\.requirements).compactMap(\.metric)
    #expect(rules.count > 40)
    #expect(rules.allSatisfy { MetricCatalog.definition($0.metric) != nil })
    let banded = rules.filter { $0.band != nil }
    #expect(banded.count == 12)
    // Deployment frequency at least the high band of 2023: once a week.
    #expect(
      banded.contains {
        $0.metric == "deployment_frequency_per_day" && $0.band?.band == "high"
          && $0.band?.year == 2023 && $0.comparison == .atLeast && abs($0.threshold - 1 / 7) < 0.001
      })
  }

  @Test func theDoraBandsAreKeyedByReportYear() throws {
    let library = StandardsLoader().load(paths: []).library
    let dora = try #require(library.bandSets.first)
    #expect(dora.reports.map(\.year) == [2019, 2021, 2023])
    // 2021 high deployment frequency is once a week to once a month; 2023 high is daily to weekly.
    let high2021 = dora.report(2021)?.metrics["deployment_frequency_per_day"]?.first {
      $0.name == "high"
    }
    let high2023 = dora.report(2023)?.metrics["deployment_frequency_per_day"]?.first {
      $0.name == "high"
    }
    #expect(try #require(high2021).threshold < 0.05)
    #expect(abs(try #require(high2023).threshold - 1 / 7) < 0.001)
    #expect(dora.report(2023)?.confidence == .medium)
  }

  @Test func theBundledContinuousDeliveryTreeIsComplete() throws {
    let library = StandardsLoader().load(paths: []).library
    let caict = try #require(library.standard("caict-cd"))
    #expect(caict.domain.groups.count == 7)
    #expect(caict.domain.groups.flatMap(\.groups).count == 14)
    #expect(caict.subItems.count == 49)
    #expect(caict.levels.map(\.nameZh) == ["初始级", "基础级", "全面级", "优秀级", "卓越级"])
    #expect(caict.provenance.isSummary)
    let feedback = library.requirement("CD-BCI-CI-FP-L4-1")?.requirement.metric
    #expect(
      feedback
        == MetricRule(
          metric: "ci_feedback_minutes", comparison: .atMost,
          threshold: 30))
    let itu = try #require(library.standard("itu-cd"))
    #expect(itu.kind == .conformance)
    #expect(itu.provenance.confidence == .low)
  }

  static let bands = """
    bands:
      id: dora
      title: Test bands
      \(Fixture.provenance)
    reports:
      - year: 2023
        source: test
        confidence: medium
        metrics:
          - name: deployment_frequency_per_day
            bands:
              - {band: elite, at_least: 1}
              - {band: high, at_least: 0.142857}
              - {band: low, at_least: 0}

    """

  @Test func aBandRuleTakesItsThresholdFromTheReportYear() throws {
    let text = Fixture.levelled.replacingOccurrences(
      of: "{name: ci_feedback_minutes, at_most: 30}",
      with: "{name: deployment_frequency_per_day, band: high, report: 2023}")
    let result = Fixture.library([text, Self.bands])
    #expect(summary(result.diagnostics) == [])
    let rule = try #require(result.library.requirement("A-3")?.requirement.metric)
    #expect(rule.comparison == .atLeast)
    #expect(rule.threshold == 0.142857)
    #expect(rule.condition == "≥ 0.14 per day (high band, dora 2023)")
  }

  @Test(arguments: [
    ("band: high, report: 2019", "band set 'dora' has no report of 2019; it has 2023"),
    (
      "band: hihg, report: 2023",
      "the dora 2023 report has no band 'hihg' for 'deployment_frequency_per_day' (it has elite,"
        + " high, low); did you mean 'high'?"
    ),
    (
      "band: high, report: 2023, bands: space",
      "no band set 'space' is loaded"
    ),
  ])
  func aBandRuleMustNameAnExistingBand(rule: String, message: String) {
    let text = Fixture.levelled.replacingOccurrences(
      of: "{name: ci_feedback_minutes, at_most: 30}",
      with: "{name: deployment_frequency_per_day, \(rule)}")
    // Column 66 is where the rule names the band.
    #expect(summary(Fixture.library([text, Self.bands]).diagnostics) == ["26:66: \(message)"])
  }

  @Test func aBandRuleCannotAlsoCompare() {
    #expect(
      problems(
        replacing: "{name: ci_feedback_minutes, at_most: 30}",
        with: "{name: ci_feedback_minutes, at_most: 30, band: high, report: 2023}") == [
          "26:23: a metric rule gives either a band or one of at_most, at_least, below, above,"
            + " not both"
        ])
  }
}

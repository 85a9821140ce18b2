import Testing

@testable import MaturityKit

@Suite struct ScoringTests {
  @Test func levelsAreStagedAndCoverageGivesPartialCredit() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met}
        - {requirement: A-2a, status: met}
        - {requirement: A-2b, status: not-met}
        - {requirement: A-3, status: met}
      """)
    let a = try #require(assessment.subItem("A"))
    // Level 2 fails on A-2b, so A-3 being met does not lift the level, only the score.
    #expect(a.level == 1)
    #expect(a.score == 2.5)
    let b = try #require(assessment.subItem("B"))
    #expect(b.level == 1)  // B asks nothing at level 1
    #expect(b.score == 1)
    let demo = try #require(assessment.standard("demo"))
    #expect(demo.level == 1)
    #expect(demo.coverage == 1.75)
  }

  @Test func aSubItemWithoutALevelOneRequirementCanReachTheTop() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: B-2, status: met}
        - {requirement: B-3, status: met}
      """)
    #expect(assessment.subItem("B")?.level == 3)
    #expect(assessment.subItem("B")?.score == 3)
  }

  @Test func anEmptyLevelEarnsWhatTheLevelBelowEarned() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: B-2, status: partly-met}
      """)
    // B: level 1 is empty (1), level 2 half (0.5), level 3 not assessed (0).
    #expect(assessment.subItem("B")?.score == 1.5)
    #expect(assessment.subItem("B")?.level == 1)
  }

  @Test func notApplicableLeavesTheDenominatorAndShowsItsReason() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met}
        - {requirement: A-2a, status: met}
      not_applicable:
        - {requirement: A-2b, reason: no second database}
      """)
    #expect(assessment.subItem("A")?.level == 2)
    #expect(assessment.subItem("A")?.score == 2)
    #expect(assessment.result("A-2b")?.reason == "not applicable: no second database")
  }

  @Test func notApplicableOnAGroupCoversEverythingBelowIt() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: B-2, status: met}
      not_applicable:
        - {group: A, reason: no such component}
      """)
    #expect(assessment.status("A-1") == .notApplicable)
    #expect(assessment.status("A-3r") == .notApplicable)
    #expect(assessment.subItem("A")?.isApplicable == false)
    #expect(assessment.standard("demo")?.level == 2)  // only B counts
  }

  @Test(arguments: [(false, 2, 1), (true, 1, 1)])
  func waiversCountAsMetUnlessStrict(strict: Bool, level: Int, waived: Int) throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met}
        - {requirement: A-2a, status: met}
        - {requirement: A-2b, status: not-met}
      waivers:
        - {requirement: A-2b, approver: CTO, reason: migration in 2027, expires: 2027-03-31}
      """, strict: strict)
    #expect(assessment.subItem("A")?.level == level)
    #expect(assessment.subItem("A")?.waivedCount == waived)
    #expect(assessment.status("A-2b") == .waived)
    #expect(assessment.health.waiversInForce.map(\.requirementID) == ["A-2b"])
  }

  @Test func anExpiredWaiverNoLongerApplies() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-2b, status: not-met}
      waivers:
        - {requirement: A-2b, approver: CTO, reason: old, expires: 2026-11-19}
      """)
    #expect(assessment.status("A-2b") == .notMet)
    #expect(assessment.result("A-2b")?.reason == "claim; waiver expired on 2026-11-19")
    #expect(assessment.health.waiversExpired.map(\.requirementID) == ["A-2b"])
  }

  @Test func evidencePastItsExpiryIsExpired() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met, expires: 2026-11-19}
        - {requirement: A-2a, status: met, expires: 2026-11-20}
        - {requirement: A-2b, status: met, expires: 2026-12-20}
      """)
    #expect(assessment.status("A-1") == .expired)
    #expect(assessment.status("A-2a") == .met)  // expires on the assessment day: still valid
    #expect(assessment.subItem("A")?.level == 0)
    #expect(assessment.health.expired.map(\.id) == ["A-1"])
    #expect(
      assessment.health.expiringSoon.map(\.detail) == [
        "evidence expires on 2026-11-20, in 0 days", "evidence expires on 2026-12-20, in 30 days",
      ])
  }

  @Test(arguments: [
    (
      "42", "minutes", RequirementStatus.notMet,
      "metric ci_feedback_minutes = 42 min, needs ≤ 30 min"
    ),
    ("30", "minutes", .met, "metric ci_feedback_minutes = 30 min, needs ≤ 30 min"),
    ("0.4", "hours", .met, "metric ci_feedback_minutes = 24 min (0.4 hours), needs ≤ 30 min"),
    ("1800", "seconds", .met, "metric ci_feedback_minutes = 30 min (1800 seconds), needs ≤ 30 min"),
  ])
  func aMetricDecidesItsRequirement(
    value: String, unit: String, status: RequirementStatus,
    reason: String
  ) throws {
    let assessment = try Fixture.assess(
      """
      metrics:
        - {name: ci_feedback_minutes, value: \(value), unit: \(unit)}
      """)
    #expect(assessment.status("A-3") == status)
    #expect(assessment.result("A-3")?.reason == reason)
  }

  @Test func aClaimThatContradictsTheMetricIsReported() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-3, status: met}
      metrics:
        - {name: ci_feedback_minutes, value: 42}
      """)
    #expect(assessment.status("A-3") == .notMet)
    #expect(
      assessment.result("A-3")?.contradiction
        == "the claim says met, but the metric decides not met")
    #expect(assessment.health.contradictions.map(\.id) == ["A-3"])
  }

  @Test func aPartialSelfRatingMeetsTheLevelsBelowAndPartlyThatLevel() throws {
    let assessment = try Fixture.assess(
      """
      ratings:
        - {sub_item: A, level: "2-"}
      claims:
        - {requirement: A-2a, status: met}
      """)
    #expect(assessment.status("A-1") == .met)
    #expect(assessment.status("A-2a") == .met)  // the claim overrides the rating
    #expect(assessment.status("A-2b") == .partlyMet)
    #expect(assessment.status("A-3") == .notAssessed)  // a rating says nothing above it
    #expect(assessment.subItem("A")?.level == 1)
    #expect(assessment.result("A-2b")?.reason == "self-rating 2- of A")
  }

  @Test func aFullSelfRatingMeetsItsLevel() throws {
    let assessment = try Fixture.assess(
      """
      ratings:
        - {sub_item: A, level: 2}
      metrics:
        - {name: ci_feedback_minutes, value: 20}
      """)
    #expect(assessment.subItem("A")?.level == 3)
    // The metric decides A-3 above the rating, with no contradiction.
    #expect(assessment.status("A-3") == .met)
    #expect(assessment.result("A-3")?.contradiction == nil)
  }

  @Test(arguments: [
    ("A-1", "I-1", RequirementStatus.met),  // equivalent
    ("A-2a, A-2b", "I-2", .met),  // I-2 asks less than both together
    ("B-2", "I-3", .partlyMet),  // I-3 asks more
    ("B-3", "I-4", .partlyMet),  // they intersect
  ])
  func theCrosswalkGivesStatusesToTheOtherStandard(
    met: String, derived: String,
    expected: RequirementStatus
  ) throws {
    let claims = met.split(separator: ",").map {
      "  - {requirement: \($0.trimmingCharacters(in: .whitespaces)), status: met}"
    }
    let assessment = try Fixture.assess("claims:\n" + claims.joined(separator: "\n") + "\n")
    let result = try #require(assessment.result(derived))
    #expect(result.status == expected)
    #expect(result.basis == .crosswalk)
    #expect(result.reason.contains("through the crosswalk"))
  }

  @Test func theCrosswalkWorksInBothDirections() throws {
    let assessment = try Fixture.assess("claims:\n  - {requirement: I-2, status: met}\n")
    // From A-2a's side the relation is a superset: meeting I-2 meets only part of it.
    #expect(assessment.status("A-2a") == .partlyMet)
    #expect(assessment.result("A-2a")?.crosswalkPartners == ["I-2"])
  }

  @Test func theCrosswalkNeverOverridesOwnEvidenceOrHalfMetSides() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met}
        - {requirement: I-1, status: not-met}
        - {requirement: A-2a, status: met}
      """)
    #expect(assessment.status("I-1") == .notMet)
    #expect(assessment.status("I-2") == .notAssessed)  // A-2b is not met
  }

  @Test func conformanceNeedsEveryRequiredRequirement() throws {
    let all = try Fixture.assess(
      """
      claims:
        - {requirement: I-1, status: met}
        - {requirement: I-2, status: met}
        - {requirement: I-3, status: met}
        - {requirement: I-4, status: met}
        - {requirement: I-6, status: met}
      """)
    #expect(all.standard("demo-itu")?.conforms == true)
    #expect(all.standard("demo-itu")?.requiredCount == 5)
    let partly = try Fixture.assess("claims:\n  - {requirement: I-1, status: met}\n")
    #expect(partly.standard("demo-itu")?.conforms == false)
    #expect(partly.standard("demo-itu")?.gapCount == 4)
  }

  @Test(arguments: [
    ([3, 3, 2, 1], RollupRule.minimum, 1),
    ([3, 3, 2, 1], .share(percent: 75, tolerance: 1), 2),
    ([3, 3, 3, 1], .share(percent: 75, tolerance: 1), 2),
    ([3, 3, 3, 2], .share(percent: 75, tolerance: 1), 3),
    ([3, 3, 3, 2], .share(percent: 100, tolerance: 0), 2),
    ([0, 3], .share(percent: 50, tolerance: 0), 0),
    ([], .minimum, 0),
  ])
  func rollUpRules(levels: [Int], rule: RollupRule, expected: Int) {
    let calculator = LevelCalculator(maxLevel: 3, isStrict: false)
    #expect(calculator.rollUp(levels, rule: rule) == expected)
  }

  @Test func theToDoListMergesCrosswalkedGapsAndPutsTargetBlockersFirst() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met}
        - {requirement: A-2a, status: met}
        - {requirement: A-2b, status: not-met}
        - {requirement: A-3, status: not-met}
        - {requirement: B-2, status: met}
        - {requirement: B-3, status: not-met}
        - {requirement: I-1, status: met}
        - {requirement: I-3, status: met}
        - {requirement: I-4, status: met}
      """)
    // The first item is the only one blocking the target and one of two blocking
    // conformance (1 + 1/2); I-6 is the other conformance blocker (1/2).
    #expect(assessment.todo.map(\.ids) == [["A-2b", "I-2"], ["I-6"], ["A-3"], ["B-3"]])
    #expect(
      assessment.todo.first?.impact
        == "target level of continuous-delivery and conformance to demo-itu")
    #expect(assessment.todo.last?.impact == "a higher level")
  }

  @Test func theToDoListPrefersTheNextLevelAmongEqualItems() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met}
        - {requirement: A-2a, status: met}
        - {requirement: A-2b, status: met}
        - {requirement: B-2, status: met}
        - {requirement: I-1, status: met}
        - {requirement: I-2, status: met}
        - {requirement: I-3, status: met}
        - {requirement: I-4, status: met}
      metrics:
        - {name: ci_feedback_minutes, value: 45}
      """)
    #expect(assessment.standard("demo")?.level == 2)
    #expect(assessment.todo.map(\.ids) == [["I-6"], ["A-3"], ["B-3"]])
    #expect(assessment.todo[1].blocksNextLevelOf == ["continuous-delivery"])
  }

  @Test func theLastGapOfACertificationComesBeforeOneOfMany() throws {
    let assessment = try Fixture.assess(
      """
      claims:
        - {requirement: A-1, status: met}
        - {requirement: A-2a, status: not-met}
        - {requirement: A-2b, status: not-met}
        - {requirement: B-2, status: not-met}
        - {requirement: B-3, status: met}
        - {requirement: I-1, status: met}
        - {requirement: I-2, status: met}
        - {requirement: I-3, status: met}
        - {requirement: I-4, status: met}
      """)
    // I-6 alone stands between the scope and conformance; each level-2 gap is one of
    // three standing between it and the target level.
    #expect(assessment.todo.map(\.ids) == [["I-6"], ["A-2a"], ["A-2b"], ["B-2"], ["A-3"]])
  }

  @Test func crosswalkReasonsAreWrittenFromTheDerivedSide() throws {
    let assessment = try Fixture.assess("claims:\n  - {requirement: B-2, status: met}\n")
    #expect(
      assessment.result("I-3")?.reason
        == "partly met through the crosswalk: asks more than B-2, which is met")
    let both = try Fixture.assess(
      """
      claims:
        - {requirement: A-2a, status: met}
        - {requirement: A-2b, status: met}
      """)
    #expect(
      both.result("I-2")?.reason
        == "met through the crosswalk: asks less than A-2a + A-2b, which are met")
  }

  @Test func notAssessedInTheHealthStopsAtTheTarget() throws {
    let assessment = try Fixture.assess("claims:\n  - {requirement: A-1, status: met}\n")
    // Target 2: level-3 requirements are not listed; I-1 is met through the crosswalk.
    #expect(
      assessment.health.notAssessed.map(\.id) == [
        "A-2a", "A-2b", "B-2", "I-2", "I-3", "I-4", "I-6",
      ])
  }

  @Test func everyMetricIsReportedWithWhatItDecided() throws {
    let assessment = try Fixture.assess(
      """
      metrics:
        - {name: ci_feedback_minutes, value: 12}
        - {name: lead_time_hours, value: 20, source: "https://dora.example.com/q3"}
      """)
    #expect(assessment.metrics.map(\.decided) == [["A-3"], []])
    #expect(
      assessment.metrics.map { ReportWording.metric($0) } == [
        "ci_feedback_minutes = 12 min; decides A-3",
        "lead_time_hours = 20 h, https://dora.example.com/q3; decides no requirement in scope",
      ])
  }
}

@Suite struct DayTests {
  @Test(arguments: [
    ("2026-11-20", "2026-11-20"), ("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"),
    ("1970-01-01", "1970-01-01"),
  ])
  func parsesAndPrintsCalendarDates(text: String, expected: String) {
    #expect(Day(text)?.description == expected)
  }

  @Test(arguments: [
    "2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026/11/20",
    "20261120", "2026-11-20x", "2026-11-2a", "",
  ])
  func rejectsWhatIsNotACalendarDate(text: String) {
    #expect(Day(text) == nil)
  }

  @Test func countsDaysBetweenDates() throws {
    let start = try #require(Day("2026-11-20"))
    #expect(try start.days(until: #require(Day("2027-01-01"))) == 42)
    #expect(start.adding(days: 30).description == "2026-12-20")
  }
}

@Suite struct SuggestionTests {
  @Test(arguments: [
    ("kitten", "sitting", 3), ("ab", "ba", 1), ("CD-BCI-CI-PF", "CD-BCI-CI-FP", 1),
    ("", "abc", 3), ("same", "same", 0), ("ca", "abc", 3),
  ])
  func editDistanceCountsASwapAsOneEdit(lhs: String, rhs: String, distance: Int) {
    #expect(Suggestion.editDistance(lhs, rhs) == distance)
  }

  @Test func suggestionsPreferTheClosestThenTheAlphabeticallyFirst() {
    #expect(Suggestion.closest(to: "fromat", in: ["format", "from", "output"]) == "format")
    #expect(Suggestion.closest(to: "A-2c", in: ["A-2b", "A-2a"]) == "A-2a")
    #expect(Suggestion.closest(to: "zzzzzz", in: ["format"]) == nil)
  }
}

@Suite struct TextWrapTests {
  @Test func wrapsByTerminalColumnsSoWideTextStaysInside() {
    let text = String(repeating: "持续交付 ", count: 30)
    let lines = TextWrap.wrap(text, width: 40, indent: "  ")
    #expect(lines.allSatisfy { TerminalText.displayWidth($0) <= 40 })
    // Each word takes 8 columns: four words and three spaces (35) fit in 38, five do not.
    #expect(lines.first == "  持续交付 持续交付 持续交付 持续交付")
  }
}

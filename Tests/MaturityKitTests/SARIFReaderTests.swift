import Foundation
import Testing

@testable import MaturityKit

/// The SARIF reader: real logs from several analysers, the shared multiple-runs case,
/// severity fallbacks, suppressions, and inputs that must be refused with one exact error.
@Suite struct SARIFReaderTests {
  /// One real file and what was counted in it by hand (rule levels looked up with jq).
  struct RealLog: Sendable, CustomTestStringConvertible {
    var path: String
    var figures: [String]
    var openCritical: Double?
    var warnings: [String] = []

    var testDescription: String { path }
  }

  /// Real files in ../shared/realdata; skipped when that folder is absent.
  @Suite(.enabled(if: realData != nil, "needs ../shared/realdata"))
  struct RealFiles {
    @Test(arguments: realLogs)
    func countsEveryResultByHand(_ log: RealLog) throws {
      let file = try #require(try realFile(log.path))
      let reading = try SARIFReader.read(file)
      #expect(reading.format == "sarif")
      #expect(figureList(reading) == log.figures)
      #expect(reading.metrics["open_critical_findings"] == log.openCritical)
      #expect(reading.metrics.count == (log.openCritical == nil ? 0 : 1))
      #expect(summary(reading.warnings) == log.warnings)
      #expect(reading.warnings.allSatisfy { $0.location?.file == log.path })
    }

    @Test func aTruncatedRealLogSaysWhereItEnds() throws {
      let whole = try #require(try realFile("sarif/gosec.sarif"))
      let file = SourceFile(path: whole.path, bytes: Array(whole.bytes.prefix(200)))
      #expect(
        readError(file) == [
          "9:16: expected '\"' to end the string from 9:6, found the end of the file; "
            + "is it truncated?"
        ])
    }
  }

  // MARK: - Levels and security severity

  @Test func aResultWithoutLevelTakesItsRulesDefaultThenWarning() throws {
    let reading = try read(
      run(
        rules: #"[{"id": "A", "defaultConfiguration": {"level": "note"}}, {"id": "B"}]"#,
        results: #"[{"ruleId": "A"}, {"ruleId": "B"}, {"ruleId": "Z"}, {"ruleIndex": 0},"#
          + #" {"ruleId": "A", "level": "none"}]"#))
    #expect(figures(reading, "error", "warning", "note", "none") == [0, 2, 2, 1])
    #expect(reading.metrics["open_critical_findings"] == 0)
  }

  @Test func ruleIndexWinsOverAnUnknownIdAndExtensionsAreSearchedById() throws {
    let extensions =
      #"[{"name": "pack", "rules": [{"id": "X","#
      + #" "defaultConfiguration": {"level": "error"}}]}]"#
    let reading = try read(
      run(
        rules: #"[{"id": "A", "defaultConfiguration": {"level": "note"}}]"#,
        results: #"[{"ruleId": "nope", "ruleIndex": 0}, {"ruleId": "X"},"#
          + #" {"rule": {"index": 0, "toolComponent": {"index": 0}}}]"#,
        extensions: extensions))
    #expect(figures(reading, "error", "warning", "note") == [2, 0, 1])
    #expect(reading.metrics["open_critical_findings"] == 2)
  }

  @Test(arguments: [
    ("9.0", "critical", 1.0), ("10", "critical", 1), ("8.9", "high", 1), ("7", "high", 1),
    ("6.9", "medium", 0), ("4.0", "medium", 0), ("3.9", "low", 0), ("0.1", "low", 0),
  ])
  func securitySeverityPicksTheClass(score: String, expected: String, open: Double) throws {
    let reading = try read(
      run(results: #"[{"level": "error", "properties": {"security-severity": "\#(score)"}}]"#))
    let classes = ["critical", "high", "medium", "low"]
    #expect(
      figures(reading, "critical", "high", "medium", "low")
        == classes.map {
          $0 == expected ? 1 : 0
        })
    #expect(reading.metrics["open_critical_findings"] == open)
  }

  @Test func theResultsScoreWinsOverTheRulesAndZeroHasNoClass() throws {
    let rules = #"[{"id": "A", "properties": {"security-severity": "9.8"}}]"#
    let reading = try read(
      run(
        rules: rules,
        results: #"[{"ruleId": "A"}, {"ruleId": "A", "properties": {"security-severity": "2"}},"#
          + #" {"ruleId": "A", "level": "error", "properties": {"security-severity": "0"}}]"#))
    #expect(figures(reading, "critical", "high", "medium", "low") == [1, 0, 0, 1])
    #expect(reading.metrics["open_critical_findings"] == 1)
  }

  @Test func suppressedAndAbsentResultsAreOnlyCountedAsSuppressed() throws {
    let reading = try read(
      run(
        results: #"[{"level": "error", "suppressions": [{"kind": "inSource"}]},"#
          + #" {"level": "error", "baselineState": "absent"},"#
          + #" {"level": "error", "suppressions": [], "baselineState": "unchanged"}]"#))
    #expect(figures(reading, "results", "error", "suppressed") == [1, 1, 2])
    #expect(reading.metrics["open_critical_findings"] == 1)
  }

  @Test func resultsWithoutLocationsAreKept() throws {
    let reading = try read(run(results: #"[{"message": {"text": "no place"}}]"#))
    #expect(figures(reading, "results", "warning") == [1, 1])
  }

  @Test func oddLevelsAndScoresAreIgnoredWithOneWarningEach() throws {
    let reading = try read(
      run(
        results: #"[{"level": "fatal"}, {"level": "bad"},"#
          + #" {"properties": {"security-severity": "high"}}, 7]"#))
    #expect(figures(reading, "results", "warning", "critical", "high") == [3, 3, 0, 0])
    #expect(
      summary(reading.warnings) == [
        "1:31: run 1 (t): a level other than error, warning, note or none was ignored (2 times)",
        "1:31: run 1 (t): a security-severity that is not a number from 0 to 10 was ignored "
          + "(1 times)",
        "1:31: run 1 (t): results that are not JSON objects were skipped (1 times)",
      ])
  }

  // MARK: - Runs

  @Test func aNullResultsListIsNotAnalysedAndNoRunsGiveNoMetric() throws {
    let reading = try read(
      #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": null}]}"#)
    #expect(figures(reading, "runs", "runs_not_analysed", "results") == [1, 1, 0])
    #expect(reading.metrics.isEmpty)
    #expect(
      summary(reading.warnings) == [
        "1:31: run 1 (t) has a null or non-list \"results\"; counted as not analysed, not as "
          + "clean"
      ])
  }

  @Test func toolsAreDistinctDriverNamesInOrder() throws {
    let text =
      #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "b"}}, "results": []},"#
      + #" {"tool": {"driver": {"name": "a"}}, "results": []},"#
      + #" {"tool": {"driver": {"name": "b"}}, "results": []}]}"#
    let reading = try read(text)
    #expect(figureList(reading).last(where: { $0.hasPrefix("tools=") }) == "tools=b+a")
    #expect(reading.metrics["open_critical_findings"] == 0)
  }

  @Test func anotherVersionIsReadWithAWarning() throws {
    let reading = try read(#"{"runs": [], "version": "2.0.0"}"#)
    #expect(figures(reading, "runs") == [0])
    #expect(
      summary(reading.warnings) == [
        "1:14: expected SARIF version \"2.1.0\", found \"2.0.0\"; read as 2.1.0"
      ])
  }

  // MARK: - Refused

  @Test(arguments: [
    ("", "1:1: expected a SARIF 2.1.0 JSON log, found an empty file"),
    ("\u{FEFF} \n", "1:1: expected a SARIF 2.1.0 JSON log, found an empty file"),
    (
      "{\n  \"version\": \"2.1.0\",\n  \"runs\": [ @ ]\n}",
      "3:13: expected a value or ']' after '[', found '@'"
    ),
    (
      "{\"runs\": [\n",
      "1:11: expected a value or ']' after '[', found the end of the file; is it truncated?"
    ),
    (
      "\n  [1, 2]",
      "2:3: expected a SARIF 2.1.0 JSON log object at the root, found a JSON list"
    ),
    (
      "{\"version\": \"2.1.0\",\n \"$schema\": \"x\"}",
      "1:1: expected a SARIF 2.1.0 JSON log with a \"runs\" list, found no \"runs\" key"
    ),
    (
      "{\"version\": \"2.1.0\",\n \"runs\": {}}",
      "2:2: expected a SARIF 2.1.0 JSON log with a \"runs\" list, found \"runs\" that is "
        + "not a list"
    ),
    (
      "<?xml version=\"1.0\"?><testsuite/>",
      "1:1: expected a SARIF 2.1.0 JSON log, found '<'"
    ),
  ])
  func refusesWithOneError(text: String, expected: String) {
    #expect(readError(SourceFile(path: "bad.sarif", text: text)) == [expected])
  }
}

/// The real files and their hand-counted figures.
private let realLogs: [SARIFReaderTests.RealLog] = [
  .init(
    path: "sarif/codeQL-output.sarif",
    figures: counts(runs: 1, results: 72, levels: [11, 4, 57, 0], tools: "CodeQL"),
    openCritical: 11),
  .init(
    path: "sarif/semgrepowasp-benchmark-sample.sarif",
    figures: counts(runs: 1, results: 1768, levels: [0, 1768, 0, 0], tools: "semgrep"),
    openCritical: 0),
  .init(
    path: "sarif/alpine-310.sarif.golden",
    figures: counts(
      runs: 1, results: 4, levels: [0, 4, 0, 0], classes: [0, 0, 4, 0], tools: "Trivy"),
    openCritical: 0),
  .init(
    path: "sarif/gosec.sarif", figures: counts(runs: 1, tools: "gosec"), openCritical: 0),
  .init(
    path: "sarif/eslint/expected.sarif",
    figures: counts(runs: 1, notAnalysed: 1, tools: "ESLint"), openCritical: nil,
    warnings: [
      "4:5: run 1 (ESLint) says executionSuccessful false; counted as not analysed, not as "
        + "clean"
    ]),
  .init(path: "sarif/no_runs.sarif", figures: counts(tools: "none"), openCritical: nil),
  .init(
    path: "cases/case12-sarif-multiple-runs.sarif",
    figures: counts(
      runs: 3, notAnalysed: 1, results: 1, levels: [1, 0, 0, 0],
      tools: "first-linter+second-scanner+third-tool"),
    openCritical: 1,
    warnings: [
      "32:5: run 3 (third-tool) has no \"results\"; counted as not analysed, not as clean"
    ]),
]

/// The whole figure list in the reader's order.
private func counts(
  runs: Int = 0, notAnalysed: Int = 0, results: Int = 0, levels: [Int] = [0, 0, 0, 0],
  classes: [Int] = [0, 0, 0, 0], tools: String, suppressed: Int = 0
) -> [String] {
  let names = ["error", "warning", "note", "none", "critical", "high", "medium", "low"]
  return ["runs=\(runs)", "runs_not_analysed=\(notAnalysed)", "results=\(results)"]
    + zip(names, levels + classes).map { "\($0)=\($1)" }
    + ["tools=\(tools)", "suppressed=\(suppressed)"]
}

/// A log with one run of tool "t"; the run object starts at 1:31.
private func run(rules: String = "[]", results: String, extensions: String = "[]") -> String {
  #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": \#(rules)},"#
    + #" "extensions": \#(extensions)}, "results": \#(results)}]}"#
}

private func read(_ text: String) throws -> ArtifactReading {
  try SARIFReader.read(SourceFile(path: "test.sarif", text: text))
}

private func figureList(_ reading: ArtifactReading) -> [String] {
  reading.figures.map { "\($0.name)=\($0.value)" }
}

/// The named figures as numbers, in the order asked.
private func figures(_ reading: ArtifactReading, _ names: String...) -> [Int] {
  names.map { name in Int(reading.figures.first { $0.name == name }?.value ?? "") ?? -1 }
}

private func readError(_ file: SourceFile) -> [String] {
  do {
    _ = try SARIFReader.read(file)
    return []
  } catch {
    return summary([error])
  }
}

/// A `ruleIndex` that names no rule is ignored with one warning a kind, not silently.
@Suite struct SARIFRuleIndexTests {
  @Test func ruleIndexesThatNameNoRuleAreWarned() throws {
    let results = ["99", "-1", "0.5", "1e30", "0"].map { "{\"ruleIndex\": \($0)}" }
    let text =
      "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"t\", \"rules\": "
      + "[{\"id\": \"R\", \"defaultConfiguration\": {\"level\": \"error\"}}]}}, \"results\": ["
      + results.joined(separator: ", ") + "]}]}"
    let reading = try SARIFReader.read(SourceFile(path: "r.sarif", text: text))
    #expect(
      reading.warnings.map(\.message) == [
        "run 1 (t): a ruleIndex past the end of its run's rules was ignored (1 times)",
        "run 1 (t): a ruleIndex that is not a whole number of -1 or more was ignored (2 times)",
      ])
    // Only ruleIndex 0 names the error rule; the other four default to warning.
    #expect(reading.figures.first { $0.name == "error" }?.value == "1")
    #expect(reading.figures.first { $0.name == "warning" }?.value == "4")
  }
}

@Suite struct SARIFRuleAlignmentTests {
  /// A rule that is not an object still takes its place: `ruleIndex` 1 is the error rule.
  @Test func aNonObjectRuleKeepsTheIndexesAfterIt() throws {
    let text =
      "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"t\", \"rules\": "
      + "[\"junk\", {\"id\": \"R1\", \"defaultConfiguration\": {\"level\": \"error\"}}]}}, "
      + "\"results\": [{\"ruleIndex\": 1}]}]}"
    let reading = try SARIFReader.read(SourceFile(path: "r.sarif", text: text))
    #expect(reading.metrics["open_critical_findings"] == 1)
    #expect(reading.warnings.isEmpty)
  }
}

/// A log of thousands of runs gives a bounded list of warnings and tool names.
@Suite struct SARIFManyRunsTests {
  @Test func warningsAboutRunsAreKeptFiftyAKind() throws {
    let runs = Array(repeating: "{}", count: 200).joined(separator: ",\n")
    let reading = try SARIFReader.read(
      SourceFile(path: "r.sarif", text: "{\"version\": \"2.1.0\", \"runs\": [\n\(runs)]}"))
    let messages = reading.warnings.map(\.message)
    #expect(messages.count == 51)
    #expect(
      messages[49] == "run 50 (no tool.driver.name) has no \"results\"; counted as not "
        + "analysed, not as clean")
    #expect(messages[50] == "150 more warnings like the one above were left out")
    #expect(reading.warnings[50].location == reading.warnings[49].location)
    #expect(reading.figures.first { $0.name == "runs_not_analysed" }?.value == "200")
  }

  @Test func toolNamesAreListedUpToTen() throws {
    let runs = (0..<15).map {
      "{\"tool\": {\"driver\": {\"name\": \"t\($0 % 12)\"}}, \"results\": []}"
    }
    let text = "{\"version\": \"2.1.0\", \"runs\": [" + runs.joined(separator: ",") + "]}"
    let reading = try SARIFReader.read(SourceFile(path: "r.sarif", text: text))
    #expect(
      reading.figures.first { $0.name == "tools" }?.value
        == "t0+t1+t2+t3+t4+t5+t6+t7+t8+t9+2 more")
  }
}

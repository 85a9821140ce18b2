import Foundation
import Testing

@testable import MaturityKit

/// The JUnit XML reader: real reports from several producers, the shared cases, odd but
/// valid shapes, and inputs that must be refused with one exact error.
@Suite struct JUnitReaderTests {
  /// One real file and what was counted in it by hand.
  struct RealReport: Sendable, CustomTestStringConvertible {
    var path: String
    var figures: [String]
    var passRate: Double?
    var warnings: [String] = []

    var testDescription: String { path }
  }

  /// Real files in ../shared/realdata; skipped when that folder is absent.
  @Suite(.enabled(if: realData != nil, "needs ../shared/realdata"))
  struct RealFiles {
    @Test(arguments: realReports)
    func countsEveryCaseByHand(_ report: RealReport) throws {
      let file = try #require(try realFile(report.path))
      let reading = try JUnitReader.read(file)
      #expect(reading.format == "junit")
      #expect(figureList(reading) == report.figures)
      #expect(reading.metrics["test_pass_rate_percent"] == report.passRate)
      #expect(reading.metrics.count == (report.passRate == nil ? 0 : 1))
      #expect(summary(reading.warnings) == report.warnings)
      #expect(reading.warnings.allSatisfy { $0.severity == .warning })
      #expect(reading.warnings.allSatisfy { $0.location?.file == report.path })
    }

    @Test func aTruncatedRealReportNamesTheUnclosedElement() throws {
      let whole = try #require(try realFile("junit/junit.fail.xml"))
      let file = SourceFile(path: whole.path, bytes: Array(whole.bytes.prefix(1000)))
      #expect(
        readError(file) == [
          "15:66: expected </testcase> closing <testcase> from line 14, found the end of "
            + "the file; is it truncated?"
        ])
    }
  }

  // MARK: - Odd but valid

  @Test func aRerunFailureBesideAFailureIsFailedAndNotFlaky() throws {
    let reading = try read(
      "<testsuite><testcase><failure/><rerunFailure/></testcase>"
        + "<testcase><flakyError/></testcase><testcase><rerunError/></testcase></testsuite>")
    #expect(
      figureList(reading) == [
        "tests=3", "passed=2", "failed=1", "errored=0", "skipped=0", "flaky=2",
      ])
    #expect(reading.metrics["test_pass_rate_percent"] == Double(200) / 3)
  }

  @Test func theWorstOutcomeOfACaseWins() throws {
    let reading = try read(
      "<testsuite><testcase><skipped/><failure/><error/></testcase>"
        + "<testcase><skipped/><failure/></testcase><testcase><system-out/></testcase>"
        + "</testsuite>")
    #expect(
      figureList(reading) == [
        "tests=3", "passed=1", "failed=1", "errored=1", "skipped=0", "flaky=0",
      ])
  }

  @Test func onlyDirectChildrenDecideTheOutcome() throws {
    let reading = try read(
      "<testsuite><testcase><system-out><failure/></system-out></testcase></testsuite>")
    #expect(figureList(reading).prefix(3) == ["tests=1", "passed=1", "failed=0"])
  }

  @Test func aCaseOutsideASuiteIsNotCountedAndSaysSo() throws {
    let reading = try read(
      "<testsuites>\n<properties><testcase/></properties>\n<testsuite>\n"
        + "<testcase><testcase/></testcase>\n</testsuite>\n</testsuites>\n")
    #expect(figureList(reading).prefix(2) == ["tests=1", "passed=1"])
    #expect(
      summary(reading.warnings) == [
        "2:13: a <testcase> inside <properties> is not counted; expected it inside a <testsuite>",
        "4:11: a <testcase> inside <testcase> is not counted; expected it inside a <testsuite>",
      ])
  }

  @Test func anEmptyReportHasNoPassRate() throws {
    let reading = try read("<?xml version=\"1.0\"?>\n<testsuites tests=\"0\"/>\n")
    #expect(
      figureList(reading) == [
        "tests=0", "passed=0", "failed=0", "errored=0", "skipped=0", "flaky=0",
      ])
    #expect(reading.metrics.isEmpty)
    #expect(
      summary(reading.warnings) == [
        "2:1: expected at least one <testcase>, found none; there is no pass rate"
      ])
  }

  @Test func onlySkippedCasesGiveNoPassRate() throws {
    let reading = try read("<testsuite><testcase><skipped/></testcase></testsuite>")
    #expect(figureList(reading).last == "flaky=0")
    #expect(reading.metrics.isEmpty)
    #expect(reading.warnings.isEmpty)
  }

  @Test func theRootTimeIsUsedOnlyWhenNoCaseHasOne() throws {
    let untimed = try read("<testsuite time=\"0,25\"><testcase/><testcase time=\"\"/></testsuite>")
    #expect(figureList(untimed).last == "duration_seconds=0.25")
    #expect(
      summary(untimed.warnings) == [
        "1:1: time=\"0,25\" uses a decimal comma; read as 0.25 seconds"
      ])
    let timed = try read("<testsuite time=\"9\"><testcase time=\"1.5\"/><testcase/></testsuite>")
    #expect(figureList(timed).last == "duration_seconds=1.5")
  }

  @Test func aWarningPointsAtTheStartOfATagThatSpansLines() throws {
    let reading = try read(
      "<testsuites>\n  <testsuite name=\"é\"\n      tests=\"2\">\n"
        + "    <testcase/><testcase time=\"x\"/><testcase/>\n  </testsuite>\n</testsuites>")
    #expect(
      summary(reading.warnings) == [
        "2:3: <testsuite> 'é' says tests=\"2\" but holds 3 test cases; using the 3 counted",
        "4:16: time=\"x\" is not a duration in seconds; left out of the duration",
      ])
    #expect(reading.warnings.first?.sourceLine == "  <testsuite name=\"é\"")
  }

  @Test func aTestsAttributeThatIsNotACountIsNamed() throws {
    let reading = try read("<testsuite name=\"s\" tests=\"many\"><testcase/></testsuite>")
    #expect(
      summary(reading.warnings) == [
        "1:1: <testsuite> 's' has tests=\"many\"; expected a whole number"
      ])
  }

  @Test func externalEntitiesAndDTDsAreNotRead() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("junit-xxe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let dtd = folder.appendingPathComponent("extra.dtd")
    try Data("<!ATTLIST testcase time CDATA \"99\">".utf8).write(to: dtd)
    let cases = folder.appendingPathComponent("cases.xml")
    try Data("<testcase name=\"injected\"/>".utf8).write(to: cases)
    let reading = try read(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite SYSTEM \"\(dtd.absoluteString)\" [\n"
        + "<!ENTITY more SYSTEM \"\(cases.absoluteString)\">\n]>\n"
        + "<testsuite><testcase/>&more;</testsuite>\n")
    #expect(figureList(reading) == figureList(try read("<testsuite><testcase/></testsuite>")))
  }

  @Test func anEntityBombIsRefusedQuickly() {
    let entities = (1...9).map { level in
      "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: 10) + "\">"
    }
    let text =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [\n<!ENTITY e0 \"lol\">\n"
      + entities.joined(separator: "\n") + "\n]>\n<testsuite name=\"&e9;\"/>\n"
    let started = Date()
    #expect(
      readError(SourceFile(path: "bomb.xml", text: text)) == [
        "14:22: expected entities of a bounded size, found ones that loop or grow too far"
      ])
    #expect(Date().timeIntervalSince(started) < 1)
  }

  @Test func aLargeReportIsReadQuickly() throws {
    let cases = (0..<20_000).map { index in
      index % 4 == 0
        ? "<testcase name=\"t\(index)\" time=\"0,5\"><failure/></testcase>"
        : "<testcase name=\"t\(index)\" time=\"0.25\"/>"
    }
    let text = "<testsuite tests=\"1\">\n" + cases.joined(separator: "\n") + "\n</testsuite>\n"
    let started = Date()
    let reading = try read(text)
    #expect(
      figureList(reading) == [
        "tests=20000", "passed=15000", "failed=5000", "errored=0", "skipped=0", "flaky=0",
        "duration_seconds=6250",
      ])
    // The suite's count on line 1, then 50 decimal-comma warnings in full and one counting
    // the other 4,950 at the last of them.
    let messages = reading.warnings.map(\.message)
    #expect(messages.count == 52)
    #expect(messages.first?.hasPrefix("<testsuite> says tests=\"1\" but holds 20000") == true)
    #expect(messages[50].hasSuffix("uses a decimal comma; read as 0.5 seconds"))
    #expect(messages[51] == "4950 more warnings like the one above were left out")
    #expect(reading.warnings[51].location == reading.warnings[50].location)
    #expect(reading.warnings[50].location?.line == 198)
    #expect(Date().timeIntervalSince(started) < 5)
  }

  /// `time` text → seconds and whether a warning is given.
  @Test(
    arguments: [
      ("1,205.25", 1205.25, false), ("1,205,000", 1_205_000, false), ("12.5", 12.5, false),
      ("1e-3", 0.001, false), (" 4.5 ", 4.5, false), ("0,5", 0.5, true),
      ("1.205,25", 1205.25, true), ("1,205", 1.205, true), ("", nil, false),
      ("abc", nil, true), ("-1", nil, true), ("1,2,3", nil, true), ("inf", nil, true),
      ("0,500.5", nil, true), ("1,205.", 1205, false), ("nan", nil, true),
    ] as [(String, Double?, Bool)])
  func timesAreReadWithTheirSeparators(text: String, seconds: Double?, warns: Bool) {
    let (value, warning) = JUnitReader.seconds(text)
    #expect(value == seconds)
    #expect((warning != nil) == warns)
  }

  // MARK: - Refused

  /// Inputs that are not a JUnit report, with the one error each must give.
  @Test(arguments: [
    (
      "",
      "1:1: expected a JUnit XML report with a <testsuites> or <testsuite> root, "
        + "found an empty file"
    ),
    (
      " \n\t\n",
      "1:1: expected a JUnit XML report with a <testsuites> or <testsuite> root, "
        + "found an empty file"
    ),
    (
      "\u{FEFF}\r\n",
      "1:1: expected a JUnit XML report with a <testsuites> or <testsuite> "
        + "root, found an empty file"
    ),
    ("{\"tests\": 3}\n", "1:1: expected XML starting with '<', found '{'"),
    (
      "<?xml version=\"1.0\"?>\n<coverage line-rate=\"0.5\">\n</coverage>\n",
      "2:1: expected a <testsuites> or <testsuite> root element, found <coverage>"
    ),
    (
      "<?xml version=\"1.0\"?>\n",
      "1:22: expected a <testsuites> or <testsuite> root element, found none"
    ),
    (
      "<testsuites>\n  <testsuite name=\"a\">\n    <testcase/>\n    <testca",
      "4:12: expected </testsuite> closing <testsuite> from line 2, found the end of the "
        + "file; is it truncated?"
    ),
    (
      "<testsuites>\n  <testsuite>\n  </testsuites>\n",
      "3:16: expected </testsuite> closing <testsuite> from line 2, found a different end tag"
    ),
    ("<testsuites/>\n<testsuites/>\n", "2:1: expected nothing after the root element, found more"),
    (
      "<testsuite>\n<testcase name=\"a\" name=\"b\"/>\n</testsuite>\n",
      "2:28: expected each attribute once in an element, found one written twice"
    ),
    (
      "<testsuites name=\"cut",
      "1:22: expected the rest of the XML document, found the end of the file; is it truncated?"
    ),
    (
      "<testsuite>\n<testcase name=\"a & b\"/>\n</testsuite>\n",
      "2:20: expected a name, found none (an '&' or '<' that should be written &amp; or &lt;?)"
    ),
  ])
  func badInputIsRefusedWithOneError(text: String, error: String) {
    #expect(readError(SourceFile(path: "bad.xml", text: text)) == [error])
  }

  @Test func theErrorNamesTheFileAndShowsTheLine() {
    do {
      _ = try JUnitReader.read(SourceFile(path: "out/report.xml", text: "<a>\n<b>\n</a>\n"))
      Issue.record("a malformed file was read")
    } catch {
      #expect(error.severity == .error)
      #expect(error.location?.file == "out/report.xml")
      #expect(error.sourceLine == "</a>")
    }
  }
}

// MARK: - Helpers

private let realReports: [JUnitReaderTests.RealReport] = [
  .init(
    path: "junit/012-report.xml",
    figures: counts(11, 6, 4, 0, 1, 0) + ["duration_seconds=0"], passRate: 60),
  .init(
    path: "junit/TEST-action.surefire.report.calc.CalcUtilsTest.xml",
    figures: counts(2, 0, 2, 0, 0, 0) + ["duration_seconds=0.001"], passRate: 0),
  .init(
    path: "junit/TEST-com.github.guenhter.junit.CalculatorTest.xml",
    figures: counts(24, 24, 0, 0, 0, 0) + ["duration_seconds=0.027"], passRate: 100),
  .init(
    path: "junit/jest-junit.xml",
    figures: counts(2, 2, 0, 0, 0, 0) + ["duration_seconds=0.295"], passRate: 100),
  .init(
    path: "junit/junit.fail.xml",
    figures: counts(5, 3, 1, 0, 1, 0) + ["duration_seconds=21.908"], passRate: 75),
  .init(
    path: "junit/junit.xml",
    figures: counts(5, 2, 3, 0, 0, 0) + ["duration_seconds=150"], passRate: 40,
    warnings: [
      "2:5: <testsuite> 'All tests' says tests=\"4\" but holds 5 test cases; using the 5 counted",
      "4:9: <testsuite> 'tests' says tests=\"4\" but holds 5 test cases; using the 5 counted",
    ]),
  .init(
    path: "junit/no-attributes.xml", figures: counts(4, 1, 1, 1, 1, 0),
    passRate: Double(100) / 3),
  .init(
    path: "junit/surefire-report.xml",
    figures: counts(1, 1, 0, 0, 0, 1) + ["duration_seconds=0.683"], passRate: 100),
  .init(
    path: "junit/testsuite-root.xml",
    figures: counts(5, 5, 0, 0, 0, 0) + ["duration_seconds=4.807"], passRate: 100),
  .init(
    path: "junit/xunit.xml",
    figures: counts(2, 2, 0, 0, 0, 0) + ["duration_seconds=0.458"], passRate: 100,
    warnings: [
      "2:1: <testsuites> 'Test results' says tests=\"173\" but holds 2 test cases; "
        + "using the 2 counted"
    ]),
  .init(
    path: "cases/case09-junit-time-comma.xml",
    figures: counts(3, 3, 0, 0, 0, 0) + ["duration_seconds=1210.25"], passRate: 100,
    warnings: ["5:3: time=\"0,5\" uses a decimal comma; read as 0.5 seconds"]),
  .init(
    path: "cases/case10-junit-nested-suites.xml",
    figures: counts(4, 2, 1, 0, 1, 0) + ["duration_seconds=3.5"], passRate: Double(200) / 3,
    warnings: [
      "2:1: <testsuites> 'all' says tests=\"3\" but holds 4 test cases; using the 4 counted",
      "3:3: <testsuite> 'service' says tests=\"3\" but holds 4 test cases; using the 4 counted",
    ]),
]

private func counts(
  _ tests: Int, _ passed: Int, _ failed: Int, _ errored: Int, _ skipped: Int, _ flaky: Int
) -> [String] {
  [
    "tests=\(tests)", "passed=\(passed)", "failed=\(failed)", "errored=\(errored)",
    "skipped=\(skipped)", "flaky=\(flaky)",
  ]
}

private func figureList(_ reading: ArtifactReading) -> [String] {
  reading.figures.map { "\($0.name)=\($0.value)" }
}

private func read(_ text: String) throws -> ArtifactReading {
  try JUnitReader.read(SourceFile(path: "test.xml", text: text))
}

/// The error of a file that must not be read, as "line:col: message", or [] if it read.
private func readError(_ file: SourceFile) -> [String] {
  do {
    _ = try JUnitReader.read(file)
    return []
  } catch {
    return summary([error])
  }
}

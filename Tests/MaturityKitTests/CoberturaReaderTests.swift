import Foundation
import Testing

@testable import MaturityKit

/// Helpers shared by the Cobertura suites, kept in one namespace so that no name clashes
/// with other readers' tests.
private enum Cobertura {
  static func read(_ text: String) throws(Diagnostic) -> ArtifactReading {
    try CoberturaReader.read(SourceFile(path: "coverage.xml", text: text))
  }

  /// "name=value" for each figure, in order.
  static func figures(_ reading: ArtifactReading) -> [String] {
    reading.figures.map { "\($0.name)=\($0.value)" }
  }

  /// The metrics, rounded to 4 decimals so that 0.128 * 100 compares as 12.8.
  static func metrics(_ reading: ArtifactReading) -> [String: Double] {
    reading.metrics.mapValues { ($0 * 10_000).rounded() / 10_000 }
  }

  /// "line:col: message" of the error reading `text` throws, or nil when it reads.
  static func error(_ text: String) -> String? {
    error(SourceFile(path: "coverage.xml", text: text))
  }

  static func error(_ file: SourceFile) -> String? {
    do {
      _ = try CoberturaReader.read(file)
      return nil
    } catch {
      #expect(error.severity == .error)
      #expect(error.location?.file == file.path)
      return summary([error]).first
    }
  }

  /// A report with the given root attributes and `<class>` elements.
  static func report(_ rootAttributes: String, _ classes: String) -> String {
    """
    <?xml version="1.0"?>
    <coverage \(rootAttributes)>
      <packages><package name="p"><classes>
    \(classes)
      </classes></package></packages>
    </coverage>
    """
  }

  /// A class with class-level `<lines>`.
  static func unit(_ filename: String, _ lines: String) -> String {
    "<class name=\"c\" filename=\"\(filename)\"><methods/><lines>\(lines)</lines></class>"
  }
}

/// The reader on the real Cobertura files in ../shared/realdata and on case14. The counts
/// were checked by hand against each file's `<line>` records and its root attributes.
@Suite(.enabled(if: realData != nil, "needs ../shared/realdata"))
struct CoberturaRealFileTests {
  @Test func coveragePyGoldWithBranches() throws {
    let file = try #require(try realFile("cobertura/coverage.xml"))
    let reading = try CoberturaReader.read(file)
    #expect(reading.format == "cobertura")
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=4", "lines_total=5", "branches_covered=1", "branches_total=2", "files=1",
      ])
    #expect(
      Cobertura.metrics(reading) == ["line_coverage_percent": 80, "branch_coverage_percent": 50])
    #expect(reading.warnings.isEmpty)
  }

  @Test func istanbulWithExternalDTDAndWindowsPaths() throws {
    let file = try #require(try realFile("cobertura/Cobertura_Istanbul.xml"))
    let started = Date()
    let reading = try CoberturaReader.read(file)
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=1452", "lines_total=11340", "branches_covered=235",
        "branches_total=2949", "files=156",
      ])
    #expect(
      Cobertura.metrics(reading) == [
        "line_coverage_percent": 12.8, "branch_coverage_percent": 7.97,
      ])
    #expect(
      summary(reading.warnings) == [
        "3:1: no <line> record carries branch data, so branch-rate=\"0.0797\" on <coverage> "
          + "is reported unchecked"
      ])
  }

  @Test func swiftReportWithByteOrderMarkAndNoClassesElement() throws {
    let file = try #require(try realFile("cobertura/Cobertura_Swift.xml"))
    let reading = try CoberturaReader.read(file)
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=1", "lines_total=2", "branches_covered=1", "branches_total=1", "files=1",
      ])
    #expect(
      Cobertura.metrics(reading) == ["line_coverage_percent": 50, "branch_coverage_percent": 100])
    #expect(
      summary(reading.warnings) == [
        "2:1: no <line> record carries branch data, so branch-rate=\"1.0\" on <coverage> "
          + "is reported unchecked"
      ])
  }

  @Test func matlabWithNaNBranchRate() throws {
    let file = try #require(try realFile("cobertura/coverage.MATLAB.xml"))
    let reading = try CoberturaReader.read(file)
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=103", "lines_total=278", "branches=not measured", "files=9",
      ])
    #expect(Cobertura.metrics(reading) == ["line_coverage_percent": 37.05])
    #expect(reading.warnings.isEmpty)
  }

  @Test func simplecovWithoutBranchRateAndWithDoctype() throws {
    let file = try #require(try realFile("cobertura/coverage.simplecov.xml"))
    let reading = try CoberturaReader.read(file)
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=350", "lines_total=362", "branches=not measured", "files=13",
      ])
    // The root's line-rate="0.97" is reported; 350 / 362 = 0.9669 rounds to it.
    #expect(Cobertura.metrics(reading) == ["line_coverage_percent": 97])
    #expect(reading.warnings.isEmpty)
  }

  @Test func case14MissingLineRateIsRecomputedAndNaNBranchesAreNotMeasured() throws {
    let file = try #require(try realFile("cases/case14-cobertura-nan-missing-rates.xml"))
    let reading = try CoberturaReader.read(file)
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=3", "lines_total=5", "branches=not measured", "files=2",
      ])
    #expect(Cobertura.metrics(reading) == ["line_coverage_percent": 60])
    #expect(
      summary(reading.warnings) == [
        "21:13: a <line branch=\"true\"> has no condition-coverage; its branches are not counted"
      ])
  }
  @Test func aTruncatedRealReportFailsWhereItEnds() throws {
    let whole = try #require(try realFile("cobertura/coverage.xml"))
    // The first 600 bytes end inside line 9: `\t\t<package branch-rate="0.5" comple`.
    let cut = SourceFile(path: whole.path, bytes: Array(whole.bytes.prefix(600)))
    #expect(
      Cobertura.error(cut)
        == "9:36: malformed XML: expected '=' and a value after an attribute name, found the end "
        + "of the file")
  }

  @Test func aJUnitReportIsNotCobertura() throws {
    let file = try #require(try realFile("junit/junit.xml"))
    #expect(
      Cobertura.error(file)
        == "1:1: expected a Cobertura report with root element <coverage>, found <testsuites>")
  }
}

/// The reader on small reports written for one behaviour each.
@Suite struct CoberturaReaderTests {
  @Test func missingRatesAreRecomputedFromDeduplicatedLines() throws {
    let reading = try Cobertura.read(
      Cobertura.report(
        "",
        Cobertura.unit(
          "a.py",
          """
          <line number="1" hits="3"/><line number="1" hits="0"/><line number="2" hits="0"/>
          <line number="3" hits="1" branch="true" condition-coverage="25% (1/4)"/>
          """)
          + Cobertura.unit("b.py", #"<line number="1" hits="0"/>"#)))
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=2", "lines_total=4", "branches_covered=1", "branches_total=4", "files=2",
      ])
    #expect(
      Cobertura.metrics(reading) == ["line_coverage_percent": 50, "branch_coverage_percent": 25])
    #expect(reading.warnings.isEmpty)
  }

  @Test func aClassWithTheSameFileAsAnotherSharesItsLines() throws {
    let classes =
      Cobertura.unit(#"src\app.ts"#, #"<line number="7" hits="0"/><line number="8" hits="0"/>"#)
      + Cobertura.unit(#"src\app.ts"#, #"<line number="7" hits="2"/>"#)
    let reading = try Cobertura.read(Cobertura.report("", classes))
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=1", "lines_total=2", "branches=not measured", "files=1",
      ])
  }

  @Test func classLinesWinOverMethodLinesAndMethodLinesServeWhenAlone() throws {
    let withOwn = """
      <class name="a" filename="a.js"><methods><method name="f"><lines>
      <line number="1" hits="1"/></lines></method></methods>
      <lines><line number="2" hits="1"/><line number="3" hits="0"/></lines></class>
      """
    let methodsOnly = """
      <class name="b" filename="b.swift"><methods><method name="g"><lines>
      <line number="5" hits="0"/></lines></method><method name="h"><lines>
      <line number="16" hits="1"/></lines></method></methods></class>
      """
    let reading = try Cobertura.read(Cobertura.report("", withOwn + methodsOnly))
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=2", "lines_total=4", "branches=not measured", "files=2",
      ])
  }

  @Test func rootRatesAreReportedWhenTheyAgreeWithTheRecords() throws {
    let lines =
      #"<line number="1" hits="1"/><line number="2" hits="1"/><line number="3" hits="0"/>"#
    let reading = try Cobertura.read(
      Cobertura.report(#"line-rate="0.6667" branch-rate="0""#, Cobertura.unit("a.c", lines)))
    #expect(Cobertura.metrics(reading) == ["line_coverage_percent": 66.67])
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=2", "lines_total=3", "branches=not measured", "files=1",
      ])
    #expect(reading.warnings.isEmpty)
  }

  @Test(arguments: [
    (#"line-rate="NaN""#, [String]()),
    (#"line-rate="""#, []),
    (#"line-rate=" nan ""#, []),
    ("", []),
    (
      #"line-rate="1.5""#,
      [
        "2:1: expected line-rate on <coverage> to be a number from 0 to 1, found \"1.5\"; "
          + "line coverage is recomputed from the records"
      ]
    ),
    (
      #"line-rate="0,5""#,
      [
        "2:1: expected line-rate on <coverage> to be a number from 0 to 1, found \"0,5\"; "
          + "line coverage is recomputed from the records"
      ]
    ),
  ])
  func unusableLineRatesAreRecomputed(attribute: String, warnings: [String]) throws {
    let lines = #"<line number="1" hits="1"/><line number="2" hits="0"/>"#
    let reading = try Cobertura.read(Cobertura.report(attribute, Cobertura.unit("a.m", lines)))
    #expect(Cobertura.metrics(reading) == ["line_coverage_percent": 50])
    #expect(summary(reading.warnings) == warnings)
  }

  @Test func aRootRateThatContradictsTheRecordsIsReportedWithAWarning() throws {
    let lines = #"<line number="1" hits="1"/><line number="2" hits="0"/>"#
    let reading = try Cobertura.read(
      Cobertura.report(
        #"line-rate="0.9" lines-valid="10" lines-covered="9""#, Cobertura.unit("a.m", lines)))
    #expect(Cobertura.metrics(reading) == ["line_coverage_percent": 90])
    #expect(
      summary(reading.warnings) == [
        "2:1: line-rate=\"0.9\" on <coverage> disagrees with the records (1 of 2 lines "
          + "covered); the root's rate is reported",
        "2:1: lines-valid and lines-covered on <coverage> disagree with the records (1 of 2 "
          + "lines covered); the records are counted",
      ])
  }

  @Test func branchesWithoutRecordsOrRootCountsAreNotMeasured() throws {
    // coverage.py without --branch writes branch-rate="0" and branches-valid="0".
    let reading = try Cobertura.read(
      Cobertura.report(
        #"branch-rate="0" branches-valid="0" branches-covered="0""#,
        Cobertura.unit("a.py", #"<line number="1" hits="1" branch="false"/>"#)))
    #expect(Cobertura.metrics(reading) == ["line_coverage_percent": 100])
    #expect(Cobertura.figures(reading).contains("branches=not measured"))
    #expect(reading.warnings.isEmpty)
  }

  @Test func uncountableBranchLinesAreWarnedOnceWithACount() throws {
    let lines = """
      <line number="1" hits="1" branch="true"/>
      <line number="2" hits="1" branch="true"/>
      <line number="3" hits="1" branch="true" condition-coverage="100%"/>
      <line number="4" hits="1" branch="true"/>
      """
    let reading = try Cobertura.read(Cobertura.report("", Cobertura.unit("a.py", lines)))
    #expect(Cobertura.figures(reading).contains("branches=not measured"))
    #expect(
      summary(reading.warnings) == [
        "4:50: a <line branch=\"true\"> has no condition-coverage; its branches are not counted "
          + "(and 2 more like it)",
        "6:1: expected condition-coverage like \"50% (1/2)\", found \"100%\"; its branches "
          + "are not counted",
      ])
  }

  @Test func rootCountsServeWhenNoRecordCarriesLines() throws {
    let reading = try Cobertura.read(
      Cobertura.report(
        #"line-rate="0.75" lines-valid="4" lines-covered="3""#,
        #"<class name="a" filename="a.go"><methods/><lines/></class>"#))
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=3", "lines_total=4", "branches=not measured", "files=1",
      ])
    #expect(Cobertura.metrics(reading) == ["line_coverage_percent": 75])
    #expect(
      summary(reading.warnings) == [
        "2:1: no <line> record carries line data, so line-rate=\"0.75\" on <coverage> is "
          + "reported unchecked"
      ])
  }

  @Test func classesWithoutFilenamesAndStrayLinesAreWarned() throws {
    let classes = """
      <class name="Util"><lines><line number="1" hits="1"/></lines></class>
      <line number="9" hits="1"/>
      """
    let reading = try Cobertura.read(Cobertura.report("", classes))
    #expect(
      Cobertura.figures(reading) == [
        "lines_covered=1", "lines_total=1", "branches=not measured", "files=1",
      ])
    #expect(
      summary(reading.warnings) == [
        "4:1: <class name=\"Util\"> has no filename; its lines count under its name",
        "5:1: a <line> outside any <class> is not counted",
      ])
  }

  @Test func anExternalDTDIsNeverRead() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("cobertura-dtd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let dtd = folder.appendingPathComponent("coverage.dtd")
    // Read, this DTD would give the root line-rate="0.99" and define &secret;.
    try Data(
      #"<!ATTLIST coverage line-rate CDATA "0.99"><!ENTITY secret "0.99">"#.utf8
    ).write(to: dtd)
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE coverage SYSTEM "\(dtd.absoluteString)">
      <coverage branch-rate="&secret;"><packages><package><classes>
      \(Cobertura.unit("a.m", #"<line number="1" hits="1"/><line number="2" hits="0"/>"#))
      </classes></package></packages></coverage>
      """
    let reading = try Cobertura.read(text)
    #expect(Cobertura.metrics(reading) == ["line_coverage_percent": 50])
    #expect(
      summary(reading.warnings) == [
        "3:32: an entity declared in an external DTD was left empty"
      ])
  }

  @Test func entityDeclarationsAreRejectedBeforeParsing() {
    let bomb = """
      <?xml version="1.0"?>
      <!DOCTYPE coverage [
        <!ENTITY a "aaaaaaaaaa">
        <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      ]>
      <coverage line-rate="&b;"><packages/></coverage>
      """
    #expect(
      Cobertura.error(bomb)
        == "3:3: expected no <!ENTITY> declarations in a coverage report, found one")
  }

  @Test(arguments: [
    ("", "1:1: expected a Cobertura XML report, found an empty file"),
    (" \n\t\n", "1:1: expected a Cobertura XML report, found an empty file"),
    (
      #"{"coverage": 1}"#,
      "1:1: expected an XML document starting with '<', found \"{\"coverage\": 1}\""
    ),
    ("\nTN:\nSF:a.c\n", "2:1: expected an XML document starting with '<', found \"TN:\""),
    (
      "<testsuites><testsuite/></testsuites>",
      "1:1: expected a Cobertura report with root element <coverage>, found <testsuites>"
    ),
    (
      #"<coverage clover="4.4"><project/></coverage>"#,
      "1:1: expected a <packages> element inside <coverage>, found none; "
        + "this is not a Cobertura report"
    ),
    (
      "<?xml version=\"1.0\"?>\n<coverage>\n  <packages>\n    <package name=\"x\">\n",
      "4:23: malformed XML: expected the open elements to be closed, found the end of the file"
    ),
    (
      "<coverage>\n  <packages>\n    <package name=\"x",
      "3:21: malformed XML: expected the closing quote of an attribute value, found the end "
        + "of the file"
    ),
    (
      "<coverage><packages></package></coverage>",
      "1:31: malformed XML: expected the end tag of the open element, found another name"
    ),
    (
      "<coverage><packages/></coverage>\n<coverage/>",
      "2:1: malformed XML: expected nothing after </coverage>, found more content"
    ),
    (
      "<coverage line-rate=0.5><packages/></coverage>",
      "1:21: malformed XML: expected an attribute value in quotes"
    ),
    // libxml2 reports a start tag cut off after its name as an element: still truncation.
    (
      "<?xml version=\"1.0\"?>\n<covera",
      "2:8: expected the rest of the report, found the end of the file; is it truncated?"
    ),
    (
      "<coverage><packages><package><classes><class filename=\"a\"><lines>\n<line",
      "2:6: expected the rest of the report, found the end of the file; is it truncated?"
    ),
  ])
  func invalidFilesThrowOneErrorWithItsPlace(text: String, expected: String) {
    #expect(Cobertura.error(text) == expected)
  }

  @Test(arguments: [
    (
      #"<line number="4" hits="many"/>"#,
      "5:50: expected a hit count of 0 or more in <line hits=\"…\">, found \"many\""
    ),
    (
      #"<line number="4" hits="-1"/>"#,
      "5:50: expected a hit count of 0 or more in <line hits=\"…\">, found \"-1\""
    ),
    (
      #"<line hits="1"/>"#,
      "5:50: expected a line number of 0 or more in <line number=\"…\">, found no number "
        + "attribute"
    ),
    (
      #"<line number="2.5" hits="1"/>"#,
      "5:50: expected a line number of 0 or more in <line number=\"…\">, found \"2.5\""
    ),
  ])
  func unreadableLineRecordsThrowAtTheirTag(line: String, expected: String) {
    let text = Cobertura.report("", "\n" + Cobertura.unit("a.py", line))
    #expect(Cobertura.error(text) == expected)
  }
}

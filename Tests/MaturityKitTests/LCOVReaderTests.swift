import Foundation
import Testing

@testable import MaturityKit

/// Helpers shared by the LCOV suites, kept in one namespace so that no name clashes with
/// other readers' tests.
private enum LCOV {
  static func read(_ text: String) throws(Diagnostic) -> ArtifactReading {
    try LCOVReader.read(SourceFile(path: "lcov.info", text: text))
  }

  /// "name=value" for each figure, in order.
  static func figures(_ reading: ArtifactReading) -> [String] {
    reading.figures.map { "\($0.name)=\($0.value)" }
  }

  /// The metrics, rounded to 4 decimals.
  static func metrics(_ reading: ArtifactReading) -> [String: Double] {
    reading.metrics.mapValues { ($0 * 10_000).rounded() / 10_000 }
  }

  /// "line:col: message" of the error reading `text` throws, or nil when it reads.
  static func error(_ text: String) -> String? {
    error(SourceFile(path: "lcov.info", text: text))
  }

  static func error(_ file: SourceFile) -> String? {
    do {
      _ = try LCOVReader.read(file)
      return nil
    } catch {
      #expect(error.severity == .error)
      #expect(error.location?.file == file.path)
      return summary([error]).first
    }
  }
}

/// The reader on the real tracefiles in ../shared/realdata/lcov. The counts were checked
/// by hand, record by record, against the `DA:` and `BRDA:` lines.
@Suite(.enabled(if: realData != nil, "needs ../shared/realdata"))
struct LCOVRealFileTests {
  @Test func gcovCppWithWindowsPathsAndTwoFilesOfOneName() throws {
    let file = try #require(try realFile("lcov/cpp/lcov.info"))
    let reading = try LCOVReader.read(file)
    #expect(reading.format == "lcov")
    // sub\calculator.cpp 4 of 4, main.cpp 9 of 11, calculator.cpp 4 of 4.
    #expect(
      LCOV.figures(reading) == [
        "lines_covered=17", "lines_total=19", "branches=not measured", "files=3",
      ])
    #expect(LCOV.metrics(reading) == ["line_coverage_percent": 89.4737])
    #expect(reading.warnings.isEmpty)
  }

  @Test func coverletCSharpWithRepeatedLinesAndCommasInFunctionNames() throws {
    let file = try #require(try realFile("lcov/csharp/lcov.info"))
    let reading = try LCOVReader.read(file)
    // 199 DA lines, 15 of them repeats; branches at CodeContract_Target 8 (2 of 2),
    // PartialClass 25, TestClass 17 and TestClass2 54 (1 of 2 each).
    #expect(
      LCOV.figures(reading) == [
        "lines_covered=118", "lines_total=184", "branches_covered=5", "branches_total=8",
        "files=15",
      ])
    #expect(
      LCOV.metrics(reading) == [
        "line_coverage_percent": 64.1304, "branch_coverage_percent": 62.5,
      ])
    let name = "disagrees with the records, whose DA lines"
    let tail = "; the records are counted"
    #expect(
      summary(reading.warnings) == [
        "30:1: LF:12 \(name) name 11 distinct lines\(tail)",
        "63:1: LF:5 \(name) name 4 distinct lines\(tail)",
        "135:1: LF:2 \(name) name 1 distinct lines\(tail)",
        // The other five (lines 152, 166, 220, 434 and 435) are counted at the first.
        "152:1: 5 more summary lines (LF, LH, BRF, BRH) disagree with their records, the "
          + "first of them here\(tail)",
      ])
  }
  @Test func aTruncatedRealTracefileFailsAtItsEnd() throws {
    let whole = try #require(try realFile("lcov/csharp/lcov.info"))
    // The first 5000 bytes end inside an FNDA line (line 157, 35 characters) of the record
    // that line 154 opens.
    let cut = SourceFile(path: "lcov.info", bytes: Array(whole.bytes.prefix(5000)))
    #expect(
      LCOV.error(cut)
        == "157:36: expected end_of_record to close the record for "
        + "\"C:\\temp\\PartialClassWithAutoProperties.cs\" opened at line 154, found the end "
        + "of the file")
  }

  @Test func aCoberturaReportIsNotLCOV() throws {
    let file = try #require(try realFile("cobertura/coverage.xml"))
    #expect(
      LCOV.error(file)
        == "1:1: expected an LCOV record such as SF:, DA: or end_of_record, found "
        + "\"<?xml version=\"1.0\" ?>\"")
  }
}

/// The reader on small tracefiles written for one behaviour each.
@Suite struct LCOVReaderTests {
  @Test func repeatedLinesCountOnceAndAreCoveredWhenAnyRecordCoversThem() throws {
    let reading = try LCOV.read(
      """
      TN:unit
      SF:src/a.c
      DA:1,3
      DA:1,0
      DA:2,0,d41d8cd98f00b204e9800998ecf8427e
      BRDA:2,0,0,-
      BRDA:2,0,1,4
      BRDA:2,0,1,0
      end_of_record
      TN:integration
      SF:src/a.c
      DA:2,1
      DA:3,0
      BRDA:2,0,0,0
      end_of_record
      SF:src/b.c
      DA:1,0
      end_of_record
      """)
    #expect(
      LCOV.figures(reading) == [
        "lines_covered=2", "lines_total=4", "branches_covered=1", "branches_total=2", "files=2",
      ])
    #expect(
      LCOV.metrics(reading) == ["line_coverage_percent": 50, "branch_coverage_percent": 50])
    #expect(reading.warnings.isEmpty)
  }

  @Test func summariesThatDisagreeWithTheRecordsAreWarnedInLineOrder() throws {
    let reading = try LCOV.read(
      """
      SF:a.js
      DA:1,1
      DA:2,0
      BRDA:1,0,0,1
      BRF:2
      BRH:0
      LH:1
      LF:3
      end_of_record
      """)
    #expect(LCOV.metrics(reading) == ["line_coverage_percent": 50, "branch_coverage_percent": 100])
    #expect(
      summary(reading.warnings) == [
        "5:1: BRF:2 disagrees with the records, whose BRDA lines name 1 distinct branches; "
          + "the records are counted",
        "6:1: BRH:0 disagrees with the records, whose BRDA lines show 1 branches taken; "
          + "the records are counted",
        "8:1: LF:3 disagrees with the records, whose DA lines name 2 distinct lines; "
          + "the records are counted",
      ])
  }

  @Test func onlyTheFirstThreeDisagreementsAreListed() throws {
    let records = (1...23).map { "SF:f\($0).c\nDA:1,1\nLH:0\nend_of_record\n" }
    let reading = try LCOV.read(records.joined())
    #expect(LCOV.figures(reading).last == "files=23")
    let warnings = summary(reading.warnings)
    #expect(warnings.count == 4)
    #expect(
      warnings.first
        == "3:1: LH:0 disagrees with the records, whose DA lines cover 1 distinct lines; "
        + "the records are counted")
    #expect(
      warnings.last
        == "15:1: 20 more summary lines (LF, LH, BRF, BRH) disagree with their records, the "
        + "first of them here; the records are counted")
  }

  @Test func byteOrderMarkCRLFBlankLinesAndHugeCountsAreRead() throws {
    let text =
      "\u{FEFF}TN:\r\nSF:C:\\src\\x.cpp\r\n\r\nDA:7,18446744073709551615\r\n"
      + "DA:8,0.0\r\nBRF:0\r\nBRH:0\r\nend_of_record\r\n"
    let reading = try LCOV.read(text)
    #expect(
      LCOV.figures(reading) == [
        "lines_covered=1", "lines_total=2", "branches=not measured", "files=1",
      ])
    #expect(LCOV.metrics(reading) == ["line_coverage_percent": 50])
  }

  @Test func unknownRecordsAndStrayEndsAreWarnedNotFatal() throws {
    let reading = try LCOV.read(
      "SF:a.py\nXYZ:1\nDA:1,1\nXYZ:2\nend_of_record\nend_of_record\n")
    #expect(LCOV.figures(reading).first == "lines_covered=1")
    #expect(
      summary(reading.warnings) == [
        "2:1: unknown LCOV record XYZ: is ignored (and any later ones)",
        "6:1: end_of_record without an open SF: record is ignored",
      ])
  }

  @Test(arguments: [
    ("", "1:1: expected an LCOV tracefile, found an empty file"),
    ("\n  \n", "1:1: expected an LCOV tracefile, found an empty file"),
    ("TN:\n", "1:1: expected at least one SF: record in an LCOV tracefile, found none"),
    (
      "<?xml version=\"1.0\"?>\n<coverage/>\n",
      "1:1: expected an LCOV record such as SF:, DA: or end_of_record, found "
        + "\"<?xml version=\"1.0\"?>\""
    ),
    (
      "{\"SF\": 1}",
      "1:1: expected an LCOV record such as SF:, DA: or end_of_record, found \"{\"SF\": 1}\""
    ),
    (
      "SF:a.c\nsf:b.c\n",
      "2:1: expected an LCOV record such as SF:, DA: or end_of_record, found \"sf:b.c\""
    ),
    (
      "SF:a.c\nDA:1,1\n",
      "2:7: expected end_of_record to close the record for \"a.c\" opened at line 1, found "
        + "the end of the file"
    ),
    ("SF:a.c\nDA:1", "2:1: expected DA:<line>,<hits>[,<checksum>], found \"DA:1\""),
    (
      "SF:a.c\nDA:x,1\n",
      "2:4: expected a line number of 0 or more (at most 18 digits), found \"x\""
    ),
    ("SF:a.c\nDA:3,-1\n", "2:6: expected a hit count of 0 or more, found \"-1\""),
    (
      "SF:a.c\nDA:9223372036854775807,1\n",
      "2:4: expected a line number of 0 or more (at most 18 digits), found \"9223372036854775807\""
    ),
    ("SF:a.c\n  DA:3,1e3\n", "2:8: expected a hit count of 0 or more, found \"1e3\""),
    ("SF:a.c\nDA:1,1,x,y\n", "2:1: expected DA:<line>,<hits>[,<checksum>], found \"DA:1,1,x,y\""),
    (
      "SF:a.c\nBRDA:1,0,0\n",
      "2:1: expected BRDA:<line>,<block>,<branch>,<taken>, found \"BRDA:1,0,0\""
    ),
    ("SF:a.c\nBRDA:1,0,0,yes\n", "2:12: expected a hit count of 0 or more, found \"yes\""),
    ("SF:a.c\nLF:many\n", "2:4: expected a whole number after LF:, found \"many\""),
    ("DA:1,1\nend_of_record\n", "1:1: expected SF: to open a record before DA:, found none open"),
    (
      "SF:a.c\nSF:b.c\nend_of_record\n",
      "2:1: expected end_of_record before a new SF:, found the record from line 1 still open"
    ),
    ("SF:\nend_of_record\n", "1:1: expected a source file path after SF:, found nothing"),
  ])
  func invalidFilesThrowOneErrorWithItsLine(text: String, expected: String) {
    #expect(LCOV.error(text) == expected)
  }
}

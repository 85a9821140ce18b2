import Foundation
import Testing

@testable import MaturityKit

/// `ArtifactFile` must give the same lines and positions as `SourceFile`, whatever the chunk
/// size, so that a streamed reader's diagnostics read exactly like an in-memory one's.
@Suite struct ArtifactFileTests {
  /// A BOM, CRLF, characters of 2, 3 and 4 bytes, a blank line and no final line break.
  static let text = "\u{FEFF}first line\r\nsecond é\n\n中文 line 4 😀\r\nlast"

  @Test(arguments: [1, 2, 3, 5, 64])
  func linesAndPositionsMatchASourceFile(chunkSize: Int) {
    let source = SourceFile(path: "a.txt", text: Self.text)
    let file = ArtifactFile(source, chunkSize: chunkSize)
    #expect(file.lineCount() == 5)
    for number in 0...6 {
      #expect(file.text(ofLine: number) == source.line(number), "line \(number)")
    }
    #expect(file.texts(ofLines: [2, 4, 9]) == [2: "second é", 4: "中文 line 4 😀"])
    for offset in 0...source.bytes.count {
      #expect(file.position(ofByte: offset) == source.position(ofByte: offset), "byte \(offset)")
    }
  }

  /// U+FEC0 to U+FEFE start with the mark's first two bytes: only the full mark is hidden.
  @Test(arguments: [1, 2, 64])
  func aCharacterStartingLikeTheMarkCountsAsOne(chunkSize: Int) {
    for text in ["\u{FEC0}ab\n\u{FEFF}c", "\u{FEFE}", "\u{FEFF}\u{FEC0}x"] {
      let source = SourceFile(path: "a", text: text)
      let file = ArtifactFile(source, chunkSize: chunkSize)
      for offset in 0...source.bytes.count {
        #expect(file.position(ofByte: offset) == source.position(ofByte: offset), "\(offset)")
      }
    }
  }

  @Test func aFinalLineBreakStartsNoLine() {
    let file = ArtifactFile(SourceFile(path: "a.txt", text: "one\ntwo\n"), chunkSize: 3)
    #expect(file.lineCount() == 2)
    #expect(file.text(ofLine: 2) == "two")
    #expect(file.text(ofLine: 3) == nil)
  }

  @Test func theEndOfTextSkipsTrailingSpaceAndTheMark() {
    let end = ArtifactFile(SourceFile(path: "a", text: "<a>\n  <b/> \n\n"), chunkSize: 2)
      .endOfText()
    #expect(end.line == 2 && end.column == 7 && end.hasText)
    let blank = ArtifactFile(SourceFile(path: "a", text: "\u{FEFF} \r\n\t"), chunkSize: 1)
    #expect(blank.endOfText().hasText == false)
  }

  /// libxml2 reports an error at the line after the last; it is shown at the last line's end.
  @Test func aLinePastTheEndBecomesTheEndOfTheLastLine() {
    let source = SourceFile(path: "a.xml", text: "<?xml version=\"1.0\"?>\n")
    let streamed = ArtifactFile(source, chunkSize: 4).diagnostic(.error, "m", line: 2, column: 1)
    let whole = Diagnostic(.error, "m", in: source, line: 2, column: 1)
    #expect(streamed == whole)
    #expect(streamed.location?.description == "a.xml:1:22")
  }

  @Test func aLineTooLongToQuoteIsLeftUnquoted() {
    let long = String(repeating: "x", count: ArtifactFile.maxQuotedLineBytes + 1)
    let file = ArtifactFile(SourceFile(path: "a.json", text: "short\n" + long + "\nend"))
    #expect(file.text(ofLine: 2) == nil)
    #expect(file.text(ofLine: 3) == "end")
    let diagnostic = file.diagnostic(.error, "m", line: 2, column: 5)
    #expect(diagnostic.location?.description == "a.json:2:5")
    #expect(diagnostic.sourceLine == nil)
  }

  @Test func aFileOnDiskReadsInChunksAsWritten() throws {
    let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let path = try Fixture.bundle([:]) + "/bytes.bin"
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let file = ArtifactFile(path: "shown.bin", readingFrom: path)
    for size in [1, 4096, 1 << 20] {
      let chunks = try file.chunks(of: size)
      var read: [UInt8] = []
      var largest = 0
      while let chunk = try chunks.next() {
        read += chunk
        largest = max(largest, chunk.count)
      }
      #expect(read == bytes)
      #expect(largest <= size)
    }
    #expect(try file.head(10) == Array(bytes.prefix(10)))
    #expect(try file.whole().bytes == bytes)
    #expect(try file.whole().path == "shown.bin")
  }

  @Test func aMissingFileSaysSoWhenOpened() {
    let file = ArtifactFile(path: "gone.xml", readingFrom: "/nonexistent/maturity/gone.xml")
    #expect(throws: Diagnostic(.error, "cannot read 'gone.xml': No such file or directory")) {
      _ = try file.chunks()
    }
    #expect(file.text(ofLine: 1) == nil)
    #expect(file.lineCount() == 1)
  }

  /// A JUnit report read from disk gives the figures and the warnings, with their places and
  /// quoted lines, that the same bytes give from memory.
  @Test func aJUnitReportFromDiskReadsAsFromMemory() throws {
    let text = """
      <?xml version="1.0"?>
      <testsuites>
        <testsuite name="a" tests="3">
          <testcase name="x" time="0,5"/>
          <testcase name="y" time="1"><failure/></testcase>
        </testsuite>
        <testsuite
            name="b" tests="x">
          <testcase name="z"/>
        </testsuite>
      </testsuites>

      """
    let folder = try Fixture.bundle(["report.xml": text])
    let path = folder + "/report.xml"
    let fromDisk = try JUnitReader.read(ArtifactFile(path: "report.xml", readingFrom: path))
    let fromMemory = try JUnitReader.read(SourceFile(path: "report.xml", text: text))
    let render = { (reading: ArtifactReading) in
      DiagnosticRenderer().render(reading.warnings)
        + reading.figures.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
    }
    #expect(render(fromDisk) == render(fromMemory))
    #expect(
      fromDisk.warnings.map { $0.location?.description } == [
        "report.xml:3:3", "report.xml:4:5", "report.xml:7:3",
      ])
    #expect(fromDisk.warnings.last?.sourceLine == "  <testsuite")
  }

  @Test(arguments: [1, 2, 4, 1 << 16])
  func textLinesSplitLikeASourceFile(chunkSize: Int) throws {
    let source = SourceFile(path: "a.info", text: Self.text + "\n")
    let lines = try TextLines(ArtifactFile(source, chunkSize: chunkSize))
    var read: [String] = []
    while let line = try lines.next() { read.append(line) }
    #expect(read == (1...source.lineCount).map { source.line($0) ?? "?" })
    #expect(lines.number == 5)
    #expect(lines.last == "last")
  }

  @Test func aLineOverTheLimitIsAnErrorNotUnboundedMemory() throws {
    let long = String(repeating: "DA:1,1;", count: TextLines.maxLineBytes / 7 + 1)
    let source = SourceFile(path: "big.info", text: "SF:a.c\n" + long + "\nend_of_record\n")
    let lines = try TextLines(ArtifactFile(source, chunkSize: 4096))
    #expect(try lines.next() == "SF:a.c")
    #expect(throws: Diagnostic.self) { _ = try lines.next() }
    #expect(throws: Diagnostic.self) { _ = try LCOVReader.read(source) }
    do {
      _ = try LCOVReader.read(source)
    } catch {
      #expect(error.location?.description == "big.info:2:1")
      #expect(error.message == "expected lines of at most 1 MB, found a longer one")
    }
  }

  /// Every real LCOV tracefile reads the same streamed from disk in small chunks as from
  /// memory: figures, warnings, places and quoted lines.
  @Test(
    .enabled(if: realData != nil, "needs ../shared/realdata"),
    arguments: ["lcov/cpp/lcov.info", "lcov/csharp/lcov.info"])
  func realTracefilesReadTheSameStreamed(name: String) throws {
    let path = try #require(realData).appendingPathComponent(name).path
    let memory = try LCOVReader.read(try #require(try realFile(name)))
    let disk = try LCOVReader.read(ArtifactFile(path: name, readingFrom: path, chunkSize: 777))
    #expect(Self.render(memory) == Self.render(disk))
    #expect(memory.figures.count > 3)
  }

  /// Each real report, whole and cut in half, reads from disk in odd-sized chunks exactly as
  /// from memory: the same figures and warnings, or the same error at the same place.
  @Test(
    .enabled(if: realData != nil, "needs ../shared/realdata"),
    arguments: [
      (ArtifactFormat.cobertura, "cobertura/Cobertura_Istanbul.xml"),
      (.cobertura, "cobertura/Cobertura_Swift.xml"), (.cobertura, "cobertura/coverage.MATLAB.xml"),
      (.cobertura, "cobertura/coverage.xml"), (.cobertura, "cobertura/coverage.simplecov.xml"),
      (.cobertura, "cases/case14-cobertura-nan-missing-rates.xml"),
      (.junit, "junit/surefire-report.xml"), (.junit, "junit/jest-junit.xml"),
      (.junit, "cases/case09-junit-time-comma.xml"),
      (.junit, "cases/case10-junit-nested-suites.xml"),
      (.lcov, "lcov/cpp/lcov.info"), (.sbom, "sbom/cyclonedx/retirejs.latest.xml"),
      (.sbom, "sbom/cyclonedx/centos-7-cyclonedx.json"), (.sbom, "sbom/spdx/sbom.spdx.json"),
      (.sarif, "sarif/codeQL-output.sarif"), (.sarif, "cases/case12-sarif-multiple-runs.sarif"),
    ])
  func realReportsReadTheSameFromDiskWholeAndCut(format: ArtifactFormat, name: String) throws {
    let whole = try #require(try realFile(name))
    let cut = SourceFile(path: name, bytes: Array(whole.bytes.prefix(whole.bytes.count / 2)))
    let folder = try Fixture.bundle([:])
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (index, source) in [whole, cut].enumerated() {
      let path = folder + "/\(index)"
      try Data(source.bytes).write(to: URL(fileURLWithPath: path))
      let disk = ArtifactFile(path: name, readingFrom: path, chunkSize: 777)
      #expect(Self.outcome(format, disk) == Self.outcome(format, ArtifactFile(source)))
    }
    #expect(Self.outcome(format, ArtifactFile(cut)).hasPrefix("error"))
  }

  static func outcome(_ format: ArtifactFormat, _ file: ArtifactFile) -> String {
    do {
      return render(try format.read(file))
    } catch {
      return "error " + DiagnosticRenderer().render(error)
    }
  }

  static func render(_ reading: ArtifactReading) -> String {
    DiagnosticRenderer().render(reading.warnings)
      + reading.figures.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
  }
}

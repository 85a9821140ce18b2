import Foundation
import Testing

@testable import MaturityKit

/// XML artifacts declaring an encoding libxml2 would reach through iconv are converted to
/// UTF-8 first, keeping every line and column; see `SafeXMLParser.readable(_:)`.
@Suite struct XMLEncodingTests {
  /// Each converted encoding with text only it (or its family) writes this way.
  static let samples: [(name: String, text: String)] = [
    ("windows-1250", "Łódź"), ("windows-1251", "Тест"), ("windows-1252", "café €"),
    ("cp1252", "naïve"), ("windows-1253", "Δοκιμή"), ("windows-1254", "İşlem"),
    ("ISO-8859-2", "Žluťoučký"), ("ISO-8859-15", "€uro"), ("KOI8-R", "Проверка"),
    ("Shift_JIS", "日本語テスト"), ("GB18030", "支付网关"),
    ("GBK", "中文测试"), ("GB2312", "中文"), ("Big5", "中文測試"), ("EUC-KR", "한국어"),
  ]

  @Test func everyConvertedEncodingHasASample() {
    #expect(Set(Self.samples.map { $0.name.uppercased() }) == Set(SafeXMLParser.transcodings.keys))
  }

  /// A JUnit report in the encoding reads its names decoded, and a warning points at the
  /// right column of a line that has the encoding's characters before it.
  @Test(arguments: samples)
  func aReportInADeclaredEncodingReadsWithItsPlaces(name: String, text: String) throws {
    let encoding = try #require(SafeXMLParser.transcodings[name.uppercased()])
    let comment = "<!-- \(text) -->"
    let report = """
      <?xml version="1.0" encoding="\(name)"?>
      <testsuites name="\(text)">
      \(comment)<testsuite name="\(text)" tests="5">
      <testcase name="\(text)"/>
      </testsuite>
      </testsuites>

      """
    let bytes = try #require(report.data(using: encoding), "Foundation cannot write \(name)")
    #expect(Array(bytes) != Array(report.utf8), "the sample must not be UTF-8 already")
    let reading = try JUnitReader.read(SourceFile(path: "r.xml", bytes: Array(bytes)))
    #expect(
      summary(reading.warnings) == [
        "3:\(comment.count + 1): <testsuite> '\(text)' says tests=\"5\" but holds 1 test "
          + "cases; using the 1 counted"
      ])
    #expect(
      reading.warnings.first?.sourceLine == comment + "<testsuite name=\"\(text)\" tests=\"5\">")
  }

  /// Cobertura and CycloneDX XML are converted the same way.
  @Test func coberturaAndCycloneDXInGB18030Read() throws {
    let encoding = try #require(SafeXMLParser.transcodings["GB18030"])
    let coverage = """
      <?xml version="1.0" encoding="GB18030"?>
      <coverage line-rate="0.5"><packages><package name="支付"><classes>
      <class name="网关" filename="支付/网关.py"><lines>
      <line number="1" hits="1"/><line number="2" hits="0"/>
      </lines></class></classes></package></packages></coverage>

      """
    let cobertura = try CoberturaReader.read(
      SourceFile(path: "c.xml", bytes: Array(try #require(coverage.data(using: encoding)))))
    #expect(cobertura.metrics["line_coverage_percent"] == 50)
    let bom = """
      <?xml version="1.0" encoding="GB18030"?>
      <bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1"><components>
      <component type="library"><name>支付</name><version>1.0</version></component>
      </components></bom>

      """
    let sbom = try SBOMReader.read(
      SourceFile(path: "b.xml", bytes: Array(try #require(bom.data(using: encoding)))))
    #expect(sbom.figures.first { $0.name == "components" }?.value == "1")
  }

  /// Bytes that are not text in the declared encoding are an error at the name.
  @Test func bytesOutsideTheDeclaredEncodingAreAnError() {
    let head = Array("<?xml version=\"1.0\" encoding=\"EUC-KR\"?>\n<testsuite>".utf8)
    let file = SourceFile(
      path: "r.xml", bytes: head + [0xFF, 0xFF, 0xFF] + Array("</testsuite>".utf8))
    #expect(throws: Diagnostic.self) { _ = try JUnitReader.read(file) }
    do {
      _ = try JUnitReader.read(file)
    } catch {
      #expect(
        summary([error]) == [
          "1:31: expected text in EUC-KR as the XML declaration says, found bytes that are "
            + "not; convert the file to UTF-8"
        ])
    }
  }

  /// A UTF-8 byte-order mark says UTF-8; a declaration naming another encoding contradicts it.
  @Test func aByteOrderMarkBeforeALegacyDeclarationIsAnError() {
    let text = "\u{FEFF}<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<testsuite/>\n"
    #expect(
      readErrors(.junit, SourceFile(path: "r.xml", text: text)) == [
        "1:31: expected an encoding declaration matching the file's UTF-8 byte-order mark, found "
          + "encoding 'windows-1252'; convert the file to UTF-8"
      ])
  }

  /// A file converted from disk reads as the same bytes from memory do.
  @Test func aConvertedFileFromDiskReadsAsFromMemory() throws {
    let report =
      "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<testsuite name=\"日本\">"
      + "<testcase name=\"a\"><failure/></testcase></testsuite>\n"
    let bytes = try #require(report.data(using: .shiftJIS))
    let folder = try Fixture.bundle([:])
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try bytes.write(to: URL(fileURLWithPath: folder + "/r.xml"))
    let disk = try JUnitReader.read(ArtifactFile(path: "r.xml", readingFrom: folder + "/r.xml"))
    #expect(disk.figures.map(\.value).prefix(3) == ["1", "0", "1"])
  }

  /// libxml2 switches to EBCDIC by itself on these first bytes, and the system's libxml2
  /// crashed doing so on this file (a break-it session): it is refused before parsing.
  @Test(arguments: [ArtifactFormat.junit, .cobertura, .sbom])
  func ebcdicAndUTF32AreRefusedBeforeLibxml2(format: ArtifactFormat) throws {
    let crash =
      "TG+nlJNApYWZoomWlX5/8Uvwf29uJUyjhaKjoqSJo4VAlYGUhX5/on9Ao4Wio6J+f/F/bkyjhaKjg4GihUCDk4Gi"
      + "opWBlIV+f4N/QJWBlIV+f6d/YW5MYaOFoqOipImjhW4l/wCA"
    let ebcdic = SourceFile(path: "r.xml", bytes: Array(try #require(Data(base64Encoded: crash))))
    #expect(
      readErrors(format, ebcdic) == [
        "1:1: expected an XML report in UTF-8, found EBCDIC text; convert the file to UTF-8"
      ])
    let utf32 = SourceFile(path: "r.xml", bytes: [0x3C, 0, 0, 0, 0x61, 0, 0, 0, 0x2F, 0, 0, 0])
    #expect(
      readErrors(format, utf32) == [
        "1:1: expected an XML report in UTF-8, found UTF-32 text; convert the file to UTF-8"
      ])
  }

  /// UTF-16 with or without a byte-order mark is converted: the warning is at the column an
  /// editor shows, and the quoted line is the decoded text.
  @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf16])
  func utf16ReportsReadWithTheirPlaces(encoding: String.Encoding) throws {
    let report =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<testsuites>\n"
      + "<!-- é中 --><testsuite name=\"ü\" tests=\"2\"><testcase name=\"a\"/></testsuite>\n"
      + "</testsuites>\n"
    let bytes = Array(try #require(report.data(using: encoding)))
    let reading = try JUnitReader.read(SourceFile(path: "r.xml", bytes: bytes))
    #expect(
      summary(reading.warnings) == [
        "3:12: <testsuite> 'ü' says tests=\"2\" but holds 1 test cases; using the 1 counted"
      ])
    #expect(reading.warnings.first?.sourceLine?.hasPrefix("<!-- é中 --><testsuite") == true)
  }

  /// JSON, LCOV and deployment logs must be UTF-8; UTF-16 is named, and no line of noise is
  /// quoted.
  @Test(arguments: [
    (ArtifactFormat.sarif, "{\"version\": \"2.1.0\", \"runs\": []}", "JSON"),
    (.sbom, "{\"bomFormat\": \"CycloneDX\"}", "JSON"),
    (.lcov, "SF:a.c\nDA:1,1\nend_of_record\n", "an LCOV tracefile"),
    (.deployments, "time,service\n", "a deployment log"),
  ])
  func utf16IsNamedForFormatsThatMustBeUTF8(format: ArtifactFormat, text: String, what: String)
    throws
  {
    let bytes = Array(try #require(text.data(using: .utf16)))
    let file = SourceFile(path: "f", bytes: bytes)
    do {
      _ = try format.read(file)
      Issue.record("\(format) read UTF-16")
    } catch {
      #expect(
        error.message
          == "expected \(what) in UTF-8, found UTF-16 (little-endian) text; convert the file "
          + "to UTF-8")
      #expect(error.location?.line == 1 && error.location?.column == 1)
      #expect(error.sourceLine == nil)
    }
  }
}

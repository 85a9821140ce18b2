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
}

import Foundation
import Testing

@testable import MaturityKit

/// The bill-of-materials reader: real CycloneDX and SPDX files, nesting, licences,
/// vulnerabilities, and inputs that must be refused with one exact error.
@Suite struct SBOMReaderTests {
  /// One real file and what was counted in it by hand.
  struct RealBOM: Sendable, CustomTestStringConvertible {
    var path: String
    var figures: [String]

    var testDescription: String { path }
  }

  /// Real files in ../shared/realdata; skipped when that folder is absent.
  @Suite(.enabled(if: realData != nil, "needs ../shared/realdata"))
  struct RealFiles {
    @Test(arguments: realBOMs)
    func countsEveryComponentByHand(_ bom: RealBOM) throws {
      let file = try #require(try realFile(bom.path))
      let reading = try SBOMReader.read(file)
      #expect(reading.format == "sbom")
      #expect(sbomFigures(reading) == bom.figures)
      #expect(reading.metrics.isEmpty)
      #expect(reading.warnings.isEmpty)
    }

    @Test func refusesSPDX3NamingItsContext() throws {
      let file = try #require(try realFile("sbom/spdx/sbom.spdx3.json"))
      #expect(
        sbomError(file) == [
          "2:3: SPDX 3.0 JSON-LD (@context \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\") "
            + "is not supported yet; expected CycloneDX JSON or XML, or SPDX 2.2 or 2.3 JSON"
        ])
    }

    @Test func aTruncatedRealBOMSaysSo() throws {
      let whole = try #require(try realFile("sbom/cyclonedx/bom-hakit.json"))
      let file = SourceFile(path: whole.path, bytes: Array(whole.bytes.prefix(1000)))
      #expect(
        sbomError(file) == [
          "33:17: expected ':' after a key, found the end of the file; is it truncated?"
        ])
    }

    @Test func aTruncatedRealXMLBOMNamesTheOpenElement() throws {
      let whole = try #require(try realFile("sbom/cyclonedx/retirejs.latest.xml"))
      let file = SourceFile(path: whole.path, bytes: Array(whole.bytes.prefix(1200)))
      #expect(
        sbomError(file) == [
          "24:94: expected </hash>, found the end of the file; is it truncated?"
        ])
    }
  }

  // MARK: - Nesting and what counts

  @Test func countsNestedComponentsAtAnyDepthButNotTheMetadataComponent() throws {
    let text = """
      {"bomFormat": "CycloneDX", "specVersion": "1.4",
       "metadata": {"component": {"name": "app", "version": "1", "purl": "pkg:x/app@1"}},
       "components": [
         {"name": "a", "version": "1", "components": [
           {"name": "b", "version": "", "components": [{"name": "c", "purl": "pkg:x/c@2"}]}]},
         {"name": "d", "pedigree": {"ancestors": [{"name": "e", "version": "9"}]}}]}
      """
    let reading = try SBOMReader.read(SourceFile(path: "n.json", text: text))
    #expect(
      sbomFigures(reading) == [
        "format=CycloneDX 1.4 JSON", "components=4", "with_licence=0", "with_version=1",
        "with_purl=1", "vulnerabilities=not listed", "licence_share_percent=0.00",
        "version_share_percent=25.00", "purl_share_percent=25.00",
      ])
  }

  @Test func countsNestedXMLComponentsAndRatedVulnerabilities() throws {
    let text = """
      <?xml version="1.0"?>
      <bom xmlns="http://cyclonedx.org/schema/bom/1.5" xmlns:x="urn:other">
        <metadata><component type="application"><name>app</name><version>1</version>
        </component></metadata>
        <components>
          <component type="library"><name>a</name><version> 2 </version>
            <licenses><license><id>MIT</id></license></licenses>
            <components><component type="library"><name>b</name><version></version>
              <licenses><expression>MIT OR Apache-2.0</expression></licenses>
              <purl><![CDATA[pkg:npm/b@1]]></purl></component></components>
          </component>
          <component type="library"><name>c</name><licenses><license></license></licenses>
            <x:version>7</x:version></component>
        </components>
        <vulnerabilities>
          <vulnerability><ratings><rating><severity>low</severity></rating>
            <rating><severity>critical</severity></rating></ratings></vulnerability>
          <vulnerability><ratings><rating><severity>high</severity></rating></ratings>
          </vulnerability>
          <vulnerability><id>no rating</id></vulnerability>
        </vulnerabilities>
      </bom>
      """
    let reading = try SBOMReader.read(SourceFile(path: "n.xml", text: text))
    #expect(
      sbomFigures(reading) == [
        "format=CycloneDX 1.5 XML", "components=3", "with_licence=2", "with_version=1",
        "with_purl=1", "vulnerabilities=3", "critical=1", "high=1", "medium=0", "low=0",
        "other=1", "licence_share_percent=66.67", "version_share_percent=33.33",
        "purl_share_percent=33.33",
      ])
    #expect(reading.metrics == ["open_critical_findings": 2])
    #expect(reading.warnings.isEmpty)
  }

  /// Each licence shape, and whether it counts as a licence.
  @Test(arguments: [
    (#"[{"license": {"id": "MIT"}}]"#, 1),
    (#"[{"license": {"name": "GPLv3+"}}]"#, 1),
    (#"[{"expression": "MIT AND BSD-3-Clause"}]"#, 1),
    (#"[{"license": {}}]"#, 0),
    (#"[{"license": {"id": "  "}}]"#, 0),
    (#"[]"#, 0),
    (#""MIT""#, 0),
  ])
  func decidesWhatIsALicence(licenses: String, expected: Int) throws {
    let text = """
      {"bomFormat": "CycloneDX", "specVersion": "1.6",
       "components": [{"name": "a", "licenses": \(licenses)}]}
      """
    let reading = try SBOMReader.read(SourceFile(path: "l.json", text: text))
    #expect(sbomFigure(reading, "with_licence") == String(expected))
  }

  // MARK: - Vulnerabilities

  @Test func countsVulnerabilitiesByTheirHighestRating() throws {
    let text = """
      {"bomFormat": "CycloneDX", "specVersion": "1.4", "components": [{"name": "a"}],
       "vulnerabilities": [
         {"id": "1", "ratings": [{"severity": "low"}, {"severity": "High"}]},
         {"id": "2", "ratings": [{"severity": "critical"}]},
         {"id": "3", "ratings": [{"severity": "medium"}, {"severity": "info"}]},
         {"id": "4", "ratings": [{"severity": "low"}]},
         {"id": "5", "ratings": [{"severity": "none"}, {"severity": "unknown"}]},
         {"id": "6"}]}
      """
    let reading = try SBOMReader.read(SourceFile(path: "v.json", text: text))
    #expect(
      Array(sbomFigures(reading)[5...10]) == [
        "vulnerabilities=6", "critical=1", "high=1", "medium=1", "low=1", "other=2",
      ])
    #expect(reading.metrics == ["open_critical_findings": 2])
  }

  /// An empty list means "looked and found none"; a missing list means "not looked".
  @Test func tellsAnEmptyVulnerabilityListFromAMissingOne() throws {
    let base = #"{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"name": "a"}]"#
    let empty = try SBOMReader.read(
      SourceFile(path: "e.json", text: base + #", "vulnerabilities": []}"#))
    #expect(empty.metrics == ["open_critical_findings": 0])
    #expect(sbomFigure(empty, "vulnerabilities") == "0")
    #expect(sbomFigure(empty, "critical") == "0")
    let missing = try SBOMReader.read(SourceFile(path: "m.json", text: base + "}"))
    #expect(missing.metrics.isEmpty)
    #expect(sbomFigure(missing, "vulnerabilities") == "not listed")
    #expect(sbomFigure(missing, "critical") == nil)
  }

  // MARK: - SPDX

  @Test func readsSPDXLicencesVersionsAndPurls() throws {
    let text = """
      {"spdxVersion": "SPDX-2.3", "packages": [
        {"name": "a", "licenseConcluded": "NOASSERTION", "licenseDeclared": "MIT",
         "versionInfo": "1", "externalRefs": [{"referenceType": "purl",
         "referenceLocator": "pkg:npm/a@1"}]},
        {"name": "b", "licenseConcluded": "NONE", "licenseDeclared": "noassertion",
         "externalRefs": [{"referenceType": "cpe23Type", "referenceLocator": "cpe:2.3:a"}]},
        {"name": "c", "licenseConcluded": "Apache-2.0", "versionInfo": ""}]}
      """
    let reading = try SBOMReader.read(SourceFile(path: "s.json", text: text))
    #expect(
      sbomFigures(reading) == [
        "format=SPDX 2.3", "components=3", "with_licence=2", "with_version=1", "with_purl=1",
        "vulnerabilities=not listed", "licence_share_percent=66.67",
        "version_share_percent=33.33", "purl_share_percent=33.33",
      ])
    #expect(reading.metrics.isEmpty)
  }

  @Test func readsAnOlderSPDX2WithAWarning() throws {
    let text = "{\n  \"spdxVersion\": \"SPDX-2.1\",\n  \"packages\": [{\"name\": \"a\"}]\n}"
    let reading = try SBOMReader.read(SourceFile(path: "o.json", text: text))
    #expect(sbomFigure(reading, "format") == "SPDX 2.1")
    #expect(
      summary(reading.warnings) == [
        "2:3: expected \"spdxVersion\": \"SPDX-2.2\" or \"SPDX-2.3\", found \"SPDX-2.1\"; "
          + "read with the 2.3 rules"
      ])
  }

  @Test func warnsWhenThereAreNoComponents() throws {
    let reading = try SBOMReader.read(
      SourceFile(path: "z.json", text: #"{"spdxVersion": "SPDX-2.2"}"#))
    #expect(sbomFigure(reading, "components") == "0")
    #expect(sbomFigure(reading, "licence_share_percent") == nil)
    #expect(
      summary(reading.warnings) == [
        "1:1: expected at least one component, found none; there are no shares"
      ])
  }

  @Test func readsAnUnknownCycloneDXVersionWithAWarning() throws {
    let text = #"{"bomFormat": "CycloneDX", "specVersion": "1.7", "components": [{"name": "a"}]}"#
    let reading = try SBOMReader.read(SourceFile(path: "u.json", text: text))
    #expect(sbomFigure(reading, "format") == "CycloneDX 1.7 JSON")
    #expect(
      summary(reading.warnings) == [
        "1:28: expected a \"specVersion\" from 1.0 to 1.6, found \"1.7\"; read with the 1.6 rules"
      ])
  }

  // MARK: - Hostile XML

  @Test func neverFetchesAnExternalDTDOrEntity() throws {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE bom SYSTEM "http://192.0.2.1/bom.dtd" [
        <!ENTITY secret SYSTEM "file:///etc/hostname">
      ]>
      <bom xmlns="http://cyclonedx.org/schema/bom/1.3">
        <components><component type="library"><name>a</name><version>&secret;</version>
        </component></components>
      </bom>
      """
    let result = Result { () throws(Diagnostic) in
      try SBOMReader.read(SourceFile(path: "x.xml", text: text))
    }
    let reading = try result.get()
    #expect(sbomFigure(reading, "format") == "CycloneDX 1.3 XML")
    #expect(sbomFigure(reading, "components") == "1")
    #expect(sbomFigure(reading, "with_version") == "0")
    #expect(reading.warnings.isEmpty)
  }

  // MARK: - Refused input

  /// Text that is not a BOM, and the one error it must give.
  @Test(arguments: [
    ("", "1:1: \(SBOMReader.expected), found an empty file"),
    (" \n\t\n", "1:1: \(SBOMReader.expected), found an empty file"),
    ("name,version\n", "1:1: \(SBOMReader.expected), found 'n'"),
    ("[1, 2]", "1:1: \(SBOMReader.expected), found a JSON array at the top level"),
    (
      #"{"name": "x"}"#,
      "1:1: \(SBOMReader.expected), found a JSON object with neither \"bomFormat\" "
        + "nor \"spdxVersion\""
    ),
    (#"{"bomFormat": "SPDX"}"#, "1:2: expected \"bomFormat\": \"CycloneDX\", found \"SPDX\""),
    (
      #"{"spdxVersion": "SPDX-3.0", "packages": []}"#,
      "1:2: SPDX 3.0 is not supported yet; expected \"SPDX-2.2\" or \"SPDX-2.3\""
    ),
    (
      #"{"spdxVersion": 2.3}"#,
      "1:2: expected \"spdxVersion\": \"SPDX-2.2\" or \"SPDX-2.3\", found a number or boolean"
    ),
    (
      #"{"bomFormat": "CycloneDX", "specVersion": "1.4", "components": {"name": "a"}}"#,
      "1:50: expected \"components\" to be an array, found a object"
    ),
    (
      #"{"spdxVersion": "SPDX-2.3", "packages": ["a"]}"#,
      "1:29: expected \"packages\" to be an array of objects, found a string"
    ),
    (
      #"{"bomFormat": "CycloneDX", "components": [}"#,
      "1:43: expected a value or ']' after '[', found '}'"
    ),
    (
      "<testsuites>\n</testsuites>",
      "1:1: expected a <bom> root in namespace http://cyclonedx.org/schema/bom/1.x, "
        + "found <testsuites> in no namespace"
    ),
    (
      "<bom version=\"1\"><components/></bom>",
      "1:1: expected a <bom> root in namespace http://cyclonedx.org/schema/bom/1.x, "
        + "found <bom> in no namespace"
    ),
    (
      "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components>",
      "1:62: expected </components>, found the end of the file; is it truncated?"
    ),
  ])
  func refusesWhatIsNotABOM(text: String, expected: String) {
    #expect(sbomError(SourceFile(path: "bad", text: text)) == [expected])
  }
}

/// Hand-counted figures of the real files; all have components and no vulnerability list.
private let realBOMs: [SBOMReaderTests.RealBOM] = [
  .init(
    path: "sbom/cyclonedx/bom-hakit.json",
    figures: [
      "format=CycloneDX 1.6 JSON", "components=2", "with_licence=0", "with_version=2",
      "with_purl=2", "vulnerabilities=not listed", "licence_share_percent=0.00",
      "version_share_percent=100.00", "purl_share_percent=100.00",
    ]),
  .init(
    path: "sbom/cyclonedx/centos-7-cyclonedx.json",
    figures: [
      "format=CycloneDX 1.5 JSON", "components=3", "with_licence=2", "with_version=3",
      "with_purl=2", "vulnerabilities=not listed", "licence_share_percent=66.67",
      "version_share_percent=100.00", "purl_share_percent=66.67",
    ]),
  .init(
    path: "sbom/cyclonedx/retirejs.latest.xml",
    figures: [
      "format=CycloneDX 1.0 XML", "components=6", "with_licence=0", "with_version=6",
      "with_purl=6", "vulnerabilities=not listed", "licence_share_percent=0.00",
      "version_share_percent=100.00", "purl_share_percent=100.00",
    ]),
  .init(
    path: "sbom/spdx/centos-7-spdx.json",
    figures: [
      "format=SPDX 2.2", "components=4", "with_licence=2", "with_version=3", "with_purl=2",
      "vulnerabilities=not listed", "licence_share_percent=50.00",
      "version_share_percent=75.00", "purl_share_percent=50.00",
    ]),
  .init(
    path: "sbom/spdx/sbom.spdx.json",
    figures: [
      "format=SPDX 2.3", "components=44", "with_licence=0", "with_version=44",
      "with_purl=44", "vulnerabilities=not listed", "licence_share_percent=0.00",
      "version_share_percent=100.00", "purl_share_percent=100.00",
    ]),
]

private func sbomFigures(_ reading: ArtifactReading) -> [String] {
  reading.figures.map { "\($0.name)=\($0.value)" }
}

private func sbomFigure(_ reading: ArtifactReading, _ name: String) -> String? {
  reading.figures.first { $0.name == name }?.value
}

/// "line:col: message" of the one error a read throws, or an empty list when it reads.
private func sbomError(_ file: SourceFile) -> [String] {
  do {
    _ = try SBOMReader.read(file)
    return []
  } catch {
    return summary([error]) + (error.location?.file == file.path ? [] : ["wrong file"])
  }
}

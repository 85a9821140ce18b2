import Foundation
import Testing

@testable import MaturityKit

/// SARIF logs and JSON bills of materials read from disk in chunks give exactly what the
/// same bytes give from memory, with tokens split across chunk boundaries.
@Suite struct StreamedArtifactTests {
  /// Two runs of 1,500 results over 64 KB chunks: the first lists its rules after its
  /// results, so every result waits for them; the second lists them first.
  @Test func aSARIFLogOnDiskReadsAsInMemory() throws {
    let text = "\u{FEFF}" + sarifLog()
    let folder = try Fixture.bundle(["big.sarif": text])
    let disk = try ArtifactFormat.sarif.read(
      ArtifactFile(path: "big.sarif", readingFrom: folder + "/big.sarif"))
    let memory = try ArtifactFormat.sarif.read(SourceFile(path: "big.sarif", text: text))
    // Run 1: every 10th result is suppressed, 50 of each rule; 450 per rule stay open.
    let expected = [
      "runs=2", "runs_not_analysed=0", "results=2850", "error=950", "warning=950", "note=950",
      "none=0", "critical=950", "high=0", "medium=0", "low=0", "tools=late+early",
      "suppressed=150",
    ]
    #expect(figureList(disk) == expected)
    #expect(figureList(memory) == expected)
    #expect(disk.metrics == ["open_critical_findings": 1900])
    let warning =
      "1504:2: run 2 (early): a level other than error, warning, note or none was ignored "
      + "(15 times)"
    #expect(summary(disk.warnings) == [warning])
    #expect(summary(memory.warnings) == [warning])
    #expect(disk.warnings.first?.sourceLine == #" {"tool": {"driver": {"name": "early","#)
  }

  @Test func aCycloneDXBOMOnDiskReadsAsInMemory() throws {
    let text = cycloneDX()
    let folder = try Fixture.bundle(["bom.json": text])
    let disk = try ArtifactFormat.sbom.read(
      ArtifactFile(path: "bom.json", readingFrom: folder + "/bom.json"))
    let memory = try ArtifactFormat.sbom.read(SourceFile(path: "bom.json", text: text))
    let expected = [
      "format=CycloneDX 1.5 JSON", "components=2000", "with_licence=500", "with_version=1000",
      "with_purl=1000", "vulnerabilities=300", "critical=100", "high=100", "medium=0", "low=0",
      "other=100", "licence_share_percent=25.00", "version_share_percent=50.00",
      "purl_share_percent=50.00",
    ]
    #expect(figureList(disk) == expected)
    #expect(figureList(memory) == expected)
    #expect(disk.metrics == ["open_critical_findings": 200])
    #expect(disk.warnings.isEmpty)
  }

  /// The format is sniffed from the file's head, or past it when the head is white space.
  @Test(arguments: [
    (
      "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><components><component>"
        + "<name>a</name><version>1</version></component></components></bom>",
      "CycloneDX 1.5 XML"
    ),
    (
      String(repeating: " \n", count: 3000)
        + #"{"spdxVersion": "SPDX-2.3", "packages": [{"name": "a", "versionInfo": "1"}]}"#,
      "SPDX 2.3"
    ),
  ])
  func aBOMOnDiskIsSniffedFromItsFirstCharacter(text: String, format: String) throws {
    let folder = try Fixture.bundle(["bom": text])
    let reading = try ArtifactFormat.sbom.read(
      ArtifactFile(path: "bom", readingFrom: folder + "/bom"))
    #expect(
      figureList(reading).prefix(4) == [
        "format=\(format)", "components=1",
        "with_licence=0", "with_version=1",
      ])
  }

  @Test func aBOMWithNestedComponentsOfTheWrongTypeNamesTheNestedKey() {
    let text = """
      {"bomFormat": "CycloneDX", "specVersion": "1.6",
       "components": [{"name": "a", "components": {"name": "b"}}]}
      """
    do {
      _ = try SBOMReader.read(SourceFile(path: "n.json", text: text))
      Issue.record("expected an error")
    } catch {
      #expect(
        summary([error]) == ["2:31: expected \"components\" to be an array, found a object"])
    }
  }
}

/// The log of `aSARIFLogOnDiskReadsAsInMemory`, one result a line; run 2 starts at 1504:2.
private func sarifLog() -> String {
  let rules =
    #"[{"id": "R0", "defaultConfiguration": {"level": "error"}},"#
    + #" {"id": "R1", "defaultConfiguration": {"level": "note"},"#
    + #" "properties": {"security-severity": "9.5"}},"#
    + #" {"id": "R2", "help": {"text": "\#(String(repeating: "help ", count: 200))"}}]"#
  func results(run: Int) -> String {
    (0..<1500).map { number in
      let extra =
        run == 1 && number % 10 == 0
        ? #", "suppressions": [{"kind": "external"}]"#
        : run == 2 && number % 100 == 0 ? #", "level": "fatal""# : ""
      return #"  {"ruleId": "R\#(number % 3)", "message": {"text": "finding \#(number): é中"#
        + #" \u00e9 \#(String(repeating: "x", count: number % 97))"}, "locations": [{"#
        + #""physicalLocation": {"artifactLocation": {"uri": "src/f\#(number).c"}}}]\#(extra)}"#
    }.joined(separator: ",\n")
  }
  return """
    {"version": "2.1.0", "runs": [
     {"results": [
    \(results(run: 1))
      ], "tool": {"driver": {"name": "late", "rules": \(rules)}}},
     {"tool": {"driver": {"name": "early",
      "rules": \(rules)}}, "results": [
    \(results(run: 2))
      ]}
    ]}
    """
}

/// 1,000 components each holding one nested component, and 300 rated vulnerabilities.
private func cycloneDX() -> String {
  let components = (0..<1000).map { number in
    let licence = number % 2 == 0 ? #", "licenses": [{"license": {"id": "MIT"}}]"# : ""
    return #"{"name": "c\#(number)", "version": "1.\#(number)"\#(licence), "components": ["#
      + #"{"name": "n\#(number)", "purl": "pkg:npm/n\#(number)@1"}]}"#
  }
  let ratings = [
    #"[{"severity": "critical"}]"#, #"[{"severity": "low"}, {"severity": "high"}]"#, "[]",
  ]
  let vulnerabilities = (0..<300).map { number in
    #"{"id": "V\#(number)", "description": "\#(String(repeating: "d", count: 300))","#
      + #" "ratings": \#(ratings[number % 3])}"#
  }
  return #"{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": ["#
    + components.joined(separator: ",\n") + "],\n\"vulnerabilities\": ["
    + vulnerabilities.joined(separator: ",\n") + "]}\n"
}

private func figureList(_ reading: ArtifactReading) -> [String] {
  reading.figures.map { "\($0.name)=\($0.value)" }
}

import Foundation
import Testing

@testable import MaturityKit

/// docs/schema must accept every file the loaders accept in Standards/ and Examples/, and
/// name the same metrics as the catalogue, so editors check what the tool checks.
@Suite struct SchemaTests {
  private func schema(_ name: String) throws -> SchemaValidator {
    try SchemaValidator(file: packageRoot.appendingPathComponent("docs/schema/\(name).schema.json"))
  }

  private func yamlFiles(in folder: String) -> [URL] {
    let url = packageRoot.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { url.appendingPathComponent($0) }
  }

  private func load(_ url: URL) throws -> YAMLNode {
    let file = SourceFile(path: url.path, bytes: [UInt8](try Data(contentsOf: url)))
    return try #require(try YAMLLoader.load(file))
  }

  @Test func everyShippedStandardsFileMatchesItsSchema() throws {
    let files = yamlFiles(in: "Standards")
    #expect(files.count == 16)
    for url in files {
      let node = try load(url)
      let keys = Set(node.mapping?.compactMap { $0.key.scalar?.text } ?? [])
      let name =
        keys.contains("crosswalk") ? "crosswalk" : keys.contains("bands") ? "bands" : "standard"
      let problems = try schema(name).validate(SchemaValidator.json(node))
      #expect(problems.isEmpty, "\(url.lastPathComponent): \(problems.prefix(3))")
    }
  }

  @Test(arguments: ["Examples/bank-payments", "Examples/startup-shop", "Examples/maturity-self"])
  func everyExampleEvidenceFileMatchesTheSchema(bundle: String) throws {
    let validator = try schema("evidence")
    for url in yamlFiles(in: bundle) {
      let problems = validator.validate(SchemaValidator.json(try load(url)))
      #expect(problems.isEmpty, "\(url.lastPathComponent): \(problems.prefix(3))")
    }
  }

  @Test func aGeneratedQuestionnaireMatchesTheSchemaAndNamesIt() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-schema-\(UUID().uuidString)").path
    _ = MaturityCommand.run(["init", folder, "-d", "security-risk=3", "--date", "2026-11-20"])
    for name in ["scope.yaml", "security-risk.yaml"] {
      let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(text.hasPrefix("# yaml-language-server: $schema=.schema/evidence.schema.json\n"))
      #expect(try schema("evidence").validate(SchemaValidator.json(try load(url))).isEmpty)
    }
    let copied = URL(fileURLWithPath: folder).appendingPathComponent(".schema/evidence.schema.json")
    #expect(
      try Data(contentsOf: copied)
        == Data(contentsOf: packageRoot.appendingPathComponent("docs/schema/evidence.schema.json")))
  }

  @Test func theSchemasNameTheCatalogueMetrics() throws {
    let root = try JSONSerialization.jsonObject(
      with: Data(contentsOf: packageRoot.appendingPathComponent("docs/schema/evidence.schema.json"))
    )
    let properties = (root as? [String: Any])?["properties"] as? [String: Any]
    let metrics = properties?["metrics"] as? [String: Any]
    let item = (metrics?["items"] as? [String: Any])?["properties"] as? [String: Any]
    let names = (item?["name"] as? [String: Any])?["enum"] as? [String]
    #expect(names == MetricCatalog.names)
    let units = (item?["unit"] as? [String: Any])?["enum"] as? [String]
    #expect(Set(units ?? []) == Set(MetricUnit.allCases.map(\.rawValue) + ["%"]))
  }

  @Test func theSchemaRejectsWhatTheLoaderRejects() throws {
    let node = try #require(
      try YAMLLoader.load(
        SourceFile(
          path: "x.yaml",
          text: """
            claims:
              - {requirement: A-1, status: done, reviewr: Li}
            """)))
    let problems = try schema("evidence").validate(SchemaValidator.json(node))
    #expect(
      problems == [
        "$.claims[0]: unknown key reviewr",
        "$.claims[0].status: 'done' is not one of the allowed values",
      ])
  }
}

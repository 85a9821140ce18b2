import Foundation
import Testing

@testable import MaturityKit

@Suite struct InitTests {
  private func newFolder() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-init-\(UUID().uuidString)").path
  }

  /// Every domain of the loaded standards, so new domains are covered as they land.
  static let domains = StandardsLoader().load(paths: []).library.domainIDs

  @Test(arguments: domains)
  func aQuestionnaireValidatesAsWrittenAndAssessesOnceFilled(domain: String) throws {
    let folder = newFolder()
    let created = MaturityCommand.run([
      "init", folder, "--domain", "\(domain)=2", "--organisation", "Acme \"Tea\"", "--scope",
      "Shop", "--date", "2026-11-20",
    ])
    #expect(created.exitCode == 0)
    #expect(created.stderr == "")
    let validated = MaturityCommand.run(["validate", folder])
    #expect(validated.exitCode == 0, "\(validated.stderr)")
    // Fill in every status as met: the domain then reaches its target of 2.
    let file = "\(folder)/\(domain).yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "status:            #", with: "status: met #").utf8)
      .write(to: URL(fileURLWithPath: file))
    let assessed = MaturityCommand.run(["assess", folder, "--format", "json"])
    #expect(assessed.exitCode == 0, "\(assessed.stderr)")
    let snapshot = try SnapshotReader.read(SourceFile(path: "r.json", text: assessed.stdout))
    let levelled = snapshot.standards.filter { $0.domain == domain && $0.kind == .levelled }
    #expect(!levelled.isEmpty)
    #expect(levelled.allSatisfy { ($0.level ?? 0) >= 2 }, "\(levelled.map(\.level))")
    let conformance = snapshot.standards.filter { $0.domain == domain && $0.kind == .conformance }
    #expect(conformance.allSatisfy { $0.conforms == true })
  }

  @Test func initRefusesToWriteIntoAnExistingFolder() throws {
    let folder = newFolder()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let result = MaturityCommand.run(["init", folder, "-d", "continuous-delivery=2"])
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("already exists; init writes a new folder and never overwrites"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  @Test(arguments: [
    (["init", "x"], Int32(64), "Error: missing '--domain <domain=level>' (at least one)"),
    (
      ["init", "x", "-d", "continuous-delivery"], 64,
      "Error: expected domain=level for '--domain', found 'continuous-delivery'"
    ),
    (
      ["init", "/nonexistent-dir/x", "-d", "continous-delivery=2"], 2,
      "error: unknown domain 'continous-delivery'; did you mean 'continuous-delivery'?"
    ),
    (
      ["init", "x", "-d", "continuous-delivery=9"], 2,
      "error: expected a level from 1 to 5 for continuous-delivery, found 9"
    ),
  ])
  func initRejectsBadRequests(arguments: [String], code: Int32, firstLine: String) {
    let result = MaturityCommand.run(arguments)
    #expect(result.exitCode == code)
    #expect(result.stderr.split(separator: "\n").first.map(String.init) == firstLine)
    #expect(!FileManager.default.fileExists(atPath: "x"))
  }

  @Test func chineseQuestionnairesUseTheChineseTexts() throws {
    let folder = newFolder()
    _ = MaturityCommand.run([
      "init", folder, "-d", "continuous-delivery=1", "--lang", "zh", "--date", "2026-11-20",
    ])
    let text = try String(contentsOfFile: "\(folder)/continuous-delivery.yaml", encoding: .utf8)
    #expect(text.contains("# CD-CM 配置管理 / CD-CM-VC 版本控制 / CD-CM-VC-VCS 版本控制系统"))
    #expect(MaturityCommand.run(["validate", folder]).exitCode == 0)
  }

  @Test func anUnansweredClaimIsNotAssessedButAMissingStatusKeyIsAnError() throws {
    let assessment = try Fixture.assess("claims:\n  - {requirement: A-1, status: }\n")
    #expect(assessment.status("A-1") == .notAssessed)
    #expect(
      summary(try Fixture.load("claims:\n  - {requirement: A-1}\n").diagnostics) == [
        "8:5: missing required key 'status' in a claim (leave it empty, 'status:', if unanswered)"
      ])
  }
}

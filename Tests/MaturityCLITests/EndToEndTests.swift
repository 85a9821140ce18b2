import Foundation
import Testing

/// Runs the built `maturity` binary as a user would and checks stdout, stderr and the
/// exit code.
@Suite struct EndToEndTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The binary beside the test bundle in the build folder.
  static var binary: URL? {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("maturity")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    let fallback = packageRoot.appendingPathComponent(".build/debug/maturity")
    return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
  }

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Run {
    let process = Process()
    guard let binary = Self.binary else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "maturity binary"])
    }
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  @Test func assessesAnExampleFromAnyDirectoryWithTheEmbeddedStandards() throws {
    let bundle = Self.packageRoot.appendingPathComponent("Examples/startup-shop").path
    let result = try run(["assess", bundle], in: URL(fileURLWithPath: "/"))
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("Dual-certification gap report\n"))
    #expect(result.stdout.contains("caict-cd  level 1 Initial · coverage 1.65 of 5"))
  }

  @Test func aMalformedBundleExits2WithFileLineAndCaret() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("scope:\n  organisation: O\n\tname: N\n".utf8)
      .write(to: folder.appendingPathComponent("scope.yaml"))
    let result = try run(["assess", folder.path])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.first?.hasSuffix(
        "scope.yaml:3:1: error: a tab character is used for indentation; indent with spaces")
        == true)
    #expect(lines.count > 2 && lines[1] == "\tname: N" && lines[2] == "^")
  }

  @Test func usageErrorsExit64() throws {
    let result = try run(["assess", "--colour", "never"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: unknown option '--colour'; did you mean '--color'?"))
  }

  @Test func validateExitsZeroOnTheShippedFiles() throws {
    let result = try run(["validate", "Standards", "Examples/bank-payments"])
    #expect(result.status == 0)
    #expect(result.stdout.hasSuffix("no errors\n"))
  }

  @Test func versionPrintsAndExitsZero() throws {
    let result = try run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("maturity "))
  }
}

@Suite struct GateEndToEndTests {
  let runner = EndToEndTests()

  @Test func theProjectsOwnGatePasses() throws {
    let result = try runner.run([
      "assess", "Examples/bank-payments", "--policy", "ci/maturity-policy.yaml", "--todo", "0",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Gate  passed"))
  }

  @Test func aFailedGateExits1AndSaysWhy() throws {
    let result = try runner.run([
      "assess", "Examples/startup-shop", "--min-level", "continuous-delivery=2",
    ])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "gate failed for Examples/startup-shop: continuous-delivery at level 2 or above\n")
  }

  @Test func anUnreadableBaselineExits2AndNeverPasses() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let baseline = folder.appendingPathComponent("baseline.json")
    try Data("{\"format\": \"maturity-report\", \"version\": 1, \"domains\": [".utf8)
      .write(to: baseline)
    let result = try runner.run([
      "assess", "Examples/bank-payments", "--baseline", baseline.path, "--todo", "0",
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("baseline.json:1:"))
    #expect(result.stdout.contains("Gate  FAILED"))
  }

  @Test func diffFailsOnRegressionOnlyWhenAsked() throws {
    let strict = try runner.run([
      "assess", "Examples/bank-payments", "--strict", "--format", "json",
    ])
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let new = folder.appendingPathComponent("new.json")
    try Data(strict.stdout.utf8).write(to: new)
    let plain = try runner.run(["diff", "ci/baseline.json", new.path])
    #expect(plain.status == 0)
    let failing = try runner.run(["diff", "ci/baseline.json", new.path, "--fail-on-regression"])
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("caict-cd: level dropped from 3 to 2"))
  }
}

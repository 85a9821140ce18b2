import Foundation

@testable import MaturityKit

/// Loads YAML text, returning the root or the rendered diagnostics' first line.
func loadYAML(_ text: String, path: String = "test.yaml", limits: YAMLLimits = YAMLLimits())
  -> Result<YAMLNode?, YAMLLoader.Failure>
{
  Result { () throws(YAMLLoader.Failure) in
    try YAMLLoader.load(SourceFile(path: path, text: text), limits: limits)
  }
}

/// "line:col: message" of each diagnostic, for exact comparisons.
func summary(_ diagnostics: [Diagnostic]) -> [String] {
  diagnostics.map { diagnostic in
    let place = diagnostic.location.map { "\($0.line):\($0.column)" } ?? "-"
    return "\(place): \(diagnostic.message)"
  }
}

func failure(_ result: Result<YAMLNode?, YAMLLoader.Failure>) -> [String] {
  if case .failure(let failure) = result { return summary(failure.diagnostics) }
  return []
}

func root(_ result: Result<YAMLNode?, YAMLLoader.Failure>) -> YAMLNode? {
  if case .success(let node) = result { return node }
  return nil
}

/// The value of `key` in a mapping node.
func value(_ node: YAMLNode?, _ key: String) -> YAMLNode? {
  node?.mapping?.first { $0.key.scalar?.text == key }?.value
}

/// The shared real-data folder, or nil when this checkout has none (tests then skip).
let realData: URL? = {
  let here = URL(fileURLWithPath: #filePath)
  var folder = here.deletingLastPathComponent()
  for _ in 0..<6 {
    let candidate = folder.appendingPathComponent("shared/realdata")
    if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
    folder = folder.deletingLastPathComponent()
  }
  return nil
}()

func realFile(_ relative: String) throws -> SourceFile? {
  guard let url = realData?.appendingPathComponent(relative) else { return nil }
  return SourceFile(path: relative, bytes: [UInt8](try Data(contentsOf: url)))
}

/// The package root, found from this file.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// Runs the rest of a suite from the package root, where the examples' relative paths hold.
func enterPackageRoot() {
  _ = FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
}

/// "line:column: message" of the error reading `file` as `format` gives, or nothing when it
/// reads.
func readErrors(_ format: ArtifactFormat, _ file: SourceFile) -> [String] {
  do {
    _ = try format.read(file)
    return []
  } catch {
    return summary([error])
  }
}

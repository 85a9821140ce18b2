import Foundation

extension SBOMReader {
  /// The CycloneDX spec versions this reader knows.
  static let cycloneDXVersions: Set<String> = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]

  /// Reads a CycloneDX JSON document whose top level has a `bomFormat`.
  static func readCycloneDX(
    _ root: [String: Any], in file: SourceFile
  ) throws(Diagnostic) -> ArtifactReading {
    guard root["bomFormat"] as? String == "CycloneDX" else {
      let place = position(ofKey: "bomFormat", in: file)
      throw Diagnostic(
        .error, "expected \"bomFormat\": \"CycloneDX\", found \(shown(root["bomFormat"]))",
        in: file, line: place.line, column: place.column)
    }
    var warnings: [Diagnostic] = []
    let version = specVersion(root["specVersion"], in: file, warnings: &warnings)
    var tally = Tally()
    try addComponents(root["components"], to: &tally, in: file)
    try addVulnerabilities(root["vulnerabilities"], to: &tally, in: file)
    let format = version.map { "CycloneDX \($0) JSON" } ?? "CycloneDX JSON"
    return reading(tally, format: format, in: file, warnings: warnings)
  }

  /// The `specVersion` text, with a warning when it is missing or not one this reader knows.
  private static func specVersion(
    _ value: Any?, in file: SourceFile, warnings: inout [Diagnostic]
  ) -> String? {
    let known = "expected a \"specVersion\" from 1.0 to 1.6"
    guard let text = value as? String else {
      let place = value == nil ? (1, 1) : position(ofKey: "specVersion", in: file)
      warnings.append(
        Diagnostic(
          .warning, "\(known), found \(shown(value)); read as CycloneDX anyway", in: file,
          line: place.0, column: place.1))
      return nil
    }
    if !cycloneDXVersions.contains(text) {
      let place = position(ofKey: "specVersion", in: file)
      warnings.append(
        Diagnostic(
          .warning, "\(known), found \"\(text)\"; read with the 1.6 rules", in: file,
          line: place.line, column: place.column))
    }
    return text
  }

  /// Counts the components of a `components` array and of every nested one.
  private static func addComponents(
    _ value: Any?, to tally: inout Tally, in file: SourceFile
  ) throws(Diagnostic) {
    var pending: [Any] = value.map { [$0] } ?? []
    while let next = pending.popLast() {
      guard let items = next as? [Any] else {
        throw wrongType("components", "an array", found: next, in: file)
      }
      for item in items {
        guard let component = item as? [String: Any] else {
          throw wrongType("components", "an array of objects", found: item, in: file)
        }
        tally.addComponent(
          hasLicence: hasLicence(component["licenses"]),
          hasVersion: isFilled(component["version"]), hasPurl: isFilled(component["purl"]))
        if let nested = component["components"] { pending.append(nested) }
      }
    }
  }

  /// True when a `licenses` array holds a licence with an id or a name, or an expression.
  private static func hasLicence(_ value: Any?) -> Bool {
    guard let entries = value as? [Any] else { return false }
    return entries.contains { entry in
      guard let entry = entry as? [String: Any] else { return false }
      let licence = entry["license"] as? [String: Any]
      return isFilled(entry["expression"]) || isFilled(licence?["id"])
        || isFilled(licence?["name"])
    }
  }

  /// Counts a `vulnerabilities` array by each entry's highest rated severity.
  private static func addVulnerabilities(
    _ value: Any?, to tally: inout Tally, in file: SourceFile
  ) throws(Diagnostic) {
    guard let value else { return }
    guard let entries = value as? [Any] else {
      throw wrongType("vulnerabilities", "an array", found: value, in: file)
    }
    tally.vulnerabilities = [:]
    for entry in entries {
      let ratings = (entry as? [String: Any])?["ratings"] as? [Any] ?? []
      let severities = ratings.map { Severity(($0 as? [String: Any])?["severity"] as? String) }
      tally.addVulnerability(severities.max() ?? .other)
    }
  }

  /// An error at the first `"key"` in the file for a value of the wrong JSON type.
  static func wrongType(
    _ key: String, _ expected: String, found value: Any?, in file: SourceFile
  ) -> Diagnostic {
    let place = position(ofKey: key, in: file)
    return Diagnostic(
      .error, "expected \"\(key)\" to be \(expected), found a \(kind(of: value))", in: file,
      line: place.line, column: place.column)
  }

  /// A JSON value quoted for a message: `"SPDX"`, `a number or boolean`, `nothing`.
  static func shown(_ value: Any?) -> String {
    if let text = value as? String { return "\"\(text)\"" }
    return value == nil ? "nothing" : "a \(kind(of: value))"
  }
}

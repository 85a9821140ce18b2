extension SBOMReader {
  /// The CycloneDX spec versions this reader knows.
  static let cycloneDXVersions: Set<String> = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]

  /// The reading of a CycloneDX JSON document whose top level has a `bomFormat`.
  static func readCycloneDX(
    _ root: JSONRoot, in file: ArtifactFile
  ) throws(Diagnostic) -> ArtifactReading {
    if let format = root.bomFormat, format.value.string != "CycloneDX" {
      throw file.diagnostic(
        .error, "expected \"bomFormat\": \"CycloneDX\", found \(shown(format.value))",
        line: format.key.line, column: format.key.column)
    }
    var warnings: [Diagnostic] = []
    let version = specVersion(root.specVersion, in: file, warnings: &warnings)
    if let problem = root.componentProblem ?? root.vulnerabilityProblem { throw problem }
    var tally = root.components
    tally.vulnerabilities = root.vulnerabilities
    let format = version.map { "CycloneDX \($0) JSON" } ?? "CycloneDX JSON"
    return reading(tally, format: format, in: file, warnings: warnings)
  }

  /// The `specVersion` text, with a warning when it is missing or not one this reader knows.
  private static func specVersion(
    _ member: Member?, in file: ArtifactFile, warnings: inout [Diagnostic]
  ) -> String? {
    let known = "expected a \"specVersion\" from 1.0 to 1.6"
    let place = member.map { ($0.key.line, $0.key.column) } ?? (1, 1)
    guard let text = member?.value.string else {
      warnings.append(
        file.diagnostic(
          .warning, "\(known), found \(shown(member?.value)); read as CycloneDX anyway",
          line: place.0, column: place.1))
      return nil
    }
    if !cycloneDXVersions.contains(text) {
      warnings.append(
        file.diagnostic(
          .warning, "\(known), found \"\(text)\"; read with the 1.6 rules", line: place.0,
          column: place.1))
    }
    return text
  }

  /// True when a `licenses` array holds a licence with an id or a name, or an expression.
  static func hasLicence(_ node: JSONNode) -> Bool {
    (node.elements ?? []).contains { entry in
      let licence = entry["license"]
      return isFilled(entry["expression"]) || isFilled(licence?["id"])
        || isFilled(licence?["name"])
    }
  }
}

import Foundation

extension SBOMReader {
  /// The reading of an SPDX 2.x JSON document whose top level has an `spdxVersion`.
  ///
  /// Every entry of `packages` is a component, the package the document describes
  /// included, so the counts match what the file lists.
  static func readSPDX(
    _ root: JSONRoot, in file: ArtifactFile
  ) throws(Diagnostic) -> ArtifactReading {
    var warnings: [Diagnostic] = []
    let version = try spdxVersion(root.spdxVersion, in: file, warnings: &warnings)
    if let problem = root.packageProblem { throw problem }
    return reading(root.packages, format: "SPDX \(version)", in: file, warnings: warnings)
  }

  /// "2.3" from `SPDX-2.3`: 2.2 and 2.3 silently, older 2.x with a warning, else an error.
  private static func spdxVersion(
    _ member: Member?, in file: ArtifactFile, warnings: inout [Diagnostic]
  ) throws(Diagnostic) -> String {
    let place = member.map { ($0.key.line, $0.key.column) } ?? (1, 1)
    let text = member?.value.string ?? ""
    let number = text.hasPrefix("SPDX-") ? String(text.dropFirst(5)) : ""
    if number == "2.2" || number == "2.3" { return number }
    if number.hasPrefix("2.") {
      let message =
        "expected \"spdxVersion\": \"SPDX-2.2\" or \"SPDX-2.3\", found \"\(text)\"; "
        + "read with the 2.3 rules"
      warnings.append(file.diagnostic(.warning, message, line: place.0, column: place.1))
      return number
    }
    let message =
      number.hasPrefix("3")
      ? "SPDX \(number) is not supported yet; expected \"SPDX-2.2\" or \"SPDX-2.3\""
      : "expected \"spdxVersion\": \"SPDX-2.2\" or \"SPDX-2.3\", found \(shown(member?.value))"
    throw file.diagnostic(.error, message, line: place.0, column: place.1)
  }

  /// True for a licence expression other than `NOASSERTION` or `NONE`.
  static func isLicence(_ node: JSONNode) -> Bool {
    guard isFilled(node), let text = node.string else { return false }
    let word = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    return word != "NOASSERTION" && word != "NONE"
  }

  /// True when an `externalRefs` array has a reference of type `purl` with a locator.
  static func hasPurl(_ node: JSONNode) -> Bool {
    (node.elements ?? []).contains { reference in
      reference["referenceType"]?.string == "purl" && isFilled(reference["referenceLocator"])
    }
  }
}

import Foundation

extension SBOMReader {
  /// Reads an SPDX 2.x JSON document whose top level has an `spdxVersion`.
  ///
  /// Every entry of `packages` is a component, the package the document describes
  /// included, so the counts match what the file lists.
  static func readSPDX(
    _ root: [String: Any], in file: SourceFile
  ) throws(Diagnostic) -> ArtifactReading {
    var warnings: [Diagnostic] = []
    let version = try spdxVersion(root["spdxVersion"], in: file, warnings: &warnings)
    let value = root["packages"] ?? [Any]()
    guard let packages = value as? [Any] else {
      throw wrongType("packages", "an array", found: root["packages"], in: file)
    }
    var tally = Tally()
    for item in packages {
      guard let package = item as? [String: Any] else {
        throw wrongType("packages", "an array of objects", found: item, in: file)
      }
      tally.addComponent(
        hasLicence: isLicence(package["licenseConcluded"])
          || isLicence(package["licenseDeclared"]),
        hasVersion: isFilled(package["versionInfo"]), hasPurl: hasPurl(package["externalRefs"]))
    }
    return reading(tally, format: "SPDX \(version)", in: file, warnings: warnings)
  }

  /// "2.3" from `SPDX-2.3`: 2.2 and 2.3 silently, older 2.x with a warning, else an error.
  private static func spdxVersion(
    _ value: Any?, in file: SourceFile, warnings: inout [Diagnostic]
  ) throws(Diagnostic) -> String {
    let place = position(ofKey: "spdxVersion", in: file)
    let text = value as? String ?? ""
    let number = text.hasPrefix("SPDX-") ? String(text.dropFirst(5)) : ""
    if number == "2.2" || number == "2.3" { return number }
    if number.hasPrefix("2.") {
      let message =
        "expected \"spdxVersion\": \"SPDX-2.2\" or \"SPDX-2.3\", found \"\(text)\"; "
        + "read with the 2.3 rules"
      warnings.append(
        Diagnostic(.warning, message, in: file, line: place.line, column: place.column))
      return number
    }
    let message =
      number.hasPrefix("3")
      ? "SPDX \(number) is not supported yet; expected \"SPDX-2.2\" or \"SPDX-2.3\""
      : "expected \"spdxVersion\": \"SPDX-2.2\" or \"SPDX-2.3\", found \(shown(value))"
    throw Diagnostic(.error, message, in: file, line: place.line, column: place.column)
  }

  /// True for a licence expression other than `NOASSERTION` or `NONE`.
  private static func isLicence(_ value: Any?) -> Bool {
    guard isFilled(value), let text = value as? String else { return false }
    let word = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    return word != "NOASSERTION" && word != "NONE"
  }

  /// True when an `externalRefs` array has a reference of type `purl` with a locator.
  private static func hasPurl(_ value: Any?) -> Bool {
    guard let references = value as? [Any] else { return false }
    return references.contains { reference in
      guard let reference = reference as? [String: Any] else { return false }
      return reference["referenceType"] as? String == "purl"
        && isFilled(reference["referenceLocator"])
    }
  }
}

import Foundation

/// Reads a software bill of materials into component and vulnerability counts.
///
/// The format is found from the content, not the file name: CycloneDX JSON
/// (`"bomFormat": "CycloneDX"`, spec 1.0 to 1.6), CycloneDX XML (a `<bom>` root in the
/// namespace `http://cyclonedx.org/schema/bom/1.x`) and SPDX 2.2 or 2.3 JSON
/// (`"spdxVersion": "SPDX-2.x"`). SPDX 3.0 JSON-LD is refused with an error for now.
///
/// Components are CycloneDX `components` at any depth of nesting, but not
/// `metadata.component` (the thing the BOM describes), and every SPDX `package`, including
/// the one the document describes: telling a described root from a dependency would need
/// the relationships, and producers disagree on how they write them.
public enum SBOMReader {
  /// The highest severity among a vulnerability's ratings; `other` covers `info`, `none`,
  /// `unknown`, unrated vulnerabilities and anything unrecognised.
  enum Severity: Int, Comparable {
    case other
    case low
    case medium
    case high
    case critical

    init(_ text: String?) {
      switch text?.lowercased() {
      case "critical": self = .critical
      case "high": self = .high
      case "medium": self = .medium
      case "low": self = .low
      default: self = .other
      }
    }

    static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The counts of a whole file.
  struct Tally {
    var components = 0
    var withLicence = 0
    var withVersion = 0
    var withPurl = 0
    /// Vulnerabilities by their highest severity, or nil when the BOM has no list at all.
    var vulnerabilities: [Severity: Int]?

    mutating func addComponent(hasLicence: Bool, hasVersion: Bool, hasPurl: Bool) {
      components += 1
      if hasLicence { withLicence += 1 }
      if hasVersion { withVersion += 1 }
      if hasPurl { withPurl += 1 }
    }

    mutating func addVulnerability(_ severity: Severity) {
      vulnerabilities = vulnerabilities ?? [:]
      vulnerabilities?[severity, default: 0] += 1
    }
  }

  /// Reads one CycloneDX or SPDX 2.x file.
  ///
  /// - Parameter file: The BOM's bytes and the path to show in diagnostics.
  /// - Returns: The figures `format` (such as "CycloneDX 1.4 JSON" or "SPDX 2.3"),
  ///   `components`, `with_licence`, `with_version`, `with_purl`, then `vulnerabilities`
  ///   with `critical`, `high`, `medium`, `low` and `other` (only "not listed" when the BOM
  ///   has no vulnerability list), then `licence_share_percent`, `version_share_percent`
  ///   and `purl_share_percent` with two decimals when there is at least one component;
  ///   the metric `open_critical_findings` (critical plus high) only when the BOM lists
  ///   vulnerabilities; warnings about odd but readable content.
  /// - Throws: One error diagnostic when the file is empty, not well-formed JSON or XML,
  ///   not a CycloneDX or SPDX 2.x document, or SPDX 3.0.
  public static func read(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    let body = file.bytes.dropFirst(file.hasByteOrderMark ? 3 : 0)
    switch body.first(where: JUnitReader.isText) {
    case UInt8(ascii: "<"):
      return try XMLCollector(file: file).run()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      return try readJSON(file)
    case nil:
      throw Diagnostic(.error, "\(expected), found an empty file", in: file, line: 1, column: 1)
    default:
      let found = JUnitReader.firstCharacter(of: file)
      throw Diagnostic(.error, "\(expected), found \(found)", in: file, line: 1, column: 1)
    }
  }

  static let expected =
    "expected a CycloneDX (JSON or XML) or SPDX 2.x (JSON) bill of materials"

  /// Parses the JSON and hands the top-level object to the reader of its format.
  private static func readJSON(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(file.bytes))
    } catch {
      throw jsonSyntaxError(error as NSError, in: file)
    }
    guard let root = object as? [String: Any] else {
      throw Diagnostic(
        .error, "\(expected), found a JSON \(kind(of: object)) at the top level", in: file,
        line: 1, column: 1)
    }
    if root["@context"] != nil { throw spdx3Error(root["@context"], in: file) }
    if root["bomFormat"] != nil { return try readCycloneDX(root, in: file) }
    if root["spdxVersion"] != nil { return try readSPDX(root, in: file) }
    throw Diagnostic(
      .error, "\(expected), found a JSON object with neither \"bomFormat\" nor \"spdxVersion\"",
      in: file, line: 1, column: 1)
  }

  /// Figures and the metric from the counts, with `format` as the first figure.
  static func reading(
    _ tally: Tally, format: String, in file: SourceFile, warnings: [Diagnostic]
  ) -> ArtifactReading {
    var warnings = warnings
    if tally.components == 0 {
      let message = "expected at least one component, found none; there are no shares"
      warnings.append(Diagnostic(.warning, message, in: file, line: 1, column: 1))
    }
    var figures: [(name: String, value: String)] = [
      ("format", format), ("components", String(tally.components)),
      ("with_licence", String(tally.withLicence)), ("with_version", String(tally.withVersion)),
      ("with_purl", String(tally.withPurl)),
    ]
    figures += vulnerabilityFigures(tally.vulnerabilities)
    figures += shareFigures(tally)
    var metrics: [String: Double] = [:]
    if let counts = tally.vulnerabilities {
      metrics["open_critical_findings"] = Double(
        counts[.critical, default: 0] + counts[.high, default: 0])
    }
    return ArtifactReading(format: "sbom", metrics: metrics, figures: figures, warnings: warnings)
  }

  private static func vulnerabilityFigures(
    _ counts: [Severity: Int]?
  ) -> [(name: String, value: String)] {
    guard let counts else { return [("vulnerabilities", "not listed")] }
    let severities: [(String, Severity)] = [
      ("critical", .critical), ("high", .high), ("medium", .medium), ("low", .low),
      ("other", .other),
    ]
    return [("vulnerabilities", String(counts.values.reduce(0, +)))]
      + severities.map { ($0.0, String(counts[$0.1, default: 0])) }
  }

  private static func shareFigures(_ tally: Tally) -> [(name: String, value: String)] {
    guard tally.components > 0 else { return [] }
    let share = { (count: Int) in
      NumberText.fixed(100 * Double(count) / Double(tally.components), decimals: 2)
    }
    return [
      ("licence_share_percent", share(tally.withLicence)),
      ("version_share_percent", share(tally.withVersion)),
      ("purl_share_percent", share(tally.withPurl)),
    ]
  }
}

// MARK: - JSON helpers

extension SBOMReader {
  /// A JSONSerialization error, placed at the character it names or at the end of input.
  static func jsonSyntaxError(_ error: NSError, in file: SourceFile) -> Diagnostic {
    let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
    if detail.contains("end of file") || detail.contains("end of data") {
      let end = file.position(ofByte: file.bytes.count)
      return Diagnostic(
        .error,
        "expected the rest of the JSON document, found the end of the file; "
          + "is it truncated?", in: file, line: end.line, column: end.column)
    }
    let offset = detail.split(separator: " ").last.flatMap {
      Int($0.trimmingCharacters(in: .punctuationCharacters))
    }
    let place = file.position(ofByte: offset ?? 0)
    return Diagnostic(
      .error, "expected well-formed JSON, found a syntax error (\(detail))", in: file,
      line: place.line, column: place.column)
  }

  /// The error for an SPDX 3.0 JSON-LD document, naming its `@context`.
  static func spdx3Error(_ context: Any?, in file: SourceFile) -> Diagnostic {
    let shown = (context as? String).map { "\"\($0)\"" } ?? "a JSON \(kind(of: context))"
    let place = position(ofKey: "@context", in: file)
    return Diagnostic(
      .error,
      "SPDX 3.0 JSON-LD (@context \(shown)) is not supported yet; "
        + "expected CycloneDX JSON or XML, or SPDX 2.2 or 2.3 JSON", in: file,
      line: place.line, column: place.column)
  }

  /// Where `"key"` first appears in the file, or 1:1: JSONSerialization keeps no positions.
  static func position(ofKey key: String, in file: SourceFile) -> (line: Int, column: Int) {
    let wanted = Array("\"\(key)\"".utf8)
    guard let index = file.bytes.indices.first(where: { file.bytes[$0...].starts(with: wanted) })
    else { return (1, 1) }
    return file.position(ofByte: index)
  }

  /// "string", "array", … for messages about a value of the wrong type.
  static func kind(of value: Any?) -> String {
    switch value {
    case is String: return "string"
    case is [Any]: return "array"
    case is [String: Any]: return "object"
    case is NSNull, nil: return "null"
    case is Bool, is NSNumber: return "number or boolean"
    default: return "value"
    }
  }

  /// True when the value is a string with something other than white space in it.
  static func isFilled(_ value: Any?) -> Bool {
    guard let text = value as? String else { return false }
    return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }
}

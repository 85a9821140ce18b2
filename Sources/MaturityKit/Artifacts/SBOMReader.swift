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

  /// Reads one CycloneDX or SPDX 2.x file already in memory.
  public static func read(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    try read(ArtifactFile(file))
  }

  /// Reads one CycloneDX or SPDX 2.x file, streamed whether JSON or XML.
  ///
  /// - Parameter file: The BOM and the path to show in diagnostics.
  /// - Returns: The figures `format` (such as "CycloneDX 1.4 JSON" or "SPDX 2.3"),
  ///   `components`, `with_licence`, `with_version`, `with_purl`, then `vulnerabilities`
  ///   with `critical`, `high`, `medium`, `low` and `other` (only "not listed" when the BOM
  ///   has no vulnerability list), then `licence_share_percent`, `version_share_percent`
  ///   and `purl_share_percent` with two decimals when there is at least one component;
  ///   the metric `open_critical_findings` (critical plus high) only when the BOM lists
  ///   vulnerabilities; warnings about odd but readable content.
  /// - Throws: One error diagnostic when the file is empty, not well-formed JSON or XML,
  ///   not a CycloneDX or SPDX 2.x document, or SPDX 3.0.
  public static func read(_ file: ArtifactFile) throws(Diagnostic) -> ArtifactReading {
    let head = try file.head(4)
    if let wide = WideEncoding(sniffing: head) {
      // Only XML may come in another encoding: it is converted or refused as XML.
      guard !wide.startsJSON(head) else { throw wide.error(in: file, expected: "JSON") }
      return try XMLCollector(file: SafeXMLParser.readable(file)).run()
    }
    switch try firstByte(of: file) {
    case UInt8(ascii: "<"):
      return try XMLCollector(file: SafeXMLParser.readable(file)).run()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      return try readJSON(file)
    case nil:
      throw file.diagnostic(.error, "\(expected), found an empty file", line: 1, column: 1)
    default:
      let found = JUnitReader.firstCharacter(of: file)
      throw file.diagnostic(.error, "\(expected), found \(found)", line: 1, column: 1)
    }
  }

  static let expected =
    "expected a CycloneDX (JSON or XML) or SPDX 2.x (JSON) bill of materials"

  /// The first byte that is not white space or a byte-order mark, from the file's head or,
  /// when the head is all white space, from further on.
  private static func firstByte(of file: ArtifactFile) throws(Diagnostic) -> UInt8? {
    let head = try file.head()
    let body = head.starts(with: SourceFile.byteOrderMark) ? head.dropFirst(3) : head[...]
    if let first = body.first(where: JUnitReader.isText) { return first }
    guard head.count == 4096 else { return nil }
    return try JSONEventReader(file).firstByte()
  }

  /// Streams the top-level object and hands what it holds to the reader of its format.
  private static func readJSON(_ file: ArtifactFile) throws(Diagnostic) -> ArtifactReading {
    let reader = try JSONEventReader(file)
    let start = try reader.nextEvent()
    guard start.kind == .objectStart else {
      try reader.skipValue(startingWith: start)
      try reader.finish()
      throw file.diagnostic(
        .error, "\(expected), found a JSON \(kind(of: start)) at the top level",
        line: start.line, column: start.column)
    }
    var root = JSONRoot(reader)
    try root.read()
    try reader.finish()
    if let context = root.context { throw spdx3Error(context, in: file) }
    if root.bomFormat != nil { return try readCycloneDX(root, in: file) }
    if root.spdxVersion != nil { return try readSPDX(root, in: file) }
    throw file.diagnostic(
      .error, "\(expected), found a JSON object with neither \"bomFormat\" nor \"spdxVersion\"",
      line: start.line, column: start.column)
  }

  /// Figures and the metric from the counts, with `format` as the first figure.
  static func reading(
    _ tally: Tally, format: String, in file: ArtifactFile, warnings: [Diagnostic]
  ) -> ArtifactReading {
    var warnings = warnings
    if tally.components == 0 {
      let message = "expected at least one component, found none; there are no shares"
      warnings.append(file.diagnostic(.warning, message, line: 1, column: 1))
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
  /// A key of the top level and the small value after it.
  typealias Member = (key: JSONEvent, value: JSONNode)

  /// The error for an SPDX 3.0 JSON-LD document, naming its `@context`.
  static func spdx3Error(_ context: Member, in file: ArtifactFile) -> Diagnostic {
    let shown = context.value.string.map { "\"\($0)\"" } ?? "a JSON \(kind(of: context.value))"
    return file.diagnostic(
      .error,
      "SPDX 3.0 JSON-LD (@context \(shown)) is not supported yet; "
        + "expected CycloneDX JSON or XML, or SPDX 2.2 or 2.3 JSON",
      line: context.key.line, column: context.key.column)
  }

  /// An error at `key` for a value of the wrong JSON type.
  static func wrongType(
    _ key: JSONEvent, _ expected: String, found value: JSONEvent, in file: ArtifactFile
  ) -> Diagnostic {
    file.diagnostic(
      .error, "expected \"\(key.key ?? "")\" to be \(expected), found a \(kind(of: value))",
      line: key.line, column: key.column)
  }

  /// "string", "array", … for messages about a value of the wrong type.
  static func kind(of event: JSONEvent) -> String {
    switch event.kind {
    case .string: "string"
    case .arrayStart: "array"
    case .objectStart: "object"
    case .bool, .number: "number or boolean"
    case .null, .objectEnd, .arrayEnd, .key: "null"
    }
  }

  static func kind(of node: JSONNode) -> String {
    switch node.value {
    case .string: "string"
    case .array: "array"
    case .object: "object"
    case .bool, .number: "number or boolean"
    case .null: "null"
    }
  }

  /// A JSON value quoted for a message: `"SPDX"`, `a number or boolean`, `nothing`.
  static func shown(_ node: JSONNode?) -> String {
    guard let node else { return "nothing" }
    return node.string.map { "\"\($0)\"" } ?? "a \(kind(of: node))"
  }

  /// True when the value is a string with something other than white space in it.
  static func isFilled(_ node: JSONNode?) -> Bool {
    isFilled(node?.string)
  }

  static func isFilled(_ text: String?) -> Bool {
    guard let text else { return false }
    return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }
}

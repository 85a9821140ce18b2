/// Reads a JSON report written by `maturity assess --format json` back into a snapshot.
///
/// JSON is read with the YAML loader (flow-style YAML), so that a damaged file gets an
/// error with its line and column like every other input. Keys this version does not
/// know are ignored, so that reports from newer minor versions still compare.
public enum SnapshotReader {
  /// The reports of a file: one, or every report of a report set (several bundles).
  public static func readAll(_ file: SourceFile) throws(Diagnostic) -> [ReportSnapshot] {
    let root = try loadRoot(file)
    let reader = NodeReader(file: file)
    guard reader.text(root, "format") == "maturity-report-set" else {
      return [try read(root, reader: reader)]
    }
    var snapshots: [ReportSnapshot] = []
    for report in try reader.list(root, "reports") {
      snapshots.append(try read(report, reader: reader))
    }
    return snapshots
  }

  public static func read(_ file: SourceFile) throws(Diagnostic) -> ReportSnapshot {
    try read(try loadRoot(file), reader: NodeReader(file: file))
  }

  private static func loadRoot(_ file: SourceFile) throws(Diagnostic) -> YAMLNode {
    let root: YAMLNode?
    do {
      root = try YAMLLoader.load(file)
    } catch {
      throw error.diagnostics.first ?? Diagnostic(.error, "cannot read '\(file.path)'")
    }
    guard let root, root.mapping != nil else {
      throw Diagnostic(
        .error, "expected a JSON report written by 'maturity assess --format json'",
        in: file, line: 1, column: 1)
    }
    return root
  }

  private static func read(_ root: YAMLNode, reader: NodeReader) throws(Diagnostic)
    -> ReportSnapshot
  {
    guard reader.text(root, "format") == "maturity-report" else {
      throw reader.problem(
        "expected a JSON report written by 'maturity assess --format json'"
          + " (\"format\": \"maturity-report\")", at: reader.child(root, "format") ?? root)
    }
    guard let versionNode = reader.child(root, "version"), let version = reader.int(versionNode)
    else {
      throw reader.problem(
        "expected \"version\" as a number", at: reader.child(root, "version") ?? root)
    }
    guard version == JSONReport.formatVersion else {
      throw reader.problem(
        "this report has format version \(version); this maturity reads version"
          + " \(JSONReport.formatVersion)", at: reader.child(root, "version") ?? root)
    }
    var standards: [ReportSnapshot.StandardState] = []
    for domain in try reader.list(root, "domains") {
      let domainID = try reader.required(domain, "id")
      for result in try reader.list(domain, "results") {
        standards.append(try standardState(result, domain: domainID, reader: reader))
      }
    }
    let health = reader.child(root, "health")
    func ids(_ key: String, field: String = "id") -> [String] {
      guard let items = health.flatMap({ reader.child($0, key) })?.sequence else { return [] }
      return items.compactMap { $0.scalar?.text ?? reader.text($0, field) }
    }
    return ReportSnapshot(
      bundle: reader.text(root, "bundle") ?? "", standards: standards, expired: ids("expired"),
      waiversInForce: ids("waivers_in_force", field: "requirement"),
      notAssessed: ids("not_assessed"),
      brokenReferences: health.flatMap { reader.child($0, "broken_references") }?.sequence?.count
        ?? 0)
  }

  private static func standardState(
    _ node: YAMLNode, domain: String, reader: NodeReader
  ) throws(Diagnostic) -> ReportSnapshot.StandardState {
    let id = try reader.required(node, "standard")
    let kindText = try reader.required(node, "kind")
    guard let kind = Standard.Kind(rawValue: kindText) else {
      throw reader.problem(
        "expected kind levelled or conformance, found '\(kindText)'",
        at: reader.child(node, "kind") ?? node)
    }
    var statuses: [(id: String, status: RequirementStatus)] = []
    for item in try reader.list(node, "requirements") {
      let statusText = try reader.required(item, "status")
      guard let status = RequirementStatus(rawValue: statusText) else {
        throw reader.problem(
          "unknown requirement status '\(statusText)'", at: reader.child(item, "status") ?? item)
      }
      statuses.append((try reader.required(item, "id"), status))
    }
    return ReportSnapshot.StandardState(
      standard: id, domain: domain, kind: kind,
      level: try reader.optionalValue(node, "level", "a level from 0 to 100") {
        reader.int($0).flatMap { (0...100).contains($0) ? $0 : nil }
      },
      coverage: try reader.optionalValue(node, "coverage", "a coverage from 0 to 100") {
        reader.number($0).flatMap { $0.isFinite && (0...100).contains($0) ? $0 : nil }
      },
      conforms: try reader.optionalValue(node, "conforms", "true or false", reader.bool),
      statuses: statuses)
  }
}

/// Lenient access to the nodes of a JSON report, with errors that point into the file.
private struct NodeReader {
  let file: SourceFile

  func child(_ node: YAMLNode, _ key: String) -> YAMLNode? {
    node.mapping?.first { $0.key.scalar?.text == key }?.value
  }

  func text(_ node: YAMLNode, _ key: String) -> String? { child(node, key)?.scalar?.text }

  func required(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> String {
    guard let value = text(node, key) else { throw problem("missing \"\(key)\"", at: node) }
    return value
  }

  func list(_ node: YAMLNode, _ key: String) throws(Diagnostic) -> [YAMLNode] {
    guard let value = child(node, key) else { throw problem("missing \"\(key)\"", at: node) }
    guard let items = value.sequence else {
      throw problem("expected \"\(key)\" to be a list, found \(value.kindDescription)", at: value)
    }
    return items
  }

  func int(_ node: YAMLNode) -> Int? {
    if case .int(let value) = node.scalar?.resolved { return value }
    return nil
  }

  func number(_ node: YAMLNode) -> Double? {
    switch node.scalar?.resolved {
    case .int(let value): return Double(value)
    case .float(let value): return value
    default: return nil
    }
  }

  func bool(_ node: YAMLNode) -> Bool? {
    if case .bool(let value) = node.scalar?.resolved { return value }
    return nil
  }

  /// The value of `key` read by `read`, nil when absent or null, and an error when present
  /// but not what is expected (a baseline value is never skipped silently).
  func optionalValue<T>(
    _ node: YAMLNode, _ key: String, _ expected: String, _ read: (YAMLNode) -> T?
  ) throws(Diagnostic) -> T? {
    guard let value = child(node, key), value.scalar?.resolved != .null else { return nil }
    guard let result = read(value) else {
      let found = value.scalar.map { "'\($0.text)'" } ?? value.kindDescription
      throw problem("expected \"\(key)\" to be \(expected), found \(found)", at: value)
    }
    return result
  }

  func problem(_ message: String, at node: YAMLNode) -> Diagnostic {
    Diagnostic(.error, message, in: file, line: node.line, column: node.column)
  }
}

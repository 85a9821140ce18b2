/// Reads a Cobertura XML coverage report (coverage.py, istanbul, simplecov, MATLAB, Swift
/// and Java tools): line and branch coverage.
///
/// The percentages are the root `<coverage>` element's `line-rate` and `branch-rate` when
/// they are numbers from 0 to 1, and otherwise are recomputed from the `<line>` records:
/// a line is covered when `hits` is above 0, a line listed twice in one file counts once,
/// and branches come from `condition-coverage="50% (1/2)"` on lines with `branch="true"`.
/// A class's own `<lines>` are used when it has them (method lines repeat them or point at
/// declarations); otherwise its method lines are. The figures always count the records.
/// No DTD or external entity is ever read.
public enum CoberturaReader {
  /// Reads one Cobertura report.
  ///
  /// - Parameter file: the report's bytes and the path to show in diagnostics.
  /// - Returns: figures `lines_covered`, `lines_total`, `branches_covered` and
  ///   `branches_total` (or `branches: not measured`), `files`; metrics
  ///   `line_coverage_percent` and `branch_coverage_percent` (0 to 100) when measured.
  /// - Throws: one error when the file is empty, not XML, malformed, truncated, declares
  ///   entities, or is not a Cobertura report.
  public static func read(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    try checkPrologue(of: file)
    let scanner = Scanner(file: file)
    try scanner.run()
    let root = Root(attributes: scanner.rootAttributes, file: file, at: scanner.rootPosition)
    let counted = scanner.totals
    var warnings = scanner.warnings
    let lines = share(.lines, counted: counted.lines, root: root, warnings: &warnings)
    let branches = share(.branches, counted: counted.branches, root: root, warnings: &warnings)
    return CoverageTotals.reading(
      format: "cobertura", lines: lines ?? CoverageTotals.Share(covered: 0, total: 0),
      branches: branches, files: counted.fileCount, warnings: warnings)
  }

  /// Rejects, before any parsing, an empty file, text that is not XML, and entity
  /// declarations (a coverage report has no use for them, and they can expand without end).
  private static func checkPrologue(of file: SourceFile) throws(Diagnostic) {
    let start = file.hasByteOrderMark ? 3 : 0
    let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
    guard let first = file.bytes[start...].firstIndex(where: { !whitespace.contains($0) }) else {
      throw Diagnostic(
        .error, "expected a Cobertura XML report, found an empty file", in: file, line: 1,
        column: 1)
    }
    guard file.bytes[first] == UInt8(ascii: "<") else {
      let position = file.position(ofByte: first)
      let found = file.line(position.line)?.dropFirst(position.column - 1).prefix(20) ?? ""
      throw failure("expected an XML document starting with '<', found \"\(found)\"", file, first)
    }
    if let entity = firstEntityDeclaration(in: file.bytes) {
      throw failure(
        "expected no <!ENTITY> declarations in a coverage report, found one", file, entity)
    }
  }

  /// The offset of the first `<!ENTITY` before the first `<coverage`, where a DOCTYPE
  /// would hold it.
  private static func firstEntityDeclaration(in bytes: [UInt8]) -> Int? {
    let entity = Array("<!ENTITY".utf8)
    let root = Array("<coverage".utf8)
    var offset = 0
    while offset + entity.count <= bytes.count {
      if bytes[offset] == UInt8(ascii: "<") {
        if bytes[offset...].starts(with: entity) { return offset }
        if bytes[offset...].starts(with: root) { return nil }
      }
      offset += 1
    }
    return nil
  }

  private static func failure(_ message: String, _ file: SourceFile, _ offset: Int)
    -> Diagnostic
  {
    let position = file.position(ofByte: offset)
    return Diagnostic(.error, message, in: file, line: position.line, column: position.column)
  }
}

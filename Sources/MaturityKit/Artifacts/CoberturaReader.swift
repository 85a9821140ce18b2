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
    try read(ArtifactFile(file))
  }

  /// Reads one Cobertura report streamed from disk; memory grows with the distinct lines of
  /// each source file, never with the size of the report.
  public static func read(_ file: ArtifactFile) throws(Diagnostic) -> ArtifactReading {
    let file = try SafeXMLParser.readable(file)
    try checkPrologue(of: file)
    let scanner = Scanner(file: file)
    try scanner.run()
    let at = scanner.rootPosition
    let root = Root(
      attributes: scanner.rootAttributes, file: file, at: at, text: file.text(ofLine: at.line))
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
  private static func checkPrologue(of file: ArtifactFile) throws(Diagnostic) {
    let head = try file.head()
    let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
    let start = head.starts(with: SourceFile.byteOrderMark) ? 3 : 0
    guard let first = head[start...].firstIndex(where: { !whitespace.contains($0) }) else {
      guard head.count == 4096, file.endOfText().hasText else {
        throw file.diagnostic(
          .error, "expected a Cobertura XML report, found an empty file", line: 1, column: 1)
      }
      // Over 4 KB of white space before the first tag: leave it to the XML parser.
      return
    }
    guard head[first] == UInt8(ascii: "<") else {
      let position = file.position(ofByte: first)
      let found = file.text(ofLine: position.line)?.dropFirst(position.column - 1).prefix(20)
      throw failure(
        "expected an XML document starting with '<', found \"\(found ?? "")\"", file, first)
    }
    if let entity = try firstEntityDeclaration(in: file) {
      throw failure(
        "expected no <!ENTITY> declarations in a coverage report, found one", file, entity)
    }
  }

  /// The offset of the first `<!ENTITY` before the first `<coverage`, where a DOCTYPE
  /// would hold it, read a chunk at a time with the end of the last chunk carried over.
  private static func firstEntityDeclaration(in file: ArtifactFile) throws(Diagnostic) -> Int? {
    let entity = Array("<!ENTITY".utf8)
    let root = Array("<coverage".utf8)
    let chunks = try file.chunks()
    var window: [UInt8] = []
    var windowStart = 0
    while let chunk = try chunks.next() {
      window += chunk
      var offset = 0
      while offset + root.count <= window.count {
        if window[offset] == UInt8(ascii: "<") {
          if window[offset...].starts(with: entity) { return windowStart + offset }
          if window[offset...].starts(with: root) { return nil }
        }
        offset += 1
      }
      windowStart += offset
      window.removeFirst(offset)
    }
    return window.starts(with: entity) ? windowStart : nil
  }

  private static func failure(_ message: String, _ file: ArtifactFile, _ offset: Int)
    -> Diagnostic
  {
    let position = file.position(ofByte: offset)
    return file.diagnostic(.error, message, line: position.line, column: position.column)
  }
}

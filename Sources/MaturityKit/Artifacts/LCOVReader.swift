/// Reads an LCOV tracefile (lcov/geninfo, coverlet, c8, istanbul, grcov): line and branch
/// coverage.
///
/// Coverage is always recomputed from the `DA:` and `BRDA:` records: a line is covered
/// when one of its records has hits above 0, and a line listed twice for one source file
/// (in one record or in two records with the same `SF:`) counts once. A branch is a
/// distinct `BRDA:line,block,branch` in a source file, taken when its count is above 0
/// (`-` is 0). The summary lines `LF`, `LH`, `BRF` and `BRH` are only checked against the
/// records of their own record, with a warning when they disagree.
public enum LCOVReader {
  /// Reads one LCOV tracefile.
  ///
  /// - Parameter file: the tracefile's bytes and the path to show in diagnostics.
  /// - Returns: figures `lines_covered`, `lines_total`, `branches_covered` and
  ///   `branches_total` (or `branches: not measured` when there is no `BRDA:`), `files`;
  ///   metrics `line_coverage_percent` and `branch_coverage_percent` (0 to 100) when
  ///   measured.
  /// - Throws: one error when the file is empty, has a malformed line (with its line
  ///   number), has a record that is not closed by `end_of_record`, or has no `SF:` record.
  public static func read(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    try read(ArtifactFile(file))
  }

  /// Reads one LCOV tracefile a line at a time; memory grows with the distinct lines and
  /// branches of each source file, never with the file's size.
  public static func read(_ file: ArtifactFile) throws(Diagnostic) -> ArtifactReading {
    let lines = try TextLines(file, expected: "an LCOV tracefile")
    var parser = Parser(file: file)
    var hasText = false
    while let text = try lines.next() {
      hasText = hasText || text.utf8.contains { ![0x20, 0x09, 0x0D].contains($0) }
      try parser.read(text, line: lines.number)
    }
    guard hasText else {
      throw file.diagnostic(
        .error, "expected an LCOV tracefile, found an empty file", line: 1, column: 1)
    }
    try parser.finish(lastLine: max(lines.number, 1), text: lines.last)
    let branches = parser.totals.branches
    return CoverageTotals.reading(
      format: "lcov", lines: parser.totals.lines, branches: branches.total > 0 ? branches : nil,
      files: parser.totals.fileCount, warnings: parser.warnings)
  }
}

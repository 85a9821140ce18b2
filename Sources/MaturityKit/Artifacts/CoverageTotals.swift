/// Line and branch coverage counted from the records of a coverage report (Cobertura,
/// LCOV), keyed by source file and line, so that a line listed twice counts once.
struct CoverageTotals: Sendable {
  /// How many of how many were covered, and the percentage to report for them.
  struct Share: Sendable, Equatable {
    var covered: Int
    var total: Int
    /// 0 to 100; the producer's own rate when the caller trusts it, else covered / total.
    var percent: Double?

    init(covered: Int, total: Int, percent: Double? = nil) {
      self.covered = covered
      self.total = total
      self.percent = percent ?? (total > 0 ? Double(covered) * 100 / Double(total) : nil)
    }
  }

  /// Source file → its distinct lines and which were covered.
  private var lineHits: [String: LineSet] = [:]
  /// Source file → its branches, covered and present behind each key.
  private var branchHits: [String: BranchSet] = [:]

  /// Counts `file` even when it has no line records.
  mutating func addFile(_ file: String) {
    if lineHits[file] == nil { lineHits[file] = LineSet() }
  }

  /// Records line `number` of `file`; a line already seen stays covered once covered.
  mutating func addLine(_ number: Int, isCovered: Bool, in file: String) {
    lineHits[file, default: LineSet()].add(number, isCovered: isCovered)
  }

  /// Records the branches behind `key` in `file`; a key seen again keeps the larger counts.
  mutating func addBranches(_ key: BranchKey, covered: Int, total: Int, in file: String) {
    addFile(file)
    branchHits[file, default: BranchSet()].add(key, covered: covered, total: total)
  }

  /// The distinct source files seen.
  var fileCount: Int { lineHits.count }

  /// Lines covered by at least one record, of all distinct lines.
  var lines: Share {
    let perFile = lineHits.values
    return Share(
      covered: perFile.reduce(0) { $0 + $1.covered }, total: perFile.reduce(0) { $0 + $1.count })
  }

  /// Branches covered, of all branches, summed over distinct branch keys.
  var branches: Share {
    let shares = branchHits.values.map(\.share)
    return Share(
      covered: shares.reduce(0) { $0 + $1.covered }, total: shares.reduce(0) { $0 + $1.total })
  }

  /// The reading: figures lines_covered, lines_total, then branches_covered and
  /// branches_total (or `branches: not measured`), then files; a metric for each share
  /// with a total above 0.
  ///
  /// - Parameters:
  ///   - lines: the line share to report.
  ///   - branches: the branch share, or nil when the report does not measure branches.
  static func reading(
    format: String, lines: Share, branches: Share?, files: Int, warnings: [Diagnostic]
  ) -> ArtifactReading {
    var reading = ArtifactReading(format: format, warnings: warnings)
    reading.figures = [("lines_covered", "\(lines.covered)"), ("lines_total", "\(lines.total)")]
    if lines.total > 0, let percent = lines.percent {
      reading.metrics["line_coverage_percent"] = percent
    }
    if let branches, branches.total > 0, let percent = branches.percent {
      reading.figures += [
        ("branches_covered", "\(branches.covered)"), ("branches_total", "\(branches.total)"),
      ]
      reading.metrics["branch_coverage_percent"] = percent
    } else {
      reading.figures.append(("branches", "not measured"))
    }
    reading.figures.append(("files", "\(files)"))
    return reading
  }
}

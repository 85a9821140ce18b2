/// The gate's verdict as lines shared by the text and Markdown reports.
enum GateSection {
  /// "Gate passed (4 checks)" or "Gate FAILED: 1 of 4 checks".
  static func headline(_ gate: GateResult) -> String {
    let failed = gate.checks.filter { !$0.passed }.count
    return gate.passed
      ? "passed (\(gate.checks.count) checks)"
      : "FAILED: \(failed) of \(gate.checks.count) checks"
  }

  static func check(_ check: GateCheck) -> String {
    "\(check.passed ? "pass" : "FAIL")  \(check.name): \(check.detail)"
  }

  static func changes(_ comparison: SnapshotComparison) -> [(title: String, lines: [String])] {
    let other = comparison.changes.filter { !$0.isRegression && !$0.isImprovement }
    return [
      ("Regressions against the baseline", comparison.regressions.map(\.summary)),
      ("Improvements", comparison.improvements.map(\.summary)),
      ("Other changes", other.map(\.summary)),
    ]
  }

  static func json(_ gate: GateResult) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("passed", .bool(gate.passed)),
      (
        "checks",
        .array(
          gate.checks.map {
            .object([
              ("name", .string($0.name)), ("passed", .bool($0.passed)),
              ("detail", .string($0.detail)),
            ])
          })
      ),
    ]
    if let comparison = gate.comparison {
      members.append(("comparison", DiffReport.json(comparison)))
    }
    return .object(members)
  }
}

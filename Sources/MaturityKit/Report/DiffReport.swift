/// What changed between two reports, as text, Markdown or JSON.
public struct DiffReport: Sendable {
  public var old: ReportSnapshot
  public var new: ReportSnapshot
  public var comparison: SnapshotComparison

  public init(
    old: ReportSnapshot, new: ReportSnapshot, tolerance: Double, loaded: Set<String> = []
  ) {
    self.old = old
    self.new = new
    comparison = SnapshotComparison(old: old, new: new, tolerance: tolerance, loaded: loaded)
  }

  /// Evidence health counts before and after.
  var health: [(name: String, old: Int, new: Int)] {
    [
      ("expired evidence", old.expired.count, new.expired.count),
      ("waivers in force", old.waiversInForce.count, new.waiversInForce.count),
      ("required not assessed", old.notAssessed.count, new.notAssessed.count),
      ("broken references", old.brokenReferences, new.brokenReferences),
    ]
  }

  public func text() -> String {
    var out = ["Changes from \(old.bundle) to \(new.bundle)"]
    out.append(contentsOf: levelLines().map { "  \($0)" })
    for section in GateSection.changes(comparison) {
      out.append("")
      out.append("\(section.title) (\(section.lines.count))")
      out += section.lines.map { "  \($0)" }
    }
    out.append("")
    out.append("Evidence health")
    out += health.map { "  \($0.name): \($0.old) → \($0.new)" }
    return out.map(TerminalText.neutralised).joined(separator: "\n") + "\n"
  }

  public func markdown() -> String {
    let escape = MarkdownReport().md
    var out = ["# Changes from \(escape(old.bundle)) to \(escape(new.bundle))", ""]
    out += levelLines().map { "- \(escape($0))" }
    for section in GateSection.changes(comparison) {
      out += ["", "## \(section.title) (\(section.lines.count))", ""]
      out += section.lines.map { "- \(escape($0))" }
    }
    out += ["", "## Evidence health", "", "| | before | after |", "|---|---|---|"]
    out += health.map { "| \($0.name) | \($0.old) | \($0.new) |" }
    return out.joined(separator: "\n") + "\n"
  }

  public func json() -> String {
    JSONValue.object([
      ("format", .string("maturity-diff")),
      ("version", .int(JSONReport.formatVersion)),
      ("old", .string(old.bundle)),
      ("new", .string(new.bundle)),
      ("comparison", Self.json(comparison)),
      (
        "health",
        .array(
          health.map {
            .object([("name", .string($0.name)), ("old", .int($0.old)), ("new", .int($0.new))])
          })
      ),
    ]).serialized()
  }

  static func json(_ comparison: SnapshotComparison) -> JSONValue {
    func changes(_ list: [SnapshotComparison.Change]) -> JSONValue {
      .array(
        list.map {
          .object([
            ("kind", .string($0.kind.rawValue)), ("standard", .string($0.standard)),
            ("id", .optional($0.id)), ("old", .string($0.old)), ("new", .string($0.new)),
          ])
        })
    }
    let other = comparison.changes.filter { !$0.isRegression && !$0.isImprovement }
    return .object([
      ("tolerance", .number(comparison.tolerance)),
      ("regressions", changes(comparison.regressions)),
      ("improvements", changes(comparison.improvements)),
      ("other", changes(other)),
    ])
  }

  /// "caict-cd: level 3 → 3, coverage 3.69 → 3.71" per standard in both reports.
  private func levelLines() -> [String] {
    new.standards.compactMap { after in
      guard let before = old.standard(after.standard) else { return nil }
      switch after.kind {
      case .levelled:
        let coverage = [before.coverage, after.coverage].map {
          $0.map { NumberText.fixed($0, decimals: 2) } ?? "–"
        }
        return "\(after.standard): level \(before.level ?? 0) → \(after.level ?? 0),"
          + " coverage \(coverage[0]) → \(coverage[1])"
      case .conformance:
        let words = [before.conforms, after.conforms].map {
          $0 == true ? "conforms" : "does not conform"
        }
        return "\(after.standard): \(words[0]) → \(words[1])"
      }
    }
  }
}

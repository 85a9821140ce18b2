/// Phrases shared by the text and Markdown reports, so both say the same thing.
enum ReportWording {
  static func level(_ result: StandardResult) -> String {
    let level = result.level ?? 0
    guard level > 0 else { return "below level 1" }
    return "level \(level)" + (result.standard.levelName(level).map { " \($0)" } ?? "")
  }

  static func coverage(_ result: StandardResult) -> String {
    "\(NumberText.fixed(result.coverage ?? 0, decimals: 2)) of \(result.standard.maxLevel)"
  }

  static func conformance(_ result: StandardResult) -> String {
    let counts = "\(result.passingRequiredCount) of \(result.requiredCount) required pass"
    return (result.conforms == true ? "conforms" : "does not conform") + " (\(counts))"
  }

  static func gaps(_ result: StandardResult, target: Int?) -> String {
    let noun = result.gapCount == 1 ? "gap" : "gaps"
    if result.standard.kind == .levelled, let target {
      return "\(result.gapCount) \(noun) to level \(target)"
    }
    return "\(result.gapCount) \(noun)"
  }

  /// "CD-X (level 2), CD-Y (level 2)": the applicable sub-items at the domain level,
  /// which hold it down.
  static func holdingDown(_ result: StandardResult) -> [SubItemResult] {
    let level = result.level ?? 0
    guard level < result.standard.maxLevel else { return [] }
    return result.subItems.filter { $0.isApplicable && $0.level <= level }
  }

  /// The provenance as labelled lines: summary, structure, wording, confidence.
  static func provenance(_ standard: Standard) -> [String] {
    let provenance = standard.provenance
    var lines: [String] = []
    if provenance.isSummary {
      let of = standard.reference.map { " of \($0)" } ?? ""
      lines.append("Our own summary\(of), not the official text.")
    } else if let reference = standard.reference {
      lines.append(reference)
    }
    lines.append("Structure: \(provenance.structure)")
    lines.append("Wording: \(provenance.wording)")
    lines.append("Confidence: \(provenance.confidence.rawValue).")
    return lines
  }

  /// "ci_feedback_minutes = 42 min (0.7 hours), 2026-Q3, docs/ci.csv; decides CD-X".
  static func metric(_ use: MetricUse) -> String {
    let value = use.value
    let unit = MetricCatalog.definition(value.name)?.unit ?? value.writtenUnit
    var text = "\(value.name) = \(NumberText.format(value.value))"
    if !unit.symbol.isEmpty { text += " \(unit.symbol)" }
    if value.writtenUnit != unit {
      text += " (\(NumberText.format(value.writtenValue)) \(value.writtenUnit.rawValue))"
    }
    text += [value.period, value.source].compactMap { $0 }.map { ", \($0)" }.joined()
    if use.decided.isEmpty {
      text += "; decides no requirement in scope"
    } else {
      text += "; decides \(use.decided.joined(separator: ", "))"
    }
    return text
  }

  /// Requirements whose status came through a crosswalk, in report order.
  static func derived(_ assessment: Assessment) -> [RequirementResult] {
    assessment.domains.flatMap { $0.standards.flatMap(\.requirements) }
      .filter { $0.basis == .crosswalk }
  }

  static func statusCounts(_ assessment: Assessment) -> String {
    let results = assessment.domains.flatMap { $0.standards.flatMap(\.requirements) }
    return RequirementStatus.allCases.compactMap { status in
      let count = results.filter { $0.status == status }.count
      return count == 0 ? nil : "\(count) \(status.words)"
    }.joined(separator: ", ")
  }

  static func mode(_ options: AssessmentOptions) -> String {
    options.isStrict
      ? "strict: waivers count as not met"
      : "waivers in force count as met (--strict counts them as not met)"
  }

  /// "L3 not met" or "required not met" for a conformance requirement.
  static func tag(_ result: RequirementResult) -> String {
    if let level = result.requirement.level { return "L\(level)" }
    return result.requirement.obligation == .required ? "req" : "rec"
  }
}

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
      guard (result.level ?? 0) < target else {
        return "target reached"
          + (result.gapCount > 0 ? ", \(result.gapCount) \(noun) at or below it" : "")
      }
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
    let reference = standard.reference.map { " (reference: \($0))" } ?? ""
    if provenance.isSummary {
      switch provenance.nature {
      case .summary: lines.append("Our own summary, not the official text\(reference).")
      case .model:
        lines.append("Our own model, not the official text, which is not public\(reference).")
      case .proposal:
        lines.append("Our own proposal: the requirement texts are ours, not official\(reference).")
      }
    } else if let reference = standard.reference {
      lines.append("Text as given by \(reference).")
    }
    lines.append("Structure: \(provenance.structure)")
    lines.append("Wording: \(provenance.wording)")
    lines.append("Confidence: \(provenance.confidence.rawValue).")
    return lines
  }

  /// "dora: DORA bands; 2019 (high confidence), 2023 (medium confidence)".
  static func bandSet(_ set: BandSet) -> String {
    let years = set.reports.map { "\($0.year) (\($0.confidence.rawValue) confidence)" }
    return "\(set.id): \(set.title); reports \(years.joined(separator: ", "))"
  }

  /// "ci_feedback_minutes = 42 min (0.7 hours), 2026-Q3, docs/ci.csv; decides CD-X".
  static func metric(_ use: MetricUse) -> String {
    let value = use.value
    var text = "\(value.name) = \(value.display)"
    text += [value.period, value.source, value.figures].compactMap { $0 }.map { ", \($0)" }
      .joined()
    if use.decided.isEmpty {
      text += "; decides no requirement in scope"
    } else {
      text += "; decides \(use.decided.joined(separator: ", "))"
    }
    return text + bands(use.bands)
  }

  /// "service pgw-api = 0.45 per day; dora 2023 band: high" for each part of the metric,
  /// such as each service of a deployment log; "= no value" when the part gives none.
  static func parts(_ use: MetricUse) -> [String] {
    use.value.parts.map { part in
      "\(part.kind) \(part.name) = \(use.value.display(part.value))" + bands(part.bands)
    }
  }

  /// "; dora 2023 band: high" for each band set placement.
  static func bands(_ placements: [BandPlacement]) -> String {
    placements.map { "; \($0.description)" }.joined()
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

  static func outOfScope(_ assessment: Assessment) -> String {
    assessment.domainsOutOfScope.joined(separator: ", ")
      + " (no target and no evidence in this bundle)"
  }

  static func mode(_ options: AssessmentOptions) -> String {
    options.isStrict
      ? "strict: waivers count as not met"
      : "waivers in force count as met (--strict counts them as not met)"
  }

  /// "L3" for a level, "req" or "rec" for a conformance requirement.
  static func tag(_ result: RequirementResult) -> String {
    if let level = result.requirement.level { return "L\(level)" }
    return result.requirement.obligation == .required ? "req" : "rec"
  }

  /// " (above the target)" for a gap of a merged to-do item that the target does not need.
  static func aboveTarget(_ result: RequirementResult, in assessment: Assessment) -> String {
    guard let level = result.requirement.level,
      let target = assessment.domains.first(where: { $0.id == result.domainID })?.target,
      level > target
    else { return "" }
    return " (above the target)"
  }
}

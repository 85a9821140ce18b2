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

  static func provenance(_ standard: Standard) -> String {
    let provenance = standard.provenance
    var parts: [String] = []
    if provenance.isSummary {
      let of = standard.reference.map { " of \($0)" } ?? ""
      parts.append("our own summary\(of), not the official text")
    } else if let reference = standard.reference {
      parts.append(reference)
    }
    parts.append("structure: \(provenance.structure)")
    parts.append("wording: \(provenance.wording)")
    parts.append("confidence: \(provenance.confidence.rawValue)")
    return parts.joined(separator: "; ")
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

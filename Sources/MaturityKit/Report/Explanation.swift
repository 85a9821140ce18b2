/// Why a requirement has its status in one bundle, and what would change it, for
/// `maturity explain`.
public struct Explanation: Sendable {
  public var library: StandardsLibrary
  public var bundle: EvidenceBundle
  public var assessment: Assessment

  public init(library: StandardsLibrary, bundle: EvidenceBundle, assessment: Assessment) {
    self.library = library
    self.bundle = bundle
    self.assessment = assessment
  }

  public func explain(_ id: String) -> String? {
    guard let place = library.requirement(id) else { return nil }
    let requirement = place.requirement
    let result =
      assessment.result(id)
      ?? Assessor(library: library, options: assessment.options)
      .requirementResults(bundle)[id]
    guard let result else { return nil }
    var out = ["\(id) in \(bundle.path): \(result.status.words)"]
    let level = requirement.level.map { "level \($0), " } ?? ""
    out += TextWrap.hanging(
      "\(place.standard.id), sub-item \(place.subItem.id) (\(place.subItem.name)), \(level)"
        + "\(requirement.obligation.rawValue): \(requirement.text)", width: 100, first: "  ",
      rest: "    ")
    out.append("")
    out.append("How the status was reached (\(result.basis.rawValue)):")
    out += TextWrap.hanging(result.reason, width: 100, first: "  ", rest: "    ")
    out += evidenceLines(requirement, place.subItem)
    if let contradiction = result.contradiction {
      out += TextWrap.hanging(
        "contradiction: \(contradiction)", width: 100, first: "  ", rest: "    ")
    }
    out += crosswalkLines(id)
    if let subItem = assessment.subItem(place.subItem.id), let level = requirement.level {
      out.append("")
      out.append(
        "Effect: sub-item \(subItem.id) is at level \(subItem.level), score"
          + " \(NumberText.fixed(subItem.score, decimals: 2))"
          + (requirement.isRequired && !result.status.passes(strict: assessment.options.isStrict)
            && level <= subItem.level + 1
            ? "; this requirement keeps it from level \(level)" : ""))
    }
    out.append("")
    out.append("What would change it:")
    out += whatWouldChange(result, subItem: place.subItem).map { "  - \($0)" }
    return out.map(TerminalText.neutralised).joined(separator: "\n") + "\n"
  }

  /// The metric's band in each band set that covers it, then its value and bands for each
  /// part it was worked out for (a deployment log's services).
  private func bandLines(_ metric: String) -> [String] {
    guard let use = assessment.metrics.first(where: { $0.value.name == metric }) else {
      return []
    }
    let whole = use.bands.map { "    \($0.description)" }
    return whole + ReportWording.parts(use).map { "    \($0)" }
  }

  private func evidenceLines(_ requirement: Requirement, _ subItem: Group) -> [String] {
    var lines: [String] = []
    if let claim = bundle.claims.first(where: { $0.requirementID == requirement.id }) {
      lines.append("  claim at \(claim.location): \(claim.status?.rawValue ?? "unanswered")")
      lines += attestationLines(claim.attestation)
    }
    if let rating = bundle.ratings.first(where: { $0.subItemID == subItem.id }) {
      lines.append("  rating of \(subItem.id) at \(rating.location): \(rating.notation)")
      lines += attestationLines(rating.attestation)
    }
    if let rule = requirement.metric {
      if let metric = bundle.metrics.first(where: { $0.name == rule.metric }) {
        lines.append(
          "  metric \(metric.name) at \(metric.location): "
            + "\(NumberText.measured(metric.writtenValue)) \(metric.writtenUnit.rawValue)"
            + (metric.period.map { ", period \($0)" } ?? "")
            + (metric.source.map { ", from \($0)" } ?? ""))
        lines += bandLines(rule.metric)
      } else {
        lines.append("  metric \(rule.metric): not given (the rule is \(rule.condition))")
      }
    }
    if let waiver = bundle.waivers.first(where: { $0.requirementID == requirement.id }) {
      lines.append(
        "  waiver at \(waiver.location): by \(waiver.approver) until \(waiver.expires):"
          + " \(waiver.reason)")
    }
    if let entry = bundle.notApplicable.first(where: {
      $0.target == .requirement(requirement.id) || $0.target == .group(subItem.id)
    }) {
      lines.append("  not applicable at \(entry.location): \(entry.reason)")
    }
    return lines.flatMap {
      TextWrap.hanging($0.dropFirst(2).description, width: 100, first: "  ", rest: "      ")
    }
  }

  private func attestationLines(_ attestation: Attestation) -> [String] {
    var parts: [String] = []
    if !attestation.evidence.isEmpty {
      parts.append("evidence \(attestation.evidence.joined(separator: ", "))")
    }
    if let reviewer = attestation.reviewer { parts.append("reviewed by \(reviewer)") }
    if let date = attestation.date { parts.append("dated \(date)") }
    if let expires = attestation.expires { parts.append("expires \(expires)") }
    if let note = attestation.note { parts.append("note: \(note)") }
    return parts.isEmpty ? [] : ["    " + parts.joined(separator: "; ")]
  }

  private func crosswalkLines(_ id: String) -> [String] {
    CrosswalkResolver(crosswalks: library.crosswalks).partners(of: id).map { partner in
      let statuses = partner.other.map { "\($0) \(assessment.status($0)?.words ?? "?")" }
      return "  crosswalk: \(CrosswalkResolver.phrase(partner.kind))"
        + " \(statuses.joined(separator: " + "))"
    }.flatMap {
      TextWrap.hanging($0.dropFirst(2).description, width: 100, first: "  ", rest: "      ")
    }
  }

  private func whatWouldChange(_ result: RequirementResult, subItem: Group) -> [String] {
    let today = bundle.scope.assessedOn
    switch result.status {
    case .met:
      var lines: [String] = []
      if let rule = result.requirement.metric, result.basis == .metric {
        lines.append("a \(rule.metric) value that fails \(rule.condition) would make it not met")
      }
      if let expires = result.expires {
        lines.append("its evidence expires on \(expires); after that it counts as expired")
      }
      if result.basis == .crosswalk {
        lines.append("its own claim would replace the status taken through the crosswalk")
      }
      return lines.isEmpty ? ["nothing pending: it is met on evidence with no expiry"] : lines
    case .notApplicable:
      return ["removing the not-applicable entry would assess it again"]
    case .waived:
      let expires = result.waiver.map { " on \($0.expires)" } ?? ""
      return [
        "the waiver ends\(expires); after that the requirement counts as"
          + " \(result.reason.contains("was partly met") ? "partly met" : "not met")",
        "with --strict it already counts as not met",
      ]
    case .expired:
      return ["renewed evidence: a claim or rating with an expiry after \(today)"]
    case .notMet, .partlyMet, .notAssessed:
      var lines: [String] = []
      if let rule = result.requirement.metric {
        lines.append("a \(rule.metric) value meeting \(rule.condition) would make it met")
      }
      if result.basis != .metric {
        lines.append(
          "a claim with status met (with its documents), or a rating of \(subItem.id) at level"
            + " \(result.requirement.level.map(String.init) ?? "N") or above")
      }
      let partners = CrosswalkResolver(crosswalks: library.crosswalks).partners(of: result.id)
      for partner in partners where [.equivalent, .subset].contains(partner.kind) {
        if result.basis == .none {
          lines.append(
            "meeting \(partner.other.joined(separator: " + ")) would make it met through the"
              + " crosswalk")
        }
      }
      lines.append("a waiver (approver, reason, expiry) would count it as met until it expires")
      return lines
    }
  }

  /// Wraps a line at 100 columns, keeping its own indent and hanging the rest 4 deeper.
  private static func wrapKeepingIndent(_ line: String) -> [String] {
    let indent = String(line.prefix { $0 == " " })
    return TextWrap.hanging(
      String(line.dropFirst(indent.count)), width: 100, first: indent, rest: indent + "    ")
  }
}

/// The report as Markdown, for pull requests and job summaries. Text from evidence and
/// standards is escaped, so it cannot inject links, HTML or table cells.
public struct MarkdownReport: Sendable {
  public init() {}

  public func render(_ assessment: Assessment, gate: GateResult? = nil) -> String {
    var out: [String] = []
    header(assessment, &out)
    if let gate {
      out += ["", "## Gate: \(GateSection.headline(gate))", ""]
      out += gate.checks.map { "- \($0.passed ? "✅" : "❌") \(md($0.name)): \(md($0.detail))" }
      if let comparison = gate.comparison {
        for section in GateSection.changes(comparison) where !section.lines.isEmpty {
          out += ["", "**\(section.title) (\(section.lines.count))**", ""]
          out += section.lines.map { "- \(md($0))" }
        }
      }
    }
    domains(assessment, &out)
    todo(assessment, &out)
    let derived = ReportWording.derived(assessment)
    if !derived.isEmpty {
      out += ["", "## Through the crosswalk", ""]
      out += derived.map { "- `\(code($0.id))`: \(md($0.reason))" }
    }
    health(assessment.health, days: assessment.options.expiryWarningDays, &out)
    if !assessment.metrics.isEmpty {
      out += ["", "## Metrics", ""]
      for use in assessment.metrics {
        out.append("- \(md(ReportWording.metric(use)))")
        out += ReportWording.parts(use).map { "  - \(md($0))" }
      }
    }
    out.append("")
    out.append("**Statuses:** \(ReportWording.statusCounts(assessment))")
    out += ["", "## Standards", ""]
    for standard in assessment.standards {
      let provenance = ReportWording.provenance(standard).map(md).joined(separator: " ")
      out.append("- **\(md(standard.id))**: \(md(standard.title)). \(provenance)")
    }
    out += assessment.bandSets.map { "- band set \(md(ReportWording.bandSet($0)))" }
    return out.joined(separator: "\n") + "\n"
  }

  private func header(_ assessment: Assessment, _ out: inout [String]) {
    let scope = assessment.scope
    out.append("# Dual-certification gap report: \(md(scope.name))")
    out.append("")
    out.append("- **Scope:** \(md(scope.name)) (\(scope.kind.rawValue)), \(md(scope.organisation))")
    out.append(
      "- **Assessed:** \(scope.assessedOn)" + (scope.assessor.map { " by \(md($0))" } ?? ""))
    out.append("- **Bundle:** `\(code(assessment.bundlePath))`")
    out.append("- **Mode:** \(ReportWording.mode(assessment.options))")
    if !assessment.domainsOutOfScope.isEmpty {
      out.append("- **Not here:** \(md(ReportWording.outOfScope(assessment)))")
    }
  }

  private func domains(_ assessment: Assessment, _ out: inout [String]) {
    out.append("")
    out.append("## Domains")
    out.append("")
    out.append("| Domain | Target | Standard | Result | Coverage | Gaps |")
    out.append("|---|---|---|---|---|---|")
    for domain in assessment.domains {
      for result in domain.standards {
        let verdict: String
        let coverage: String
        switch result.standard.kind {
        case .levelled:
          verdict = ReportWording.level(result)
          coverage = ReportWording.coverage(result)
        case .conformance:
          verdict = ReportWording.conformance(result)
          coverage = "–"
        }
        let target = domain.target.map(String.init) ?? "–"
        out.append(
          "| \(md(domain.name)) | \(target) | \(md(result.standard.id)) | \(verdict) | \(coverage)"
            + " | \(ReportWording.gaps(result, target: domain.target)) |")
      }
    }
  }

  private func todo(_ assessment: Assessment, _ out: inout [String]) {
    out.append("")
    out.append("## To do")
    out.append("")
    guard !assessment.todo.isEmpty else {
      out.append("Nothing: every required requirement passes.")
      return
    }
    out.append("Merged across standards; most certification unblocked first.")
    out.append("")
    for (index, item) in assessment.todo.enumerated() {
      let ids = item.ids.map { "`\(code($0))`" }.joined(separator: " + ")
      let number = "\(index + 1). "
      out.append("\(number)\(ids): unblocks \(md(item.impact))")
      // Sub-items indent to the item's text, or CommonMark ends the list at item 10.
      let indent = String(repeating: " ", count: number.count)
      for gap in item.gaps {
        let above = ReportWording.aboveTarget(gap, in: assessment)
        out.append(
          "\(indent)- `\(code(gap.id))` \(ReportWording.tag(gap)) **\(gap.status.words)**\(above):"
            + " \(md(gap.reason + ReportWording.bands(gap.bands)))"
            + " — \(md(gap.requirement.text))")
      }
    }
  }

  private func health(_ health: EvidenceHealth, days: Int, _ out: inout [String]) {
    out.append("")
    out.append("## Evidence health")
    func section(_ title: String, _ lines: [String]) {
      out.append("")
      out.append("**\(title) (\(lines.count))**")
      if !lines.isEmpty { out.append("") }
      out += lines.map { "- \($0)" }
    }
    section("Expired", health.expired.map { "`\(code($0.id))`: \(md($0.detail))" })
    section(
      "Expiring within \(days) days",
      health.expiringSoon.map { "`\(code($0.id))`: \(md($0.detail))" })
    section(
      "Broken references",
      health.brokenReferences.map {
        "`\(code($0.owner))`: \(md($0.problem))"
      })
    section(
      "Waivers in force",
      health.waiversInForce.map {
        "`\(code($0.requirementID))`: approved by \(md($0.approver)) until \($0.expires):"
          + " \(md($0.reason))"
      })
    section(
      "Waivers expired",
      health.waiversExpired.map {
        "`\(code($0.requirementID))`: expired \($0.expires), approved by \(md($0.approver))"
      })
    section(
      "Contradictions",
      health.contradictions.map {
        "`\(code($0.id))`: \(md($0.contradiction ?? ""))"
      })
    section(
      "Required requirements not assessed",
      health.notAssessed.isEmpty
        ? [] : [health.notAssessed.map { "`\(code($0.id))`" }.joined(separator: ", ")])
  }

  // MARK: - Escaping

  /// Escapes Markdown and HTML syntax in untrusted text and flattens line breaks.
  func md(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "&": result += "&amp;"
      case "\\", "`", "*", "_", "[", "]", "|", "#", "!": result += "\\\(scalar)"
      case "\n", "\r", "\t": result += " "
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Text for inside backticks, where escapes do not work: backticks, line breaks and
  /// control characters are dropped.
  private func code(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter {
          $0 != "`" && $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value)
        }))
  }
}

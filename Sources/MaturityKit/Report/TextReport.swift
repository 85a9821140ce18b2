/// The report for a terminal: plain text, 100 columns, colour only when asked.
public struct TextReport: Sendable {
  public var usesColor: Bool
  /// How many to-do items to show; nil shows all.
  public var todoLimit: Int?

  public init(usesColor: Bool = false, todoLimit: Int? = 15) {
    self.usesColor = usesColor
    self.todoLimit = todoLimit
  }

  public func render(_ assessment: Assessment, gate: GateResult? = nil) -> String {
    var out: [String] = []
    header(assessment, &out)
    if let gate { self.gate(gate, &out) }
    domains(assessment, &out)
    todo(assessment, &out)
    derived(assessment, &out)
    health(assessment.health, days: assessment.options.expiryWarningDays, &out)
    metrics(assessment, &out)
    out.append("")
    out.append(bold("Statuses") + "  " + ReportWording.statusCounts(assessment))
    provenance(assessment, &out)
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - Sections

  private func header(_ assessment: Assessment, _ out: inout [String]) {
    let scope = assessment.scope
    out.append(bold("Dual-certification gap report"))
    out.append("")
    out.append(
      "Scope     \(safe(scope.name)) (\(scope.kind.rawValue)), \(safe(scope.organisation))")
    out.append("Assessed  \(scope.assessedOn)" + (scope.assessor.map { " by \(safe($0))" } ?? ""))
    out.append("Bundle    \(safe(assessment.bundlePath))")
    out.append("Mode      \(ReportWording.mode(assessment.options))")
    if !assessment.domainsOutOfScope.isEmpty {
      out += TextWrap.hanging(
        safe(ReportWording.outOfScope(assessment)), width: 100, first: "Not here  ",
        rest: "          ")
    }
  }

  private func domains(_ assessment: Assessment, _ out: inout [String]) {
    for domain in assessment.domains {
      out.append("")
      let zh = domain.nameZh.map { " (\($0))" } ?? ""
      let target = domain.target.map { "target level \($0)" } ?? "no target"
      out.append(bold(safe("\(domain.name)\(zh)")) + "  \(target)")
      let width = domain.standards.map(\.standard.id.count).max() ?? 0
      for result in domain.standards {
        let id = safe(result.standard.id).padding(toLength: width, withPad: " ", startingAt: 0)
        let indent = String(repeating: " ", count: width + 4)
        out += TextWrap.hanging(
          verdict(result, target: domain.target), width: 100, first: "  \(id)  ", rest: indent)
        let holding = ReportWording.holdingDown(result)
        if !holding.isEmpty, holding.count < result.subItems.count {
          let names = holding.prefix(6).map { "\($0.id) (\($0.level))" }
          let more = holding.count > 6 ? " and \(holding.count - 6) more" : ""
          let next = (result.level ?? 0) + 1
          out += TextWrap.wrap(
            safe("below level \(next): \(names.joined(separator: ", "))\(more)"), width: 100,
            indent: indent)
        }
      }
    }
  }

  private func verdict(_ result: StandardResult, target: Int?) -> String {
    let gaps = ReportWording.gaps(result, target: target)
    switch result.standard.kind {
    case .levelled:
      let level = ReportWording.level(result)
      let reached = target.map { (result.level ?? 0) >= $0 } ?? true
      let waived = result.subItems.map(\.waivedCount).reduce(0, +)
      var text = color(level, reached ? "32" : "33")
      text += " · coverage \(ReportWording.coverage(result)) · \(gaps)"
      if waived > 0 { text += " · \(waived) waived" }
      return text
    case .conformance:
      let conforms = result.conforms == true
      return color(ReportWording.conformance(result), conforms ? "32" : "31") + " · \(gaps)"
    }
  }

  private func todo(_ assessment: Assessment, _ out: inout [String]) {
    out.append("")
    let items = assessment.todo
    guard !items.isEmpty else {
      out.append(bold("To do") + "  nothing: every required requirement passes")
      return
    }
    out.append(bold("To do") + "  \(items.count) items, most certification unblocked first")
    let shown = todoLimit.map { Array(items.prefix($0)) } ?? items
    for (index, item) in shown.enumerated() {
      let numberWidth = max(String(shown.count).count + 2, 4)
      let number = "\(index + 1).".padding(toLength: numberWidth, withPad: " ", startingAt: 0)
      let heading = "\(item.ids.joined(separator: " + ")): unblocks \(item.impact)"
      out += TextWrap.hanging(
        safe(heading), width: 100, first: "  \(number)",
        rest: String(repeating: " ", count: numberWidth + 2))
      let width = item.ids.map(\.count).max() ?? 0
      let gapIndent = String(repeating: " ", count: numberWidth + 2)
      for gap in item.gaps {
        let id = safe(gap.id).padding(toLength: width, withPad: " ", startingAt: 0)
        let status = color(gap.status.words, statusColor(gap.status))
        let indent = gapIndent + String(repeating: " ", count: width + 2)
        let above = ReportWording.aboveTarget(gap, in: assessment)
        let line =
          "\(ReportWording.tag(gap)) \(gap.status.words)\(above): \(gap.reason)"
          + ReportWording.bands(gap.bands)
        var lines = TextWrap.hanging(
          safe(line), width: 100, first: gapIndent + "\(id)  ", rest: indent)
        if usesColor, !lines.isEmpty {
          lines[0] = lines[0].replacingOccurrences(
            of: " \(gap.status.words)\(above):", with: " \(status)\(above):")
        }
        out += lines
        out += TextWrap.wrap(safe(gap.requirement.text), width: 100, indent: indent)
      }
    }
    if shown.count < items.count {
      out.append("  … \(items.count - shown.count) more; --todo all shows every item")
    }
  }

  private func health(_ health: EvidenceHealth, days: Int, _ out: inout [String]) {
    out.append("")
    out.append(bold("Evidence health"))
    func section(_ title: String, _ lines: [String]) {
      out.append("  \(title) (\(lines.count))" + (lines.isEmpty ? "" : ":"))
      for line in lines {
        out += TextWrap.hanging(safe(line), width: 100, first: "    ", rest: "      ")
      }
    }
    section("Expired", health.expired.map { "\($0.id): \($0.detail)" })
    section("Expiring within \(days) days", health.expiringSoon.map { "\($0.id): \($0.detail)" })
    section(
      "Broken references",
      health.brokenReferences.map {
        "\($0.owner): \($0.problem) (\($0.location))"
      })
    section(
      "Waivers in force",
      health.waiversInForce.map {
        "\($0.requirementID): approved by \($0.approver) until \($0.expires): \($0.reason)"
      })
    section(
      "Waivers expired",
      health.waiversExpired.map {
        "\($0.requirementID): expired \($0.expires), approved by \($0.approver)"
      })
    section("Contradictions", health.contradictions.map { "\($0.id): \($0.contradiction ?? "")" })
    let ids = health.notAssessed.map(\.id)
    out.append("  Required requirements not assessed (\(ids.count))" + (ids.isEmpty ? "" : ":"))
    if !ids.isEmpty {
      let listed = ids.prefix(12).joined(separator: ", ")
      let more = ids.count > 12 ? ", and \(ids.count - 12) more" : ""
      out += TextWrap.wrap(safe(listed + more), width: 100, indent: "    ")
    }
  }

  private func gate(_ gate: GateResult, _ out: inout [String]) {
    out.append("")
    out.append(bold("Gate") + "  " + color(GateSection.headline(gate), gate.passed ? "32" : "31"))
    for check in gate.checks {
      out += TextWrap.hanging(
        safe(GateSection.check(check)), width: 100, first: "  ", rest: "        ")
    }
    guard let comparison = gate.comparison else { return }
    for section in GateSection.changes(comparison) where !section.lines.isEmpty {
      out.append("  \(section.title) (\(section.lines.count)):")
      for line in section.lines.prefix(todoLimit ?? section.lines.count) {
        out += TextWrap.hanging(safe(line), width: 100, first: "    ", rest: "      ")
      }
      if let limit = todoLimit, section.lines.count > limit {
        out.append("    … \(section.lines.count - limit) more; --todo all shows them all")
      }
    }
  }

  private func derived(_ assessment: Assessment, _ out: inout [String]) {
    let derived = ReportWording.derived(assessment)
    guard !derived.isEmpty else { return }
    out.append("")
    out.append(
      bold("Through the crosswalk") + "  \(derived.count) without evidence of their own")
    for result in derived {
      out += TextWrap.hanging(
        safe("\(result.id): \(result.reason)"), width: 100, first: "  ", rest: "    ")
    }
  }

  private func metrics(_ assessment: Assessment, _ out: inout [String]) {
    guard !assessment.metrics.isEmpty else { return }
    out.append("")
    out.append(bold("Metrics") + "  \(assessment.metrics.count) given")
    for use in assessment.metrics {
      out += TextWrap.hanging(
        safe(ReportWording.metric(use)), width: 100, first: "  ", rest: "    ")
      for part in ReportWording.parts(use) {
        out += TextWrap.hanging(safe(part), width: 100, first: "    ", rest: "      ")
      }
    }
  }

  private func provenance(_ assessment: Assessment, _ out: inout [String]) {
    out.append("")
    out.append(bold("Standards"))
    for standard in assessment.standards {
      out.append(safe("  \(standard.id): \(standard.title)"))
      for line in ReportWording.provenance(standard) {
        out += TextWrap.hanging(safe(line), width: 100, first: "    ", rest: "      ")
      }
    }
    for set in assessment.bandSets {
      out += TextWrap.hanging(
        safe("band set " + ReportWording.bandSet(set)), width: 100, first: "  ", rest: "    ")
    }
  }

  // MARK: - Colour and safety

  /// Text from the evidence or the standards, with control characters made visible.
  private func safe(_ text: String) -> String { TerminalText.neutralised(text) }

  private func bold(_ text: String) -> String { color(text, "1") }

  private func color(_ text: String, _ code: String) -> String {
    usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  private func statusColor(_ status: RequirementStatus) -> String {
    switch status {
    case .met: return "32"
    case .partlyMet, .notAssessed: return "33"
    case .notMet, .expired: return "31"
    case .waived: return "35"
    case .notApplicable: return "2"
    }
  }
}

/// Readable views of the loaded standards for `maturity standards list` and `show`.
public struct StandardsView: Sendable {
  public var library: StandardsLibrary

  public init(library: StandardsLibrary) {
    self.library = library
  }

  /// Every standard with its domain, levels, counts, provenance and confidence; then the
  /// crosswalks and band sets.
  public func list() -> String {
    var out: [String] = []
    for standard in library.standards {
      let requirements = standard.requirements
      let required = requirements.filter(\.isRequired).count
      var head = "\(standard.id)  \(standard.kind.rawValue), domain \(standard.domain.id)"
      if standard.kind == .levelled {
        head += ", \(standard.levels.count) levels, \(standard.subItems.count) sub-items"
      }
      head += ", \(requirements.count) requirements (\(required) required)"
      out.append(head)
      out += TextWrap.wrap(standard.title, width: 100, indent: "    ")
      if standard.kind == .levelled {
        let names = standard.levels.map {
          "\($0.number) \($0.name)" + ($0.nameZh.map { " \($0)" } ?? "")
        }
        out += TextWrap.wrap("levels: " + names.joined(separator: ", "), width: 100, indent: "    ")
      }
      let provenance = standard.provenance
      let summary =
        provenance.isSummary
        ? "our own \(provenance.nature.rawValue), not the official text" : "official text"
      let reference = standard.reference.map { "\($0); " } ?? ""
      out += TextWrap.wrap(
        "\(reference)\(summary); confidence \(provenance.confidence.rawValue)", width: 100,
        indent: "    ")
    }
    if !library.crosswalks.isEmpty {
      out.append("")
      out.append("crosswalks:")
      for crosswalk in library.crosswalks {
        out.append(
          "  \(crosswalk.id)  \(crosswalk.fromStandard) → \(crosswalk.toStandard),"
            + " \(crosswalk.relations.count) relations,"
            + " confidence \(crosswalk.provenance.confidence.rawValue)")
      }
    }
    if !library.bandSets.isEmpty {
      out.append("")
      out.append("band sets:")
      for set in library.bandSets {
        let years = set.reports.map { "\($0.year) (\($0.confidence.rawValue))" }
        out.append("  \(set.id)  \(set.title): \(years.joined(separator: ", "))")
      }
    }
    return out.map(TerminalText.neutralised).joined(separator: "\n") + "\n"
  }

  public enum ShowError: Error, Equatable {
    case unknown(String, suggestion: String?)
  }

  /// A standard, domain, group or requirement as a tree; with `level`, only what that
  /// level adds.
  public func show(_ id: String, level: Int? = nil) throws(ShowError) -> String {
    var out: [String] = []
    if let standard = library.standard(id) {
      header(standard, &out)
      for group in standard.domain.groups { tree(group, standard, depth: 1, level, &out) }
    } else if let standard = library.standards.first(where: { $0.domain.id == id }) {
      for standard in library.standards(inDomain: standard.domain.id) {
        header(standard, &out)
        for group in standard.domain.groups { tree(group, standard, depth: 1, level, &out) }
        out.append("")
      }
      if out.last == "" { out.removeLast() }
    } else if let place = library.group(id), let standard = library.standard(place.standard) {
      out.append("\(standard.id): \(standard.title)")
      tree(place.group, standard, depth: 0, level, &out)
    } else if let place = library.requirement(id) {
      requirement(place, &out)
    } else {
      let candidates =
        library.standards.map(\.id) + library.domainIDs + library.groupIDs
        + Array(library.requirementIDs)
      throw .unknown(id, suggestion: Suggestion.closest(to: id, in: candidates))
    }
    return out.map(TerminalText.neutralised).joined(separator: "\n") + "\n"
  }

  private func header(_ standard: Standard, _ out: inout [String]) {
    out.append("\(standard.id): \(standard.title)")
    out.append(
      "  domain \(standard.domain.id): \(standard.domain.name)"
        + (standard.domain.nameZh.map { " (\($0))" } ?? ""))
    if standard.kind == .levelled {
      let rule: String
      switch standard.rollup ?? .minimum {
      case .minimum: rule = "minimum over sub-items"
      case .share(let percent, let tolerance):
        rule =
          "\(NumberText.format(percent)) % of sub-items at the level, none more than"
          + " \(tolerance) below"
      }
      out.append(
        "  levels: "
          + standard.levels.map { "\($0.number) \($0.name)" }
          .joined(separator: ", ") + "; roll-up: \(rule)")
    }
    for line in ReportWording.provenance(standard) {
      out += TextWrap.hanging(line, width: 100, first: "  ", rest: "    ")
    }
  }

  private func tree(
    _ group: Group, _ standard: Standard, depth: Int, _ level: Int?, _ out: inout [String]
  ) {
    let indent = String(repeating: "  ", count: depth)
    let shown = group.requirements.filter { level == nil || $0.level == level }
    if level != nil, group.requirements.isEmpty == false, shown.isEmpty { return }
    out.append(indent + "\(group.id)  \(group.name)" + (group.nameZh.map { "  \($0)" } ?? ""))
    for requirement in shown {
      let tag = requirement.level.map { "L\($0)" } ?? (requirement.isRequired ? "req" : "rec")
      let optional = requirement.isRequired || requirement.level == nil ? "" : " (recommended)"
      out += TextWrap.hanging(
        "\(tag) \(requirement.id)\(optional): \(requirement.text)", width: 100,
        first: indent + "  ", rest: indent + "      ")
      if let rule = requirement.metric {
        out.append(indent + "      metric: \(rule.metric) \(rule.condition)")
      }
    }
    for child in group.groups { tree(child, standard, depth: depth + 1, level, &out) }
  }

  private func requirement(_ place: StandardsLibrary.RequirementPlace, _ out: inout [String]) {
    let requirement = place.requirement
    out.append(
      "\(requirement.id)  (\(place.standard.id), sub-item \(place.subItem.id):"
        + " \(place.subItem.name))"
    )
    if let level = requirement.level {
      out.append(
        "  level \(level) \(place.standard.levelName(level) ?? ""),"
          + " \(requirement.obligation.rawValue)"
      )
    } else {
      out.append("  \(requirement.obligation.rawValue)")
    }
    out += TextWrap.wrap(requirement.text, width: 100, indent: "  ")
    if let zh = requirement.textZh { out += TextWrap.wrap(zh, width: 100, indent: "  ") }
    if let rule = requirement.metric {
      out.append("  decided by metric \(rule.metric) \(rule.condition) when the bundle gives it")
    }
    if let hint = requirement.evidenceHint {
      out += TextWrap.hanging("evidence: \(hint)", width: 100, first: "  ", rest: "    ")
    }
    for partner in CrosswalkResolver(crosswalks: library.crosswalks).partners(of: requirement.id) {
      out += TextWrap.hanging(
        "crosswalk: \(CrosswalkResolver.phrase(partner.kind))"
          + " \(partner.other.joined(separator: " + "))",
        width: 100, first: "  ", rest: "    ")
    }
    out.append("  defined at \(requirement.location)")
  }
}

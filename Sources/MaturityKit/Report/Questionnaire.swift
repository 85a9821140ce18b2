import Foundation

/// Writes a new evidence bundle for `maturity init`: a scope file and one questionnaire
/// per domain with every requirement the target needs, grouped as the standards group
/// them. It validates as written; filled in, it assesses with no edits elsewhere.
public struct Questionnaire: Sendable {
  public var library: StandardsLibrary
  /// Target level per domain id.
  public var targets: [String: Int]
  /// "en" or "zh": the language of the requirement texts in comments.
  public var language: String
  public var organisation: String
  public var scopeName: String
  public var assessedOn: Day

  public init(
    library: StandardsLibrary, targets: [String: Int], language: String, organisation: String,
    scopeName: String, assessedOn: Day
  ) {
    self.library = library
    self.targets = targets
    self.language = language
    self.organisation = organisation
    self.scopeName = scopeName
    self.assessedOn = assessedOn
  }

  /// The schema editors use to check the files, beside them in the bundle.
  public static let schemaPath = ".schema/evidence.schema.json"
  private static let modeline = "# yaml-language-server: $schema=\(schemaPath)\n"

  /// File name (relative to the bundle) → contents, including the evidence schema.
  public func files() -> [(name: String, text: String)] {
    var files = [("scope.yaml", Self.modeline + scope())]
    for domain in targets.keys.sorted(by: { Domain.sortKey($0) < Domain.sortKey($1) }) {
      files.append(("\(domain).yaml", Self.modeline + questionnaire(domain)))
    }
    if let schema = EmbeddedStandards.schemas.first(where: {
      $0.path == "docs/schema/evidence.schema.json"
    }), let data = Data(base64Encoded: schema.base64) {
      files.append((Self.schemaPath, String(decoding: data, as: UTF8.self)))
    }
    return files
  }

  private func scope() -> String {
    var lines = [
      "# The assessed scope. Fill in the assessor; adjust the targets if needed.",
      "scope:",
      "  organisation: \(quoted(organisation))",
      "  name: \(quoted(scopeName))",
      "  kind: application          # application | product-line | department",
      "  assessed_on: \(assessedOn)",
      "  assessor:",
      "  targets:",
    ]
    for (domain, level) in targets.sorted(by: { Domain.sortKey($0.key) < Domain.sortKey($1.key) }) {
      lines.append("    \(domain): \(level)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func questionnaire(_ domain: String) -> String {
    let target = targets[domain] ?? 0
    let standards = library.standards(inDomain: domain)
    var lines = [
      "# Questionnaire: \(domain), up to level \(target).",
      "# For each requirement set status to met, partly-met or not-met, cite evidence files",
      "# (inside this folder) or URLs, and add date, reviewer and expires (YYYY-MM-DD).",
      "# A status left empty counts as not assessed. The requirement texts below are our own",
      "# summaries of the standards, not their official wording.",
      "claims:",
    ]
    var metrics: [(name: String, note: String)] = []
    for standard in standards {
      lines.append("")
      lines.append("  # ==== \(standard.id): \(standard.title)")
      for group in standard.domain.groups {
        walk(group, path: [], standard: standard, target: target, &lines, &metrics)
      }
    }
    var seen: Set<String> = []
    let unique = metrics.filter { seen.insert($0.name).inserted }
    if !unique.isEmpty {
      lines.append("")
      lines.append("# Metrics decide the requirements that name them. To give one, uncomment the")
      lines.append("# 'metrics:' line and that metric's three lines, and fill in its value:")
      lines.append("# metrics:")
    }
    for metric in unique {
      let unit = MetricCatalog.definition(metric.name)?.unit.rawValue ?? ""
      lines.append("#   - name: \(metric.name)")
      lines.append("#     value:            # \(unit); \(metric.note)")
      lines.append("#     period:")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func walk(
    _ group: Group, path: [String], standard: Standard, target: Int, _ lines: inout [String],
    _ metrics: inout [(name: String, note: String)]
  ) {
    let name = language == "zh" ? group.nameZh ?? group.name : group.name
    let path = path + ["\(group.id) \(name)"]
    let needed = group.requirements.filter {
      $0.isRequired && ($0.level ?? 0) <= (standard.kind == .levelled ? target : 0)
    }
    if !needed.isEmpty {
      lines.append("")
      lines.append("  # \(path.joined(separator: " / "))")
    }
    for requirement in needed {
      let text = language == "zh" ? requirement.textZh ?? requirement.text : requirement.text
      let tag = requirement.level.map { "L\($0)" } ?? "required"
      lines += TextWrap.hanging(text, width: 96, first: "  # \(tag): ", rest: "  #   ")
      if let rule = requirement.metric {
        let condition = "\(requirement.id) needs \(rule.condition)"
        lines.append("  # decided by the metric \(rule.metric) \(rule.condition) when given")
        metrics.append((rule.metric, condition))
      }
      lines.append("  - requirement: \(requirement.id)")
      lines.append("    status:            # met | partly-met | not-met")
      lines.append("    evidence: []")
    }
    for child in group.groups {
      walk(child, path: path, standard: standard, target: target, &lines, &metrics)
    }
  }

  /// A YAML double-quoted scalar holding `text` exactly, control characters escaped.
  private func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
          || scalar.value == 0x2028 || scalar.value == 0x2029
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

}

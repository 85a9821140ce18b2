/// The assessment as versioned JSON: stable key order, byte-identical for the same input,
/// no wall-clock time.
public struct JSONReport: Sendable {
  /// Bumped when a key is removed or changes meaning; adding keys keeps the version.
  public static let formatVersion = 1

  public var toolVersion: String

  public init(toolVersion: String) {
    self.toolVersion = toolVersion
  }

  public func render(_ assessment: Assessment, gate: GateResult? = nil) -> String {
    value(assessment, gate: gate).serialized()
  }

  public func value(_ assessment: Assessment, gate: GateResult? = nil) -> JSONValue {
    guard case .object(var members) = value(assessment), let gate else {
      return value(assessment)
    }
    // The gate comes right before the domains, whatever keys precede them.
    let index = members.firstIndex { $0.0 == "domains" } ?? members.count
    members.insert(("gate", GateSection.json(gate)), at: index)
    return .object(members)
  }

  private func value(_ assessment: Assessment) -> JSONValue {
    .object([
      ("format", .string("maturity-report")),
      ("version", .int(Self.formatVersion)),
      ("tool", .string("maturity \(toolVersion)")),
      ("bundle", .string(assessment.bundlePath)),
      ("scope", scope(assessment.scope)),
      ("options", .object([("strict", .bool(assessment.options.isStrict))])),
      ("summary", summary(assessment)),
      ("domains_out_of_scope", .array(assessment.domainsOutOfScope.map(JSONValue.string))),
      ("domains", .array(assessment.domains.map(domain))),
      ("todo", .array(assessment.todo.map(todo))),
      ("metrics", .array(assessment.metrics.map(metric))),
      ("health", health(assessment.health)),
      ("standards", .array(assessment.standards.map(standard))),
      (
        "band_sets",
        .array(
          assessment.bandSets.map { set in
            .object([
              ("id", .string(set.id)), ("title", .string(set.title)),
              (
                "reports",
                .array(
                  set.reports.map {
                    .object([
                      ("year", .int($0.year)), ("source", .string($0.source)),
                      ("confidence", .string($0.confidence.rawValue)),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }

  private func scope(_ scope: Scope) -> JSONValue {
    .object([
      ("organisation", .string(scope.organisation)),
      ("name", .string(scope.name)),
      ("kind", .string(scope.kind.rawValue)),
      ("assessed_on", .string(scope.assessedOn.description)),
      ("assessor", .optional(scope.assessor)),
      (
        "targets",
        .object(scope.targets.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
      ),
    ])
  }

  private func summary(_ assessment: Assessment) -> JSONValue {
    let results = assessment.domains.flatMap { $0.standards.flatMap(\.requirements) }
    return .object(
      RequirementStatus.allCases.map { status in
        (status.rawValue, .int(results.filter { $0.status == status }.count))
      })
  }

  private func domain(_ domain: DomainResult) -> JSONValue {
    .object([
      ("id", .string(domain.id)),
      ("name", .string(domain.name)),
      ("name_zh", .optional(domain.nameZh)),
      ("target", .optional(domain.target)),
      ("results", .array(domain.standards.map(standardResult))),
    ])
  }

  private func standardResult(_ result: StandardResult) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("standard", .string(result.standard.id)),
      ("kind", .string(result.standard.kind.rawValue)),
    ]
    switch result.standard.kind {
    case .levelled:
      let level = result.level ?? 0
      members += [
        ("level", .int(level)),
        ("level_name", .optional(result.standard.levelName(level))),
        ("max_level", .int(result.standard.maxLevel)),
        ("coverage", .number(result.coverage ?? 0)),
      ]
    case .conformance:
      members.append(("conforms", .bool(result.conforms ?? false)))
    }
    members += [
      ("required", .int(result.requiredCount)),
      ("required_passing", .int(result.passingRequiredCount)),
      ("gaps", .int(result.gapCount)),
    ]
    if result.standard.kind == .levelled {
      members.append(("sub_items", .array(result.subItems.map(subItem))))
    }
    members.append(("requirements", .array(result.requirements.map(requirement))))
    return .object(members)
  }

  private func subItem(_ item: SubItemResult) -> JSONValue {
    .object([
      ("id", .string(item.id)),
      ("level", item.isApplicable ? .int(item.level) : .null),
      ("score", item.isApplicable ? .number(item.score) : .null),
      ("applicable", .bool(item.isApplicable)),
      ("waived", .int(item.waivedCount)),
    ])
  }

  func requirement(_ result: RequirementResult) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("id", .string(result.id)),
      ("level", .optional(result.requirement.level)),
      ("obligation", .string(result.requirement.obligation.rawValue)),
      ("status", .string(result.status.rawValue)),
      ("basis", .string(result.basis.rawValue)),
      ("reason", .string(result.reason)),
    ]
    if let contradiction = result.contradiction {
      members.append(("contradiction", .string(contradiction)))
    }
    if !result.crosswalkPartners.isEmpty {
      members.append(("through_crosswalk", .array(result.crosswalkPartners.map(JSONValue.string))))
    }
    if let expires = result.expires { members.append(("expires", .string(expires.description))) }
    if let waiver = result.waiver { members.append(("waiver", self.waiver(waiver))) }
    if !result.bands.isEmpty { members.append(("bands", bands(result.bands))) }
    return .object(members)
  }

  private func metric(_ use: MetricUse) -> JSONValue {
    let value = use.value
    let unit = MetricCatalog.definition(value.name)?.unit ?? value.writtenUnit
    var members: [(String, JSONValue)] = [
      ("name", .string(value.name)),
      ("value", .number(value.value)),
      ("unit", .string(unit.rawValue)),
      (
        "written",
        .string("\(NumberText.measured(value.writtenValue)) \(value.writtenUnit.rawValue)")
      ),
      ("period", .optional(value.period)),
      ("source", .optional(value.source)),
      ("date", .optional(value.date?.description)),
      ("location", .string(value.location.description)),
      ("decided", .array(use.decided.map(JSONValue.string))),
    ]
    if !use.bands.isEmpty { members.append(("bands", bands(use.bands))) }
    if !value.parts.isEmpty { members.append(("parts", .array(value.parts.map(part)))) }
    return .object(members)
  }

  /// `[{"set": "dora", "year": 2023, "band": "high"}]`; the band is null when the value
  /// meets none of that year's bands.
  private func bands(_ placements: [BandPlacement]) -> JSONValue {
    .array(
      placements.map { placement in
        .object([
          ("set", .string(placement.set)), ("year", .int(placement.year)),
          ("band", .optional(placement.band)),
        ])
      })
  }

  /// One part of an artifact metric (a service of a deployment log); the value is null
  /// when the part gives none.
  private func part(_ part: MetricPart) -> JSONValue {
    .object([
      ("kind", .string(part.kind)), ("name", .string(part.name)),
      ("value", part.value.map(JSONValue.number) ?? .null), ("bands", bands(part.bands)),
    ])
  }

  private func waiver(_ waiver: Waiver) -> JSONValue {
    .object([
      ("requirement", .string(waiver.requirementID)),
      ("approver", .string(waiver.approver)),
      ("reason", .string(waiver.reason)),
      ("expires", .string(waiver.expires.description)),
    ])
  }

  private func todo(_ item: TodoItem) -> JSONValue {
    .object([
      ("ids", .array(item.ids.map(JSONValue.string))),
      ("unblocks", .string(item.impact)),
      ("blocks_target_of", .array(item.blocksTargetOf.map(JSONValue.string))),
      ("blocks_conformance_of", .array(item.blocksConformanceOf.map(JSONValue.string))),
      ("blocks_next_level_of", .array(item.blocksNextLevelOf.map(JSONValue.string))),
      (
        "gaps",
        .array(
          item.gaps.map { gap in
            .object([
              ("id", .string(gap.id)),
              ("standard", .string(gap.standardID)),
              ("level", .optional(gap.requirement.level)),
              ("status", .string(gap.status.rawValue)),
              ("reason", .string(gap.reason)),
              ("text", .string(gap.requirement.text)),
            ])
          })
      ),
    ])
  }

  private func health(_ health: EvidenceHealth) -> JSONValue {
    let dated: ([EvidenceHealth.Dated]) -> JSONValue = { items in
      .array(
        items.map {
          .object([
            ("id", .string($0.id)), ("date", .string($0.date.description)),
            ("detail", .string($0.detail)),
          ])
        })
    }
    return .object([
      ("expired", dated(health.expired)),
      ("expiring_soon", dated(health.expiringSoon)),
      (
        "broken_references",
        .array(
          health.brokenReferences.map {
            .object([
              ("owner", .string($0.owner)), ("reference", .string($0.reference)),
              ("problem", .string($0.problem)), ("location", .string($0.location.description)),
            ])
          })
      ),
      ("not_assessed", .array(health.notAssessed.map { .string($0.id) })),
      ("waivers_in_force", .array(health.waiversInForce.map(waiver))),
      ("waivers_expired", .array(health.waiversExpired.map(waiver))),
      (
        "contradictions",
        .array(
          health.contradictions.map {
            .object([("id", .string($0.id)), ("detail", .optional($0.contradiction))])
          })
      ),
    ])
  }

  private func standard(_ standard: Standard) -> JSONValue {
    let provenance = standard.provenance
    return .object([
      ("id", .string(standard.id)),
      ("title", .string(standard.title)),
      ("kind", .string(standard.kind.rawValue)),
      ("reference", .optional(standard.reference)),
      ("version", .optional(standard.version)),
      (
        "provenance",
        .object([
          ("summary", .bool(provenance.isSummary)),
          ("nature", .string(provenance.nature.rawValue)),
          ("structure", .string(provenance.structure)),
          ("wording", .string(provenance.wording)),
          ("confidence", .string(provenance.confidence.rawValue)),
          ("sources", .array(provenance.sources.map(JSONValue.string))),
        ])
      ),
    ])
  }
}

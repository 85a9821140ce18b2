extension Assessor {
  /// Expired and expiring evidence, broken references, gaps without evidence, waivers
  /// and contradictions, limited to the domains in scope.
  func health(_ bundle: EvidenceBundle, domains: [DomainResult]) -> EvidenceHealth {
    let today = bundle.scope.assessedOn
    let horizon = today.adding(days: options.expiryWarningDays)
    let results = domains.flatMap { $0.standards.flatMap(\.requirements) }
    let targets = Dictionary(uniqueKeysWithValues: domains.map { ($0.id, $0.target) })
    let notAssessed = results.filter { result in
      guard result.status == .notAssessed, result.requirement.isRequired else { return false }
      guard let level = result.requirement.level, let target = targets[result.domainID] ?? nil
      else { return true }
      return level <= target
    }
    var expired: [EvidenceHealth.Dated] = []
    var expiring: [EvidenceHealth.Dated] = []
    // Evidence for requirements that do not apply needs no attention.
    let notApplicable = Set(results.filter { $0.status == .notApplicable }.map(\.id))
    let applicableGroups = Set(results.filter { $0.status != .notApplicable }.map(\.subItemID))
    var dated: [(String, Attestation)] = bundle.claims.filter {
      !notApplicable.contains($0.requirementID)
    }.map { ($0.requirementID, $0.attestation) }
    dated += bundle.ratings.filter { applicableGroups.contains($0.subItemID) }
      .map { ($0.subItemID, $0.attestation) }
    for (id, attestation) in dated {
      guard let expires = attestation.expires else { continue }
      if expires < today {
        expired.append(.init(id: id, date: expires, detail: "evidence expired on \(expires)"))
      } else if expires <= horizon {
        let days = today.days(until: expires)
        expiring.append(
          .init(id: id, date: expires, detail: "evidence expires on \(expires), in \(days) days"))
      }
    }
    let waivers = bundle.waivers.filter { !notApplicable.contains($0.requirementID) }
    for waiver in waivers where waiver.expires >= today && waiver.expires <= horizon {
      let days = today.days(until: waiver.expires)
      expiring.append(
        .init(
          id: waiver.requirementID, date: waiver.expires,
          detail: "waiver expires on \(waiver.expires), in \(days) days"))
    }
    let byDate: (EvidenceHealth.Dated, EvidenceHealth.Dated) -> Bool = {
      ($0.date, $0.id) < ($1.date, $1.id)
    }
    return EvidenceHealth(
      expired: expired.sorted(by: byDate), expiringSoon: expiring.sorted(by: byDate),
      brokenReferences: bundle.brokenReferences,
      notAssessed: notAssessed,
      waiversInForce: waivers.filter { $0.expires >= today }.sorted {
        $0.requirementID < $1.requirementID
      },
      waiversExpired: waivers.filter { $0.expires < today }.sorted {
        $0.requirementID < $1.requirementID
      },
      contradictions: results.filter { $0.contradiction != nil })
  }
}

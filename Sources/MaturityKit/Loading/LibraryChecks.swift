/// Checks that need every standard at once: unique ids, crosswalk references.
struct LibraryChecks {
  let library: StandardsLibrary
  let sources: SourceIndex

  func run() -> [Diagnostic] {
    uniqueIDs() + library.crosswalks.flatMap(crosswalkReferences)
  }

  private func uniqueIDs() -> [Diagnostic] {
    var first: [String: SourceLocation] = [:]
    var problems: [Diagnostic] = []
    func visit(_ id: String, _ location: SourceLocation) {
      if let earlier = first[id] {
        problems.append(
          diagnostic(
            "duplicate id '\(id)'; group and requirement ids must be unique across all standards",
            at: location, notes: [diagnostic("'\(id)' first defined here", at: earlier, .note)]))
      } else {
        first[id] = location
      }
    }
    func walk(_ groups: [Group]) {
      for group in groups {
        visit(group.id, group.location)
        for requirement in group.requirements { visit(requirement.id, requirement.location) }
        walk(group.groups)
      }
    }
    for standard in library.standards { walk(standard.domain.groups) }
    return problems
  }

  private func crosswalkReferences(_ crosswalk: Crosswalk) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let from = library.standard(crosswalk.fromStandard)
    let to = library.standard(crosswalk.toStandard)
    let sides = [
      (crosswalk.fromStandard, from, crosswalk.fromLocation),
      (crosswalk.toStandard, to, crosswalk.toLocation),
    ]
    for (id, standard, location) in sides where standard == nil {
      let hint = Suggestion.phrase(for: id, in: library.standards.map(\.id))
      problems.append(
        diagnostic(
          "crosswalk '\(crosswalk.id)' names standard '\(id)', which is not loaded\(hint)",
          at: location ?? crosswalk.location))
    }
    guard let from, let to else { return problems }
    for relation in crosswalk.relations {
      for (ids, standard) in [(relation.from, from), (relation.to, to)] {
        for id in ids where library.requirement(id)?.standard.id != standard.id {
          let hint = Suggestion.phrase(for: id, in: standard.requirements.map(\.id))
          problems.append(
            diagnostic(
              "'\(id)' is not a requirement of standard '\(standard.id)'\(hint)",
              at: relation.idLocations[id] ?? relation.location))
        }
      }
    }
    return problems
  }

  private func diagnostic(
    _ message: String, at location: SourceLocation, _ severity: Diagnostic.Severity = .error,
    notes: [Diagnostic] = []
  ) -> Diagnostic {
    sources.diagnostic(severity, message, at: location, notes: notes)
  }
}

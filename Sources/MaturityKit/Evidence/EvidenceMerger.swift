/// Joins the evidence files of one bundle, reporting what may be said only once.
struct EvidenceMerger {
  let bundlePath: String
  let library: StandardsLibrary
  private(set) var diagnostics: [Diagnostic] = []
  private var sources = SourceIndex()

  init(bundlePath: String, library: StandardsLibrary) {
    self.bundlePath = bundlePath
    self.library = library
  }

  mutating func merge(_ parts: [EvidenceFile], fileNames: [String]) -> EvidenceBundle? {
    for part in parts { sources.add(part.file) }
    let scopes = parts.compactMap(\.scope)
    for extra in scopes.dropFirst() {
      report(
        "the scope is given twice in one bundle", at: extra.location, first: scopes[0].location)
    }
    if let scope = scopes.first {
      for part in parts {
        for claim in part.claims {
          if let date = claim.attestation.date, date > scope.assessedOn {
            diagnostics.append(
              diagnostic(
                .warning,
                "the claim on '\(claim.requirementID)' is dated \(date), after the assessment"
                  + " date \(scope.assessedOn)", at: claim.location))
          }
        }
      }
    }
    guard let scope = scopes.first else {
      // A scope in a file that failed to load, or with errors of its own, is reported by
      // those errors.
      if !fileNames.isEmpty, parts.count == fileNames.count,
        !parts.contains(where: \.hasScopeSection)
      {
        diagnostics.append(
          Diagnostic(
            .error,
            "evidence bundle '\(bundlePath)' has no 'scope' section; exactly one evidence file"
              + " must describe the scope"))
      }
      return nil
    }
    return EvidenceBundle(
      path: bundlePath, scope: scope,
      claims: unique(parts.flatMap(\.claims), by: \.requirementID, \.location, "a claim"),
      ratings: unique(parts.flatMap(\.ratings), by: \.subItemID, \.location, "a rating"),
      notApplicable: unique(
        parts.flatMap(\.notApplicable), by: \.target.id, \.location,
        "a not-applicable entry"),
      waivers: unique(parts.flatMap(\.waivers), by: \.requirementID, \.location, "a waiver"),
      metrics: unique(parts.flatMap(\.metrics), by: \.name, \.location, "a value"),
      files: fileNames,
      brokenReferences: parts.flatMap(\.brokenReferences))
  }

  /// Keeps the first entry per key and reports the others.
  private mutating func unique<T>(
    _ items: [T], by key: (T) -> String, _ location: (T) -> SourceLocation, _ what: String
  ) -> [T] {
    var first: [String: SourceLocation] = [:]
    var kept: [T] = []
    for item in items {
      let id = key(item)
      if let earlier = first[id] {
        report(
          "'\(id)' has \(what) twice in this bundle; keep one", at: location(item),
          first: earlier)
        continue
      }
      first[id] = location(item)
      kept.append(item)
    }
    return kept
  }

  private mutating func report(
    _ message: String, at location: SourceLocation,
    first: SourceLocation
  ) {
    diagnostics.append(
      diagnostic(
        .error, message, at: location,
        notes: [diagnostic(.note, "first given here", at: first)]))
  }

  private func diagnostic(
    _ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation,
    notes: [Diagnostic] = []
  ) -> Diagnostic {
    sources.diagnostic(severity, message, at: location, notes: notes)
  }
}

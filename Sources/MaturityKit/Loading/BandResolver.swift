/// Fills the comparison and threshold of metric rules written as a band of a report year.
struct BandResolver {
  let bandSets: [String: BandSet]
  let sources: SourceIndex
  private(set) var diagnostics: [Diagnostic] = []

  init(bandSets: [String: BandSet], sources: SourceIndex) {
    self.bandSets = bandSets
    self.sources = sources
  }

  mutating func resolve(_ standard: Standard) -> Standard {
    var standard = standard
    standard.domain.groups = standard.domain.groups.map { resolve($0) }
    return standard
  }

  private mutating func resolve(_ group: Group) -> Group {
    var group = group
    group.groups = group.groups.map { resolve($0) }
    for index in group.requirements.indices {
      guard let rule = group.requirements[index].metric, let reference = rule.band else {
        continue
      }
      let location = reference.location ?? group.requirements[index].location
      if let band = find(reference, metric: rule.metric, at: location) {
        group.requirements[index].metric?.comparison = band.comparison
        group.requirements[index].metric?.threshold = band.threshold
      }
    }
    return group
  }

  private mutating func find(
    _ reference: BandReference, metric: String, at location: SourceLocation
  )
    -> Band?
  {
    guard let set = bandSets[reference.set] else {
      report("no band set '\(reference.set)' is loaded", at: location)
      return nil
    }
    guard let report = set.report(reference.year) else {
      let years = set.reports.map { String($0.year) }.joined(separator: ", ")
      self.report(
        "band set '\(set.id)' has no report of \(reference.year); it has \(years)", at: location)
      return nil
    }
    guard let bands = report.metrics[metric] else {
      self.report(
        "the \(set.id) \(reference.year) report gives no bands for '\(metric)'", at: location)
      return nil
    }
    guard let band = bands.first(where: { $0.name == reference.band }) else {
      let names = bands.map(\.name)
      let hint = Suggestion.phrase(for: reference.band, in: names)
      self.report(
        "the \(set.id) \(reference.year) report has no band '\(reference.band)' for '\(metric)'"
          + " (it has \(names.joined(separator: ", ")))\(hint)", at: location)
      return nil
    }
    return band
  }

  private mutating func report(_ message: String, at location: SourceLocation) {
    diagnostics.append(sources.diagnostic(.error, message, at: location))
  }
}

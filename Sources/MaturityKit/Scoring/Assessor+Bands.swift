extension Assessor {
  // MARK: - Bands

  /// The band placer for the options' report year; none when no set has that year (the
  /// command line refuses such a year before assessing).
  var bandPlacer: BandPlacer {
    (try? BandPlacer(sets: library.bandSets, year: options.bandYear)) ?? BandPlacer(reports: [])
  }

  /// `results` with the bands of its metric set on each requirement a metric decided.
  func placingInBands(
    _ results: [String: RequirementResult], metrics: [MetricValue], placer: BandPlacer
  ) -> [String: RequirementResult] {
    let values = Dictionary(metrics.map { ($0.name, $0.value) }) { first, _ in first }
    return results.mapValues { result in
      guard result.basis == .metric, let name = result.requirement.metric?.metric,
        let value = values[name]
      else { return result }
      var result = result
      result.bands = placer.placements(of: name, value: value)
      return result
    }
  }

  /// `metric` with the bands of its value and of each part's value.
  func placedInBands(_ metric: MetricValue, placer: BandPlacer) -> MetricValue {
    var metric = metric
    metric.parts = metric.parts.map { part in
      var part = part
      part.bands = part.value.map { placer.placements(of: metric.name, value: $0) } ?? []
      return part
    }
    return metric
  }
}

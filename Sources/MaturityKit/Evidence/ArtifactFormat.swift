/// The artifact formats a bundle can declare, and how several files of one format combine.
public enum ArtifactFormat: String, Sendable, CaseIterable {
  case junit
  case cobertura
  case lcov
  case sarif
  case sbom
  case deployments

  /// Reads one file. Every reader but the deployment log's streams it, so a report of
  /// hundreds of megabytes is never held whole (an XML file in UTF-16 or a legacy encoding
  /// is converted whole first).
  public func read(_ file: ArtifactFile) throws(Diagnostic) -> ArtifactReading {
    switch self {
    case .junit: return try JUnitReader.read(file)
    case .cobertura: return try CoberturaReader.read(file)
    case .lcov: return try LCOVReader.read(file)
    case .sarif: return try SARIFReader.read(file)
    case .sbom: return try SBOMReader.read(file)
    case .deployments: return try DeploymentLogReader.read(file.whole())
    }
  }

  /// Reads bytes already in memory.
  public func read(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    try read(ArtifactFile(file))
  }

  /// The metrics and figures of several readings of this format taken together: counts are
  /// summed and the percentages recomputed from them; the rows of several deployment logs
  /// (one per service, say) are worked out as one log.
  func combine(_ readings: [ArtifactReading]) -> ArtifactReading {
    guard readings.count > 1 else { return readings.first ?? ArtifactReading(format: rawValue) }
    guard self != .deployments else {
      return DeploymentLogReader.reading(
        of: readings.flatMap(\.deployments), warnings: readings.flatMap(\.warnings))
    }
    var totals: [String: Double] = [:]
    var order: [String] = []
    for reading in readings {
      for (name, value) in reading.figures {
        guard let number = Double(value) else { continue }
        if totals[name] == nil { order.append(name) }
        totals[name, default: 0] += number
      }
    }
    var combined = ArtifactReading(
      format: rawValue,
      figures: order.map { ($0, NumberText.format(totals[$0] ?? 0, decimals: 3)) },
      warnings: readings.flatMap(\.warnings))
    combined.metrics = metrics(from: totals, readings: readings)
    return combined
  }

  private func metrics(from totals: [String: Double], readings: [ArtifactReading])
    -> [String: Double]
  {
    func share(_ part: String, of whole: [String]) -> Double? {
      let total = whole.compactMap { totals[$0] }.reduce(0, +)
      return total > 0 ? 100 * (totals[part] ?? 0) / total : nil
    }
    var metrics: [String: Double] = [:]
    switch self {
    case .junit:
      metrics["test_pass_rate_percent"] = share("passed", of: ["passed", "failed", "errored"])
    case .cobertura, .lcov:
      metrics["line_coverage_percent"] = share("lines_covered", of: ["lines_total"])
      metrics["branch_coverage_percent"] = share("branches_covered", of: ["branches_total"])
    case .sarif, .sbom:
      // Open findings add up; a file that gives no count (not analysed) adds nothing.
      let counts = readings.compactMap { $0.metrics["open_critical_findings"] }
      if !counts.isEmpty { metrics["open_critical_findings"] = counts.reduce(0, +) }
    case .deployments:
      break
    }
    return metrics
  }
}

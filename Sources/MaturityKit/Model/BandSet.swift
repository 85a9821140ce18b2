/// Performance bands by report year, such as DORA's elite, high, medium and low, so that
/// a metric rule can ask for "at least the high band of the 2023 report".
public struct BandSet: Sendable {
  public var id: String
  public var title: String
  public var provenance: Provenance
  public var reports: [BandReport]
  public var location: SourceLocation

  public func report(_ year: Int) -> BandReport? { reports.first { $0.year == year } }
}

/// The bands one report year defines, per metric, best band first.
public struct BandReport: Sendable {
  public var year: Int
  public var source: String
  public var confidence: Provenance.Confidence
  public var metrics: [String: [Band]]
}

/// One band of one metric: the condition a value must meet to be in it or better.
public struct Band: Sendable, Hashable {
  public var name: String
  public var comparison: MetricRule.Comparison
  public var threshold: Double
  public var note: String?
}

/// A metric rule's reference to a band: `band: high` of `report: 2023` in set `dora`.
public struct BandReference: Sendable, Hashable {
  public var set: String
  public var year: Int
  public var band: String
  /// Where the rule names the band, for errors.
  public var location: SourceLocation?
}

extension BandReport {
  /// The best band whose condition `value` meets, nil when it meets none; the report gives no
  /// bands for `metric` at all when `metric` is not a key of `metrics`.
  public func bestBand(of metric: String, value: Double) -> Band? {
    metrics[metric]?.first { band in
      MetricRule(metric: metric, comparison: band.comparison, threshold: band.threshold)
        .isSatisfied(by: value)
    }
  }
}

/// One requirement of a standard.
public struct Requirement: Sendable {
  public enum Obligation: String, Sendable, CaseIterable {
    case required
    case recommended
  }

  public var id: String
  /// The level it belongs to in a levelled standard; nil in a conformance standard.
  public var level: Int?
  public var text: String
  public var textZh: String?
  public var obligation: Obligation
  public var metric: MetricRule?
  /// What an assessor expects to see.
  public var evidenceHint: String?
  public var location: SourceLocation

  public var isRequired: Bool { obligation == .required }
}

/// A numeric rule on a named metric, in the metric's canonical unit.
public struct MetricRule: Sendable, Hashable {
  public enum Comparison: String, Sendable, CaseIterable {
    case atMost = "at_most"
    case atLeast = "at_least"
    case below
    case above

    public var symbol: String {
      switch self {
      case .atMost: return "≤"
      case .atLeast: return "≥"
      case .below: return "<"
      case .above: return ">"
      }
    }
  }

  public var metric: String
  public var comparison: Comparison
  public var threshold: Double
  /// Set when the rule was written as a band of a report year; the loader then fills
  /// `comparison` and `threshold` from the band.
  public var band: BandReference?

  public init(
    metric: String, comparison: Comparison, threshold: Double, band: BandReference? = nil
  ) {
    self.metric = metric
    self.comparison = comparison
    self.threshold = threshold
    self.band = band
  }

  /// Whether `value` meets the rule. Values within a relative 1e-9 of the threshold count
  /// as equal to it, so a unit conversion (1.4 per week is 0.19999999999999998 per day)
  /// cannot turn a value that meets "≥ 0.2 per day" into one that misses it.
  public func isSatisfied(by value: Double) -> Bool {
    let isEqual = abs(value - threshold) <= 1e-9 * max(1, abs(threshold), abs(value))
    switch comparison {
    case .atMost: return isEqual || value < threshold
    case .atLeast: return isEqual || value > threshold
    case .below: return !isEqual && value < threshold
    case .above: return !isEqual && value > threshold
    }
  }

  /// "≤ 30 min", or "≥ 0.14 per day (high band, dora 2023)"
  public var condition: String {
    let unit = MetricCatalog.definition(metric)?.unit.symbol ?? ""
    var text =
      "\(comparison.symbol) \(NumberText.format(threshold))\(unit.isEmpty ? "" : " \(unit)")"
    if let band { text += " (\(band.band) band, \(band.set) \(band.year))" }
    return text
  }
}

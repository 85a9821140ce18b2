/// Places metric values in the bands of one report year of each loaded band set, for
/// reports: bands describe a value, they decide no requirement (a rule names its own band).
public struct BandPlacer: Sendable {
  /// The report used from each band set, in the order of the sets.
  public var reports: [(set: String, report: BandReport)]

  public init(reports: [(set: String, report: BandReport)]) {
    self.reports = reports
  }

  /// Each set's report of `year`, or each set's latest report when `year` is nil.
  ///
  /// - Throws: `BandYearError` when a year is given and no set has a report of it.
  public init(sets: [BandSet], year: Int? = nil) throws(BandYearError) {
    guard let year else {
      reports = sets.compactMap { set in
        set.reports.max { $0.year < $1.year }.map { (set.id, $0) }
      }
      return
    }
    reports = sets.compactMap { set in set.report(year).map { (set: set.id, report: $0) } }
    guard reports.isEmpty else { return }
    throw BandYearError(
      year: year, available: sets.map { set in (set.id, set.reports.map(\.year)) })
  }

  /// The best band `value` meets in each report that gives bands for `metric`; empty when
  /// no report covers the metric.
  public func placements(of metric: String, value: Double) -> [BandPlacement] {
    reports.compactMap { entry in
      guard entry.report.metrics[metric] != nil else { return nil }
      let band = entry.report.bestBand(of: metric, value: value)?.name
      return BandPlacement(set: entry.set, year: entry.report.year, band: band)
    }
  }
}

/// A report year that no loaded band set has.
public struct BandYearError: Error, CustomStringConvertible {
  public var year: Int
  /// Each loaded set's id and report years.
  public var available: [(set: String, years: [Int])]

  public var description: String {
    let years = available.map { entry in
      "\(entry.set) has " + entry.years.map(String.init).joined(separator: ", ")
    }
    let have = years.isEmpty ? "no band set is loaded" : years.joined(separator: "; ")
    return "no band set has a report of \(year); \(have)"
  }
}

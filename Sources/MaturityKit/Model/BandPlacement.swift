/// Where a value falls in one report year of a band set: the best band it meets, if any.
public struct BandPlacement: Sendable, Hashable {
  /// The band set's id: "dora".
  public var set: String
  public var year: Int
  /// The best band whose condition the value meets; nil when it meets none.
  public var band: String?

  public init(set: String, year: Int, band: String?) {
    self.set = set
    self.year = year
    self.band = band
  }

  /// "dora 2023 band: high", or "dora 2023 band: no band".
  public var description: String { "\(set) \(year) band: \(band ?? "no band")" }
}

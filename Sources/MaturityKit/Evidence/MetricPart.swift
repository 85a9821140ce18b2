/// A metric's value for one part of what an artifact covers, such as one service of a
/// deployment log, beside the value over the whole artifact that decides requirements.
public struct MetricPart: Sendable {
  /// What the part is: "service".
  public var kind: String
  public var name: String
  /// The value in the catalogue's canonical unit; nil when the part gives none (a service
  /// with no resolved incident has no recovery time).
  public var value: Double?
  /// The bands the value falls in, filled in when the bundle is assessed.
  public var bands: [BandPlacement] = []

  public init(kind: String, name: String, value: Double?, bands: [BandPlacement] = []) {
    self.kind = kind
    self.name = name
    self.value = value
    self.bands = bands
  }
}

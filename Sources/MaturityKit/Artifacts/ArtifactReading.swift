/// What an artifact reader (JUnit, Cobertura, LCOV, a deployment log, …) takes from one
/// file: catalogue metrics it can decide requirements with, the figures behind them for
/// the report, and warnings about odd but readable content.
public struct ArtifactReading: Sendable {
  /// A short name of the format: "junit", "cobertura", "lcov", "deployments".
  public var format: String
  /// Catalogue metric name → value in the catalogue's canonical unit.
  public var metrics: [String: Double]
  /// Facts behind the metrics, in reading order, for reports: ("tests", "123").
  public var figures: [(name: String, value: String)]
  /// The same metrics worked out for each part of what the file covers, such as each
  /// service of a deployment log, in reading order; empty when the format has no parts.
  public var parts: [Part]
  /// Odd but readable content (a `tests=` attribute that disagrees with the cases, a
  /// decimal comma); an unreadable file is an error thrown instead.
  public var warnings: [Diagnostic]
  /// A deployment log's rows, kept so that several logs of one entry are worked out as
  /// one: their medians cannot be combined from per-file figures.
  var deployments: [DeploymentLogReader.Deployment] = []

  public init(
    format: String, metrics: [String: Double] = [:],
    figures: [(name: String, value: String)] = [], parts: [Part] = [],
    warnings: [Diagnostic] = []
  ) {
    self.format = format
    self.metrics = metrics
    self.figures = figures
    self.parts = parts
    self.warnings = warnings
  }
}

extension ArtifactReading {
  /// One part of what an artifact covers (a service of a deployment log) and the catalogue
  /// metrics worked out for it alone; a metric the part gives no value for is absent.
  public struct Part: Sendable, Hashable {
    /// What the part is, for reports: "service".
    public var kind: String
    public var name: String
    public var metrics: [String: Double]

    public init(kind: String, name: String, metrics: [String: Double]) {
      self.kind = kind
      self.name = name
      self.metrics = metrics
    }
  }
}

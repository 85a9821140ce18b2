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
  /// Odd but readable content (a `tests=` attribute that disagrees with the cases, a
  /// decimal comma); an unreadable file is an error thrown instead.
  public var warnings: [Diagnostic]

  public init(
    format: String, metrics: [String: Double] = [:],
    figures: [(name: String, value: String)] = [], warnings: [Diagnostic] = []
  ) {
    self.format = format
    self.metrics = metrics
    self.figures = figures
    self.warnings = warnings
  }
}

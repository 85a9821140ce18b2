/// The metrics that evidence can give and that metric rules can name.
public enum MetricCatalog {
  public struct Definition: Sendable, Hashable {
    public var name: String
    /// The canonical unit: rule thresholds are written in it.
    public var unit: MetricUnit
    public var summary: String
  }

  public static let definitions: [Definition] = [
    Definition(
      name: "ci_feedback_minutes", unit: .minutes,
      summary: "commit to CI result seen, and a red build fixed back to green (median)"),
    Definition(
      name: "trunk_merges_per_developer_per_day", unit: .perDay,
      summary: "merges into trunk per developer per day"),
    Definition(
      name: "branch_lifetime_days", unit: .days,
      summary: "median life of a feature branch before merge"),
    Definition(
      name: "deployment_frequency_per_day", unit: .perDay,
      summary: "production deployments per day (DORA)"),
    Definition(
      name: "lead_time_hours", unit: .hours,
      summary: "commit to running in production, median (DORA)"),
    Definition(
      name: "change_failure_rate_percent", unit: .percent,
      summary: "deployments that caused a failure in production (DORA)"),
    Definition(
      name: "recovery_time_hours", unit: .hours,
      summary: "failed deployment recovery time, median (DORA)"),
    Definition(
      name: "build_success_rate_percent", unit: .percent,
      summary: "share of CI builds that succeed"),
    Definition(
      name: "environment_provision_minutes", unit: .minutes,
      summary: "request to a ready test environment"),
    Definition(
      name: "vcs_restore_hours", unit: .hours,
      summary: "version-control restore drill: time to recover"),
    Definition(
      name: "line_coverage_percent", unit: .percent, summary: "unit-test line coverage"),
    Definition(
      name: "branch_coverage_percent", unit: .percent, summary: "unit-test branch coverage"),
    Definition(
      name: "test_pass_rate_percent", unit: .percent,
      summary: "passing share of executed automated tests"),
    Definition(
      name: "automation_ratio_percent", unit: .percent,
      summary: "automated share of regression test cases"),
    Definition(
      name: "rollback_minutes", unit: .minutes, summary: "time to roll back a release"),
    Definition(
      name: "open_critical_findings", unit: .count,
      summary: "open critical or high security findings"),
    Definition(
      name: "critical_vulnerability_fix_days", unit: .days,
      summary: "median time from reporting a critical vulnerability to its fix in production"),
    Definition(
      name: "high_vulnerability_fix_days", unit: .days,
      summary: "median time from reporting a high vulnerability to its fix in production"),
    Definition(
      name: "sca_coverage_percent", unit: .percent,
      summary: "releases whose open-source components were scanned (SCA)"),
    Definition(
      name: "sast_coverage_percent", unit: .percent,
      summary: "repositories whose code is scanned by static application security testing"),
    Definition(
      name: "dast_coverage_percent", unit: .percent,
      summary: "externally reachable services tested by dynamic application security testing"),
    Definition(
      name: "defect_escape_rate_percent", unit: .percent,
      summary: "defects found in production out of all defects found in a period"),
    Definition(
      name: "api_test_coverage_percent", unit: .percent,
      summary: "interfaces (APIs) with automated tests"),
    Definition(
      name: "deployment_rework_rate_percent", unit: .percent,
      summary: "deployments that were unplanned, made to fix a problem in production (DORA 2024)"),
    Definition(
      name: "requirement_lead_time_days", unit: .days,
      summary: "requirement accepted to delivered to users, median"),
    Definition(
      name: "incident_detection_minutes", unit: .minutes,
      summary: "failure start to detection, median"),
    Definition(
      name: "metric_data_latency_hours", unit: .hours,
      summary: "age of the newest data shown on the delivery metrics dashboard"),
  ]

  private static let byName: [String: Definition] = Dictionary(
    uniqueKeysWithValues: definitions.map { ($0.name, $0) })

  public static func definition(_ name: String) -> Definition? { byName[name] }

  public static var names: [String] { definitions.map(\.name) }
}

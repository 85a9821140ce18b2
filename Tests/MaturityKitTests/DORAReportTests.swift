import Foundation
import Testing

@testable import MaturityKit

/// Per-service DORA metrics and their bands in `metrics` and `assess` reports.
@Suite struct DORAReportTests {
  private let scope =
    "scope: {organisation: O, name: N, kind: application, assessed_on: 2026-11-20}\n"

  /// api deploys twice 14 days apart, each change 24 h old, without failure; batch deploys
  /// four times in one day with one-hour-old changes, three of them failed, and one incident
  /// of exactly one hour.
  static let boundaries = """
    time,service,version,commit_time,outcome,incident_opened,incident_resolved
    2026-10-01T00:00:00Z,api,1,2026-09-30T00:00:00Z,success,,
    2026-10-02T01:00:00Z,batch,1,2026-10-02T00:00:00Z,failure,,
    2026-10-02T02:00:00Z,batch,2,2026-10-02T01:00:00Z,rolled-back,,
    2026-10-02T03:00:00Z,batch,3,2026-10-02T02:00:00Z,success,\
    2026-10-02T05:00:00Z,2026-10-02T06:00:00Z
    2026-10-02T04:00:00Z,batch,4,2026-10-02T03:00:00Z,success,,
    2026-10-15T00:00:00Z,api,2,2026-10-14T00:00:00Z,success,,

    """

  private func bundle() throws -> String {
    try Fixture.bundle([
      "e.yaml": scope + "artifacts:\n  - {format: deployments, files: d.csv}\n",
      "d.csv": Self.boundaries,
    ])
  }

  @Test func eachServiceIsPlacedInItsOwnBand() throws {
    let result = MaturityCommand.run(["metrics", "--band-year", "2023", try bundle()])
    #expect(result.exitCode == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
      .filter { $0.hasPrefix("    service ") }
    // 2023 bands: api's 2 deployments in 14 days are exactly 1/7 a day, on the high band's
    // floor of 0.142857; its 24 h lead time misses elite (below 24) and is high. batch's 4
    // over the log's 14 days are 0.2857 a day, high (4 in its own one day would have read
    // as elite); 3 of 4 failed is 75 %, over the low band's 64 %: no band; its
    // one-hour recovery misses elite (below 1) and is high. api has no incident at all.
    // Metrics read from a file come in name order.
    #expect(
      lines == [
        "    service api = 0 %; dora 2023 band: elite",
        "    service batch = 75 %; dora 2023 band: no band",
        "    service api = 0.1429 per day; dora 2023 band: high",
        "    service batch = 0.2857 per day; dora 2023 band: high",
        "    service api = 24 h; dora 2023 band: high",
        "    service batch = 1 h; dora 2023 band: elite",
        "    service api = no value",
        "    service batch = 1 h; dora 2023 band: high",
      ])
  }

  @Test func placementsFollowTheBandsOfTheReportYear() throws {
    let library = StandardsLoader().load(paths: []).library
    let latest = try BandPlacer(sets: library.bandSets)
    let of2021 = try BandPlacer(sets: library.bandSets, year: 2021)
    // 50 % failed: within 2023's low median of 64, beyond anything 2021 bands (30 %).
    #expect(
      latest.placements(of: "change_failure_rate_percent", value: 50)
        == [BandPlacement(set: "dora", year: 2023, band: "low")])
    #expect(
      of2021.placements(of: "change_failure_rate_percent", value: 50)
        == [BandPlacement(set: "dora", year: 2021, band: nil)])
    #expect(latest.placements(of: "line_coverage_percent", value: 50).isEmpty)
  }

  @Test(arguments: [
    (year: [String](), band: "low"),
    (year: ["--band-year", "2021"], band: "no band"),
  ])
  func assessShowsTheBandNextToAGapItsMetricDecided(year: [String], band: String) throws {
    let result = MaturityCommand.run(["assess", "--todo", "all"] + year + [try bundle()])
    #expect(result.exitCode == 0)
    // The whole log: 3 failed of 6 deployments, 50 %, misses 2023's medium median of 15 %.
    // The band follows the reason, before the requirement's text on the next lines.
    let text = result.stdout.replacingOccurrences(
      of: "\n +", with: " ", options: .regularExpression)
    let gap = text.split(separator: "\n").first { $0.contains("PM-MC-DORA-STB-L3-1  L3") }
    let reportYear = year.isEmpty ? "2023" : "2021"
    #expect(gap?.contains("= 50 %, needs ≤ 15 % (medium band, dora 2023) [d.csv: ") == true)
    #expect(
      gap?.contains("batch.deployments 4]; dora \(reportYear) band: \(band) Change failure")
        == true,
      "\(gap ?? "no gap line")")
  }

  @Test func theJSONReportGivesBandsAndServices() throws {
    let result = MaturityCommand.run(["assess", "--format", "json", try bundle()])
    #expect(result.exitCode == 0)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let requirements = (report["domains"] as? [[String: Any]] ?? [])
      .flatMap { $0["results"] as? [[String: Any]] ?? [] }
      .flatMap { $0["requirements"] as? [[String: Any]] ?? [] }
    let decided = try #require(requirements.first { $0["id"] as? String == "PM-MC-DORA-STB-L3-1" })
    #expect(band(decided["bands"]) == ["dora 2023 low"])
    let claimed = requirements.first { $0["basis"] as? String != "metric" }
    #expect(claimed?["bands"] == nil)
    let metrics = report["metrics"] as? [[String: Any]] ?? []
    let recovery = try #require(metrics.first { $0["name"] as? String == "recovery_time_hours" })
    #expect(band(recovery["bands"]) == ["dora 2023 high"])
    let parts = recovery["parts"] as? [[String: Any]] ?? []
    #expect(parts.map { $0["kind"] as? String } == ["service", "service"])
    #expect(parts.map { $0["name"] as? String } == ["api", "batch"])
    #expect(parts.first?["value"] is NSNull)
    #expect(band(parts.first?["bands"]) == [])
    #expect(parts.last?["value"] as? Double == 1)
    #expect(band(parts.last?["bands"]) == ["dora 2023 high"])
  }

  @Test(arguments: [
    (value: "2020", message: "no band set has a report of 2020; dora has 2019, 2021, 2023"),
    (value: "next", message: "expected a year for '--band-year', found 'next'"),
  ])
  func assessRefusesABandYearNoSetHas(value: String, message: String) {
    enterPackageRoot()
    let result = MaturityCommand.run(["assess", "--band-year", value, "Examples/bank-payments"])
    #expect(result.exitCode == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("Error: \(message)\nUsage: maturity assess "))
  }

  @Test func theBankExampleTakesItsDORAMetricsFromItsDeploymentLog() throws {
    enterPackageRoot()
    let result = MaturityCommand.run(["assess", "--format", "json", "Examples/bank-payments"])
    #expect(result.exitCode == 0)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let metrics = report["metrics"] as? [[String: Any]] ?? []
    func metric(_ name: String) -> [String: Any] {
      metrics.first { $0["name"] as? String == name } ?? [:]
    }
    // Worked out from the log with a separate script: 106 deployments from 2 July 22:05:42
    // to 29 September 16:05 (88.75 days); 5 failures; resolved incidents of 41, 205, 55
    // and 22 minutes, median 48 minutes.
    let log = "docs/deploy/deployment-log-2026-q3.csv"
    let names = [
      "deployment_frequency_per_day", "lead_time_hours", "change_failure_rate_percent",
      "recovery_time_hours",
    ]
    #expect(names.map { metric($0)["source"] as? String } == Array(repeating: log, count: 4))
    #expect(names.map { metric($0)["value"] as? Double } == [1.19, 58.11, 4.72, 0.8])
    #expect(names.map { metric($0)["period"] is NSNull } == [true, true, true, true])
    let recovery = metric("recovery_time_hours")["parts"] as? [[String: Any]] ?? []
    #expect(
      recovery.map { $0["name"] as? String } == ["pgw-api", "pgw-fx", "pgw-notify", "pgw-settle"])
    // pgw-api's one failure was a canary abort without an incident: no recovery time.
    #expect(recovery.first?["value"] is NSNull)
    #expect(recovery.map { $0["value"] as? Double }.dropFirst() == [3.42, 0.37, 0.8])
    let text = MaturityCommand.run(["assess", "Examples/bank-payments"]).stdout
    #expect(
      text.contains(
        "lead_time_hours = 58.11 h, docs/deploy/deployment-log-2026-q3.csv, deployments 106,"))
  }

  /// "dora 2023 low" for each placement of a JSON "bands" array; "none" for a null band.
  private func band(_ value: Any?) -> [String] {
    (value as? [[String: Any]] ?? []).map { placement in
      let band = placement["band"] as? String ?? "none"
      return "\(placement["set"] as? String ?? "?") \(placement["year"] as? Int ?? 0) \(band)"
    }
  }
}

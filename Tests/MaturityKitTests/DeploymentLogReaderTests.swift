import Foundation
import Testing

@testable import MaturityKit

/// Deployment logs (docs/deployment-log-format.md). No real logs are in ../shared/realdata,
/// so the logs are written here and every expected value was worked out by hand.
@Suite struct DeploymentLogReaderTests {
  static let header =
    "time,service,version,commit_time,outcome,incident_opened,incident_resolved\n"

  /// Two services over ten days, with a quoted service name holding a comma and quotes.
  static let twoServices = """
    time,service,version,commit_time,outcome,incident_opened,incident_resolved
    2026-10-01T09:00:00Z,payments,1.4.0,2026-09-30T09:00:00Z,success,,
    2026-10-02T14:05:00+08:00,payments,1.4.1,2026-10-02T02:05:00+08:00,failure,,
    2026-10-03T15:30:00+05:30,"ledger ""EU"", west","2.0.0, hotfix",2026-10-03T08:30:00Z,\
    success,2026-10-03T11:00:00Z,2026-10-03T13:00:00Z
    2026-10-05T12:00:00Z,payments,1.5.0,2026-10-05T06:00:00Z,rolled-back,\
    2026-10-05T12:30:00Z,2026-10-05T13:30:00Z
    2026-10-08T09:00:00Z,"ledger ""EU"", west",2.1.0,2026-10-07T21:00:00Z,success,\
    2026-10-08T10:00:00Z,
    2026-10-11T09:00:00Z,payments,1.5.1,2026-10-11T08:00:00Z,success,,

    """

  private func read(_ text: String) throws -> ArtifactReading {
    try DeploymentLogReader.read(SourceFile(path: "deploys.csv", text: text))
  }

  /// "line:col: message" of the error reading `text` throws, or nil when it reads.
  private func error(_ text: String) -> String? {
    do {
      _ = try DeploymentLogReader.read(SourceFile(path: "deploys.csv", text: text))
      return nil
    } catch {
      return summary([error]).first
    }
  }

  private func figures(_ reading: ArtifactReading) -> [String] {
    reading.figures.map { "\($0.name)=\($0.value)" }
  }

  @Test(arguments: ["\n", "\r\n"])
  func twoServicesGiveTheFourMetrics(lineEnd: String) throws {
    let reading = try read(Self.twoServices.replacingOccurrences(of: "\n", with: lineEnd))
    // In UTC the deployments are on Oct 1 09:00, Oct 2 06:05 (14:05+08), Oct 3 10:00
    // (15:30+05:30), Oct 5 12:00, Oct 8 09:00 and Oct 11 09:00: Oct 1 09:00 to Oct 11 09:00
    // is 10 days, and 6 deployments / 10 days = 0.6 a day.
    #expect(reading.format == "deployments")
    #expect(reading.metrics["deployment_frequency_per_day"] == 0.6)
    // Lead times: 24 h (Sep 30 09:00 to Oct 1 09:00), 12 h (Oct 1 18:05 to Oct 2 06:05 in
    // UTC), 1.5 h, 6 h, 12 h (Oct 7 21:00 to Oct 8 09:00), 1 h. Sorted 1, 1.5, 6, 12, 12, 24:
    // an even count, so the median is (6 + 12) / 2 = 9.
    #expect(reading.metrics["lead_time_hours"] == 9)
    // Failed: row 2 (failure, no incident), row 3 (success but an incident), row 4
    // (rolled back with an incident), row 5 (an incident still open) = 4; 100 × 4 / 6.
    let failureRate = try #require(reading.metrics["change_failure_rate_percent"])
    #expect(abs(failureRate - 200.0 / 3) < 1e-9)
    // Resolved incidents: 11:00 to 13:00 = 2 h and 12:30 to 13:30 = 1 h; the open one on
    // row 5 is left out. Median of 1 and 2 = 1.5.
    #expect(reading.metrics["recovery_time_hours"] == 1.5)
    #expect(reading.metrics.count == 4)
    #expect(
      figures(reading) == [
        "deployments=6", "services=2", "period_days=10", "failures=4", "incidents=3",
        "payments.deployments=4", "ledger \"EU\", west.deployments=2",
      ])
  }

  /// Two services with periods of their own; ledger has no incident and deploys within
  /// one day.
  static let apiAndLedger = """
    time,service,version,commit_time,outcome,incident_opened,incident_resolved
    2026-10-01T08:00:00Z,api,1,2026-09-30T20:00:00Z,success,,
    2026-10-02T12:00:00+08:00,ledger,1,2026-10-01T12:00:00+08:00,success,,
    2026-10-02T20:00:00+08:00,ledger,2,2026-10-02T14:00:00+08:00,failure,,
    2026-10-02T22:00:00Z,ledger,3,2026-10-02T19:00:00Z,success,,
    2026-10-03T08:00:00Z,api,2,2026-10-03T06:00:00Z,rolled-back,\
    2026-10-03T08:10:00Z,2026-10-03T08:40:00Z
    2026-10-05T08:00:00Z,api,3,2026-10-04T08:00:00Z,success,\
    2026-10-05T09:00:00Z,2026-10-05T12:00:00Z
    2026-10-09T08:00:00Z,api,4,2026-10-09T07:00:00Z,success,,

    """

  @Test func eachServiceGetsTheFourMetricsFromItsOwnRows() throws {
    let reading = try read(Self.apiAndLedger)
    // api: Oct 1 08:00 to Oct 9 08:00 = 8 days, 4 deployments = 0.5 a day. Lead times 12,
    // 2, 24 and 1 h, median (2 + 12) / 2 = 7. Failed: the rollback and the success that
    // opened an incident, 2 of 4 = 50 %. Recovery 0.5 and 3 h, median 1.75.
    // ledger: 3 deployments over the log's 8 days, 0.375 a day (over its own 18 hours,
    // raised to a day, it would read 3 a day). Lead times 24, 6 and 3 h, median 6. One
    // failure of 3. No incident, so no recovery time.
    #expect(reading.parts.map(\.name) == ["api", "ledger"])
    #expect(reading.parts.map(\.kind) == ["service", "service"])
    let api = try #require(reading.parts.first?.metrics)
    #expect(api["deployment_frequency_per_day"] == 0.5)
    #expect(api["lead_time_hours"] == 7)
    #expect(api["change_failure_rate_percent"] == 50)
    #expect(api["recovery_time_hours"] == 1.75)
    let ledger = try #require(reading.parts.last?.metrics)
    #expect(ledger["deployment_frequency_per_day"] == 0.375)
    #expect(ledger["lead_time_hours"] == 6)
    #expect(abs((ledger["change_failure_rate_percent"] ?? 0) - 100.0 / 3) < 1e-9)
    #expect(ledger["recovery_time_hours"] == nil)
    #expect(ledger.count == 3)
    // The whole log is not the sum of its services: Oct 1 08:00 to Oct 9 08:00 = 8 days,
    // 7 deployments = 0.875 a day; lead times 1, 2, 3, 6, 12, 24, 24, median 6; 3 of 7
    // failed; recovery as api's, the only service with incidents.
    #expect(reading.metrics["deployment_frequency_per_day"] == 0.875)
    #expect(reading.metrics["lead_time_hours"] == 6)
    #expect(abs((reading.metrics["change_failure_rate_percent"] ?? 0) - 300.0 / 7) < 1e-9)
    #expect(reading.metrics["recovery_time_hours"] == 1.75)
  }

  @Test func anIncidentWithoutResolutionIsAWarningAndLeftOutOfRecovery() throws {
    let reading = try read(Self.twoServices)
    // Line 6: time (20) + "," puts the service at 22; the quoted service is 21 characters,
    // so the version starts at 44, the commit time at 50, the outcome at 71 and
    // incident_opened at 71 + 7 + 1 = 79.
    #expect(
      summary(reading.warnings) == [
        "6:79: incident opened at 2026-10-08T10:00:00Z has no 'incident_resolved'; "
          + "left out of recovery_time_hours"
      ])
    #expect(reading.warnings.map(\.severity) == [.warning])
    #expect(reading.warnings.first?.location?.file == "deploys.csv")
  }

  @Test func oneDeploymentCountsAsAPeriodOfOneDay() throws {
    let reading = try read(
      Self.header
        + "2026-10-02T14:05:00.250+08:00,search,7.2.0,2026-10-02T11:35:00.250+08:00,success,,")
    // One deployment, a period of 0 raised to 1 day: 1 a day. 11:35 to 14:05 = 2.5 h.
    #expect(reading.metrics["deployment_frequency_per_day"] == 1)
    #expect(reading.metrics["lead_time_hours"] == 2.5)
    #expect(reading.metrics["change_failure_rate_percent"] == 0)
    #expect(reading.metrics["recovery_time_hours"] == nil)
    #expect(
      figures(reading) == [
        "deployments=1", "services=1", "period_days=1", "failures=0", "incidents=0",
        "search.deployments=1",
      ])
    #expect(reading.warnings.isEmpty)
  }

  @Test func columnsMayComeInAnyOrderAfterAByteOrderMark() throws {
    let reading = try read(
      """
      \u{FEFF}outcome,service,time,commit_time,version,incident_resolved,incident_opened
      success,api,2026-10-01T00:00:00Z,2026-09-30T20:00:00Z,1,,
      failure, api ,2026-10-01T12:00:00Z,2026-10-01T10:00:00Z,2,2026-10-01T15:00:00Z,\
      2026-10-01T12:30:00Z

      success,api,2026-10-04T00:00:00Z,2026-10-03T17:00:00Z,3,,

      """)
    // Oct 1 00:00 to Oct 4 00:00 = 3 days, 3 deployments: 1 a day. Lead times 4, 2 and 7 h:
    // an odd count, median 4. One failure of 3 = 33.33 %. Recovery 12:30 to 15:00 = 2.5 h
    // (incident_resolved comes before incident_opened in this header).
    #expect(reading.metrics["deployment_frequency_per_day"] == 1)
    #expect(reading.metrics["lead_time_hours"] == 4)
    let failureRate = try #require(reading.metrics["change_failure_rate_percent"])
    #expect(abs(failureRate - 100.0 / 3) < 1e-9)
    #expect(reading.metrics["recovery_time_hours"] == 2.5)
    #expect(
      figures(reading).suffix(4) == [
        "period_days=3", "failures=1", "incidents=1", "api.deployments=3",
      ])
  }

  @Test func aQuotedLineBreakKeepsLaterLineNumbersRight() {
    let text =
      Self.header + """
        2026-10-01T09:00:00Z,web,"1.0
        with notes",2026-10-01T08:00:00Z,success,,
        2026-10-02T09:00:00Z,web,1.1,2026-10-02T08:00:00Z,ok,,
        """
    // Line 4: time 1-20, web 22-24, 1.1 26-28, commit time 30-49, outcome at 51.
    #expect(
      error(text) == "4:51: expected 'success', 'failure' or 'rolled-back' in 'outcome', "
        + "found 'ok'")
  }

  static let columns =
    "time, service, version, commit_time, outcome, incident_opened, incident_resolved"
  static let expectedTime =
    "expected an ISO 8601 time with an offset or Z in 'time' (such as 2026-10-02T14:05:00+08:00)"
  static let expectedOutcome = "expected 'success', 'failure' or 'rolled-back' in 'outcome'"
  /// A valid row: time 1-20, service 22-24, version 26-28, commit_time 30-49, outcome 51-57,
  /// incident_opened at 59 and incident_resolved at 60 when both are empty.
  static let row = "2026-10-02T14:05:00Z,web,1.0,2026-10-02T13:00:00Z,success,,"

  /// Bad inputs with the error they give. The header is 74 characters: 4 + 7 + 7 + 11 + 7 +
  /// 15 + 17 names and 6 commas, so it ends at column 75 and a column added after it starts
  /// at column 76.
  static let badInputs: [(text: String, error: String)] = [
    ("", "1:1: expected a header row naming the columns \(columns), found an empty file"),
    ("\r\n  \r\n", "1:1: expected a header row naming the columns \(columns), found an empty file"),
    (
      "<?xml version=\"1.0\"?>\n<testsuites/>\n",
      "1:1: expected a header row naming the columns \(columns), found '<?xml version=\"1.0\"?>'"
    ),
    (
      "name,duration\nbuild,12\n",
      "1:1: expected a header row naming the columns \(columns), found 'name,duration'"
    ),
    (
      "time,service,version,commit_time,incident_opened,incident_resolved\n\(row)\n",
      "1:1: expected column 'outcome' in the header row"
    ),
    (
      "time,service,version,commit_time,outcome\n2026-10-02T14:05:00Z,web,1.0,x,success\n",
      "1:1: expected columns 'incident_opened', 'incident_resolved' in the header row"
    ),
    (
      String(Self.header.dropLast()) + ",region\n\(row),eu\n",
      "1:76: unknown column 'region'; expected one of \(columns)"
    ),
    (
      "Time" + Self.header.dropFirst(4) + row,
      "1:1: unknown column 'Time'; did you mean 'time'?"
    ),
    (
      String(Self.header.dropLast()) + ",service\n\(row),web\n",
      "1:76: duplicate column 'service' in the header row"
    ),
    (Self.header, "1:75: expected at least one deployment row after the header row, found none"),
    (
      Self.header + "2026-10-02 14:05:00+08:00" + row.dropFirst(20),
      "2:1: \(expectedTime), found '2026-10-02 14:05:00+08:00'"
    ),
    (
      Self.header + "2026-02-30T10:00:00Z" + row.dropFirst(20),
      "2:1: \(expectedTime), found '2026-02-30T10:00:00Z'"
    ),
    (
      Self.header + "2026-10-02T14:05:00+15:00" + row.dropFirst(20),
      "2:1: \(expectedTime), found '2026-10-02T14:05:00+15:00'"
    ),
    (
      Self.header + "2026-10-02T14:05:00Zjunk" + row.dropFirst(20),
      "2:1: \(expectedTime), found '2026-10-02T14:05:00Zjunk'"
    ),
    (Self.header + row.dropFirst(20), "2:1: \(expectedTime), found nothing"),
    (
      Self.header + "2026-10-02T14:05:00Z,web,1.0,2026-10-02T13:00:00,success,,",
      "2:30: expected an ISO 8601 time with an offset or Z in 'commit_time' "
        + "(such as 2026-10-02T14:05:00+08:00), found '2026-10-02T13:00:00'"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,web,1.0,2026-10-02T15:00:00Z,success,,",
      "2:30: expected 'commit_time' no later than 'time' (2026-10-02T14:05:00Z), "
        + "found '2026-10-02T15:00:00Z'"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,web,1.0,2026-10-02T13:00:00Z,Success,,",
      "2:51: \(expectedOutcome), found 'Success'; did you mean 'success'?"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,web,1.0,2026-10-02T13:00:00Z,ok,,",
      "2:51: \(expectedOutcome), found 'ok'"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,web,1.0,2026-10-02T13:00:00Z,rolled back,,",
      "2:51: \(expectedOutcome), found 'rolled back'; did you mean 'rolled-back'?"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,,1.0,2026-10-02T13:00:00Z,success,,",
      "2:22: expected a service name in 'service', found nothing"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,web, ,2026-10-02T13:00:00Z,success,,",
      "2:26: expected a version in 'version', found nothing"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,\"web,1.0,2026-10-02T13:00:00Z,success,,\n",
      "2:22: expected a closing '\"' for the quoted field, found the end of the file"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,web \"blue\",1.0,2026-10-02T13:00:00Z,success,,",
      "2:22: expected a field without '\"' or wholly in quotes, found '\"' inside it"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,\"web\"x,1.0,2026-10-02T13:00:00Z,success,,",
      "2:22: expected ',' or a line end after the closing '\"' of the quoted field"
    ),
    (
      Self.header + row.dropLast(),
      "2:59: expected 7 fields as in the header row, found 6"
    ),
    (Self.header + row + ",extra", "2:61: expected 7 fields as in the header row, found 8"),
    (
      Self.header + row + "2026-10-02T15:00:00Z",
      "2:59: expected 'incident_opened' when 'incident_resolved' is given, found nothing"
    ),
    (
      Self.header + "2026-10-02T14:05:00Z,web,1.0,2026-10-02T13:00:00Z,failure,"
        + "2026-10-02T15:00:00Z,2026-10-02T14:30:00Z",
      "2:80: expected 'incident_resolved' no earlier than 'incident_opened' "
        + "(2026-10-02T15:00:00Z), found '2026-10-02T14:30:00Z'"
    ),
  ]

  @Test(arguments: badInputs)
  func badInputIsOneErrorWithItsPlace(text: String, expected: String) {
    #expect(error(text) == expected)
  }
}

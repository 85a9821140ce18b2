import Foundation

extension DeploymentLogReader {
  /// One data row, read and checked.
  struct Deployment {
    var time: Date
    var service: String
    var commitTime: Date
    var outcome: Outcome
    var incidentOpened: Date?
    var incidentResolved: Date?

    /// Counted in the change failure rate: a failed or rolled-back deployment, or one
    /// that opened an incident whatever its outcome.
    var isFailure: Bool { outcome != .success || incidentOpened != nil }

    /// Incident opened to resolved, in hours, when both are known.
    var recoveryHours: Double? {
      guard let incidentOpened, let incidentResolved else { return nil }
      return incidentResolved.timeIntervalSince(incidentOpened) / 3600
    }
  }

  enum Outcome: String, CaseIterable {
    case success
    case failure
    case rolledBack = "rolled-back"
  }

  /// The metrics and figures over all `deployments` (at least one), then the same metrics
  /// for each service in the order it first appears, its frequency over the log's period.
  static func reading(of deployments: [Deployment], warnings: [Diagnostic]) -> ArtifactReading {
    let whole = metrics(of: deployments)
    var services: [String] = []
    var byService: [String: [Deployment]] = [:]
    for deployment in deployments {
      if byService[deployment.service] == nil { services.append(deployment.service) }
      byService[deployment.service, default: []].append(deployment)
    }
    // A service's frequency is over the whole log's period, so that the services' rates add
    // up to the log's and one deployment in a quarter is not "once a day".
    let parts = services.map { service in
      let deployments = byService[service] ?? []
      var values = metrics(of: deployments).values
      values["deployment_frequency_per_day"] = Double(deployments.count) / whole.periodDays
      return ArtifactReading.Part(kind: "service", name: service, metrics: values)
    }
    return ArtifactReading(
      format: "deployments", metrics: whole.values,
      figures: figures(of: deployments, periodDays: whole.periodDays, failures: whole.failures),
      parts: parts, warnings: warnings)
  }

  /// The four DORA metrics of `deployments` (at least one), with the period and failure
  /// count behind them; recovery time only when an incident was resolved.
  static func metrics(
    of deployments: [Deployment]
  ) -> (values: [String: Double], periodDays: Double, failures: Int) {
    let times = deployments.map(\.time)
    let first = times.min() ?? .distantPast
    // A period shorter than a day would turn a handful of deployments into a high daily rate.
    let periodDays = max((times.max() ?? first).timeIntervalSince(first) / 86_400, 1)
    let count = Double(deployments.count)
    let failures = deployments.filter(\.isFailure).count
    var values = [
      "deployment_frequency_per_day": count / periodDays,
      "change_failure_rate_percent": 100 * Double(failures) / count,
    ]
    values["lead_time_hours"] = median(
      deployments.map { $0.time.timeIntervalSince($0.commitTime) / 3600 })
    values["recovery_time_hours"] = median(deployments.compactMap(\.recoveryHours))
    return (values, periodDays, failures)
  }

  /// The counts behind the metrics, then each service's deployments in order of appearance.
  static func figures(
    of deployments: [Deployment], periodDays: Double, failures: Int
  ) -> [(name: String, value: String)] {
    var services: [String] = []
    var perService: [String: Int] = [:]
    for deployment in deployments {
      if perService[deployment.service] == nil { services.append(deployment.service) }
      perService[deployment.service, default: 0] += 1
    }
    let incidents = deployments.filter { $0.incidentOpened != nil }.count
    let counts = services.map {
      (name: "\($0).deployments", value: String(perService[$0, default: 0]))
    }
    return [
      (name: "deployments", value: String(deployments.count)),
      (name: "services", value: String(services.count)),
      (name: "period_days", value: NumberText.format(periodDays)),
      (name: "failures", value: String(failures)),
      (name: "incidents", value: String(incidents)),
    ] + counts
  }

  /// The middle value, or the mean of the two middle values of an even count; nil when empty.
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

// MARK: - Rows

extension DeploymentLogReader {
  /// The deployment in `row`, after checking every field and how its times relate.
  static func deployment(
    from row: Row, in file: SourceFile, formatters: [ISO8601DateFormatter],
    warnings: inout [Diagnostic]
  ) throws(Diagnostic) -> Deployment {
    let time = try date(in: row[.time], of: .time, file: file, formatters: formatters)
    let service = try text(in: row[.service], of: .service, meaning: "a service name", file: file)
    _ = try text(in: row[.version], of: .version, meaning: "a version", file: file)
    let commit = try date(in: row[.commitTime], of: .commitTime, file: file, formatters: formatters)
    guard commit <= time else {
      let message =
        "expected 'commit_time' no later than 'time' (\(row[.time].value)), "
        + "found '\(row[.commitTime].value)'"
      throw failure(message, in: file, atByte: row[.commitTime].start)
    }
    let outcome = try outcome(in: row[.outcome], file: file)
    var deployment = Deployment(
      time: time, service: service, commitTime: commit, outcome: outcome)
    try readIncident(of: &deployment, from: row, in: file, formatters: formatters)
    if deployment.incidentOpened != nil, deployment.incidentResolved == nil {
      let message =
        "incident opened at \(row[.incidentOpened].value) has no 'incident_resolved'; "
        + "left out of recovery_time_hours"
      warnings.append(
        failure(message, in: file, atByte: row[.incidentOpened].start, severity: .warning))
    }
    return deployment
  }

  /// Fills in the incident times, checking that a resolution follows an opening.
  static func readIncident(
    of deployment: inout Deployment, from row: Row, in file: SourceFile,
    formatters: [ISO8601DateFormatter]
  ) throws(Diagnostic) {
    let opened = row[.incidentOpened]
    let resolved = row[.incidentResolved]
    if !opened.value.isEmpty {
      deployment.incidentOpened = try date(
        in: opened, of: .incidentOpened, file: file, formatters: formatters)
    }
    guard !resolved.value.isEmpty else { return }
    guard let openedTime = deployment.incidentOpened else {
      let message = "expected 'incident_opened' when 'incident_resolved' is given, found nothing"
      throw failure(message, in: file, atByte: opened.start)
    }
    let resolvedTime = try date(
      in: resolved, of: .incidentResolved, file: file, formatters: formatters)
    guard resolvedTime >= openedTime else {
      let message =
        "expected 'incident_resolved' no earlier than 'incident_opened' (\(opened.value)), "
        + "found '\(resolved.value)'"
      throw failure(message, in: file, atByte: resolved.start)
    }
    deployment.incidentResolved = resolvedTime
  }

  /// `'text'`, or `nothing` for an empty field.
  static func found(_ text: String) -> String {
    text.isEmpty ? "nothing" : "'\(text)'"
  }

  static func text(
    in field: Field, of column: Column, meaning: String, file: SourceFile
  ) throws(Diagnostic) -> String {
    guard !field.value.isEmpty else {
      let message = "expected \(meaning) in '\(column.name)', found nothing"
      throw failure(message, in: file, atByte: field.start)
    }
    return field.value
  }

  static func outcome(in field: Field, file: SourceFile) throws(Diagnostic) -> Outcome {
    guard let outcome = Outcome(rawValue: field.value) else {
      let names = Outcome.allCases.map(\.rawValue)
      let message =
        "expected 'success', 'failure' or 'rolled-back' in 'outcome', found "
        + found(field.value) + Suggestion.phrase(for: field.value, in: names)
      throw failure(message, in: file, atByte: field.start)
    }
    return outcome
  }
}

// MARK: - Times

extension DeploymentLogReader {
  /// One formatter for whole seconds and one for fractional seconds; both read the offset
  /// from the text, so neither the machine's time zone nor its locale matters.
  static func makeTimeFormatters() -> [ISO8601DateFormatter] {
    let options: [ISO8601DateFormatter.Options] = [
      [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
    ]
    return options.map { options in
      let formatter = ISO8601DateFormatter()
      formatter.formatOptions = options
      return formatter
    }
  }

  static func date(
    in field: Field, of column: Column, file: SourceFile, formatters: [ISO8601DateFormatter]
  ) throws(Diagnostic) -> Date {
    let text = field.value
    // The formatters alone accept trailing text, February 30 and an offset of +08:61.
    guard isWellFormedTime(text),
      let date = formatters.lazy.compactMap({ $0.date(from: text) }).first
    else {
      let message =
        "expected an ISO 8601 time with an offset or Z in '\(column.name)' "
        + "(such as 2026-10-02T14:05:00+08:00), found \(found(text))"
      throw failure(message, in: file, atByte: field.start)
    }
    return date
  }

  /// True for `YYYY-MM-DDTHH:MM:SS`, optional `.` and digits, then `Z` or `±HH:MM`, with a
  /// day that exists in its month and an offset of at most 14 hours.
  static func isWellFormedTime(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, matches(bytes[0..<19], "0000-00-00T00:00:00") else { return false }
    var rest = bytes[19...]
    if rest.first == UInt8(ascii: ".") {
      let digits = rest.dropFirst().prefix { (48...57).contains($0) }
      guard !digits.isEmpty else { return false }
      rest = rest.dropFirst(1 + digits.count)
    }
    return hasRealDay(bytes) && (Array(rest) == [UInt8(ascii: "Z")] || isOffset(rest))
  }

  /// `bytes` has a digit wherever `pattern` has `0` and the same byte elsewhere.
  static func matches(_ bytes: ArraySlice<UInt8>, _ pattern: String) -> Bool {
    bytes.count == pattern.utf8.count
      && zip(bytes, pattern.utf8).allSatisfy { byte, expected in
        expected == UInt8(ascii: "0") ? (48...57).contains(byte) : byte == expected
      }
  }

  static func isOffset(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
      matches(bytes.dropFirst(), "00:00")
    else { return false }
    let hours = number(bytes.dropFirst().prefix(2))
    let minutes = number(bytes.suffix(2))
    return minutes < 60 && hours * 60 + minutes <= 14 * 60
  }

  /// The date part names a month from 1 to 12 and a day that month has.
  static func hasRealDay(_ bytes: [UInt8]) -> Bool {
    let year = number(bytes[0..<4])
    let month = number(bytes[5..<7])
    let day = number(bytes[8..<10])
    guard (1...12).contains(month) else { return false }
    let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...lengths[month - 1]).contains(day)
  }

  /// The value of ASCII digits.
  static func number(_ digits: some Collection<UInt8>) -> Int {
    digits.reduce(0) { $0 * 10 + Int($1) - 48 }
  }
}

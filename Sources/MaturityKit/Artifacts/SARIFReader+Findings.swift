import Foundation

extension SARIFReader {
  /// The SARIF result levels; a result with none takes its rule's, else `warning`.
  static let levels: Set<String> = ["error", "warning", "note", "none"]

  /// The counts of a whole log.
  struct Tally {
    var runs = 0
    var runsNotAnalysed = 0
    /// Results that are open: not suppressed and not absent from the baseline.
    var results = 0
    var suppressed = 0
    var levels: [String: Int] = [:]
    /// Results by `security-severity` class: critical, high, medium, low.
    var classes: [String: Int] = [:]
    var openCritical = 0
    /// Distinct `tool.driver.name` values in reading order.
    var tools: [String] = []

    /// Counts one element of `runs`; `warn` records a warning at that run.
    mutating func add(run value: Any, number: Int, warn: (String) -> Void) {
      runs += 1
      guard let run = value as? [String: Any] else {
        runsNotAnalysed += 1
        return warn("run \(number) is not a JSON object; counted as not analysed")
      }
      let rules = Rules(run)
      let label = "run \(number) (\(rules.toolName ?? "no tool.driver.name"))"
      if let name = rules.toolName, !tools.contains(name) { tools.append(name) }
      guard let results = run["results"] as? [Any] else {
        runsNotAnalysed += 1
        let found = run["results"] == nil ? "no" : "a null or non-list"
        return warn("\(label) has \(found) \"results\"; counted as not analysed, not as clean")
      }
      if SARIFReader.hasFailed(run) {
        runsNotAnalysed += 1
        warn("\(label) says executionSuccessful false; counted as not analysed, not as clean")
      }
      var odd = Oddities()
      for result in results { add(result: result, rules: rules, odd: &odd) }
      odd.messages.forEach { warn("\(label): \($0)") }
    }

    /// Counts one element of `results`.
    mutating func add(result value: Any, rules: Rules, odd: inout Oddities) {
      guard let result = value as? [String: Any] else {
        return odd.note("results that are not JSON objects were skipped")
      }
      guard !SARIFReader.isSuppressed(result) else { return suppressed += 1 }
      let rule = rules.rule(for: result)
      let level = SARIFReader.level(of: result, rule: rule, odd: &odd)
      let score = SARIFReader.score(of: result, rule: rule, odd: &odd)
      results += 1
      levels[level, default: 0] += 1
      let severity = score.flatMap(SARIFReader.severityClass)
      if let severity { classes[severity, default: 0] += 1 }
      let isCritical = severity == "critical" || severity == "high"
      if isCritical || (score == nil && level == "error") { openCritical += 1 }
    }
  }

  /// Odd results of one run, each kind counted so that a large log gives one warning each.
  struct Oddities {
    private var counts: [String: Int] = [:]
    private var order: [String] = []

    mutating func note(_ message: String) {
      if counts[message] == nil { order.append(message) }
      counts[message, default: 0] += 1
    }

    var messages: [String] { order.map { "\($0) (\(counts[$0, default: 0]) times)" } }
  }

  /// The rules of one run: `tool.driver.rules` by index and id, then
  /// `tool.extensions[].rules` by id (and by index when a result names the extension).
  struct Rules {
    var toolName: String?
    var driver: [[String: Any]] = []
    var extensions: [[[String: Any]]] = []
    var byID: [String: [String: Any]] = [:]

    init(_ run: [String: Any]) {
      let tool = run["tool"] as? [String: Any]
      let component = tool?["driver"] as? [String: Any]
      toolName = component?["name"] as? String
      driver = SARIFReader.rules(of: component)
      extensions = (tool?["extensions"] as? [Any] ?? []).map {
        SARIFReader.rules(of: $0 as? [String: Any])
      }
      for rule in driver + extensions.joined().reversed() {
        if let id = rule["id"] as? String, byID[id] == nil { byID[id] = rule }
      }
    }

    /// The rule a result names by `ruleIndex`, `rule.index` or `ruleId`, or nil.
    func rule(for result: [String: Any]) -> [String: Any]? {
      let reference = result["rule"] as? [String: Any]
      let index = (result["ruleIndex"] ?? reference?["index"]) as? Int
      let component = (reference?["toolComponent"] as? [String: Any])?["index"] as? Int
      let list = component.flatMap { extensions.indices.contains($0) ? extensions[$0] : nil }
      if let index, let rules = Optional(list ?? driver), rules.indices.contains(index) {
        return rules[index]
      }
      guard let id = (result["ruleId"] ?? reference?["id"]) as? String else { return nil }
      // A hierarchical id such as "CA2000/unused" names the rule "CA2000".
      let parent = id.split(separator: "/", maxSplits: 1).first.map(String.init)
      return byID[id] ?? parent.flatMap { byID[$0] }
    }
  }

  static func rules(of component: [String: Any]?) -> [[String: Any]] {
    (component?["rules"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
  }

  /// True when every invocation of the run says `executionSuccessful: false`.
  static func hasFailed(_ run: [String: Any]) -> Bool {
    let invocations = (run["invocations"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
    return !invocations.isEmpty
      && invocations.allSatisfy { ($0["executionSuccessful"] as? Bool) == false }
  }

  /// A result with a non-empty `suppressions` list or `baselineState: "absent"` is closed.
  static func isSuppressed(_ result: [String: Any]) -> Bool {
    let suppressions = result["suppressions"] as? [Any] ?? []
    return !suppressions.isEmpty || (result["baselineState"] as? String) == "absent"
  }

  /// The result's `level`, else its rule's `defaultConfiguration.level`, else `warning`.
  static func level(of result: [String: Any], rule: [String: Any]?, odd: inout Oddities)
    -> String
  {
    if let level = result["level"] {
      if let level = level as? String, levels.contains(level) { return level }
      odd.note("a level other than error, warning, note or none was ignored")
    }
    let configuration = rule?["defaultConfiguration"] as? [String: Any]
    if let level = configuration?["level"] as? String, levels.contains(level) { return level }
    return "warning"
  }

  /// The `security-severity` score of the result's or else its rule's `properties`.
  static func score(of result: [String: Any], rule: [String: Any]?, odd: inout Oddities)
    -> Double?
  {
    let key = "security-severity"
    let text = [result, rule ?? [:]].lazy
      .compactMap { ($0["properties"] as? [String: Any])?[key] }.first
    guard let text else { return nil }
    let value =
      (text as? String).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
      ?? (text is String ? nil : text as? Double)
    guard let value, (0...10).contains(value) else {
      odd.note("a security-severity that is not a number from 0 to 10 was ignored")
      return nil
    }
    return value
  }

  /// critical ≥ 9, high ≥ 7, medium ≥ 4, low > 0; a score of 0 has no class.
  static func severityClass(_ score: Double) -> String? {
    switch score {
    case 9...: "critical"
    case 7..<9: "high"
    case 4..<7: "medium"
    case _ where score > 0: "low"
    default: nil
    }
  }
}

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
    /// The same names, to find a repeat at once in a log of thousands of runs.
    var toolNames: Set<String> = []

    /// Counts one open result once its rules are known.
    mutating func add(_ result: Finding, rules: Rules, odd: inout Oddities) {
      let rule = rules.rule(for: result)
      if result.hasBadRuleIndex {
        odd.note("a ruleIndex that is not a whole number of -1 or more was ignored")
      } else if let index = result.ruleIndex, index >= 0, !rules.hasRule(at: index, for: result) {
        odd.note("a ruleIndex past the end of its run's rules was ignored")
      }
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

    var messages: [String] { kindsAndMessages.map(\.message) }

    /// Each kind (its first wording) with the message saying how often it was seen.
    var kindsAndMessages: [(kind: String, message: String)] {
      order.map { ($0, "\($0) (\(counts[$0, default: 0]) times)") }
    }
  }

  /// A `security-severity` property as written: absent, a usable score, or unusable.
  enum Score {
    case absent
    case valid(Double)
    case invalid

    /// A string holding a number, or a number, from 0 to 10.
    init(_ node: JSONNode?) {
      guard let node else {
        self = .absent
        return
      }
      let value = node.string.map { Double($0.trimmingCharacters(in: .whitespaces)) } ?? node.number
      guard let value, (0...10).contains(value) else {
        self = .invalid
        return
      }
      self = .valid(value)
    }
  }

  /// What one open result says about its rule, level and score: all that is kept of it.
  struct Finding {
    /// The `level` as written: nil when absent, "" when not a string.
    var level: String?
    /// `ruleIndex`, else `rule.index`, when a whole number.
    var ruleIndex: Int?
    /// True when a `ruleIndex` was given but is not a whole number of -1 (none) or more.
    var hasBadRuleIndex = false
    /// `rule.toolComponent.index`: which `tool.extensions` entry `ruleIndex` counts in.
    var componentIndex: Int?
    /// `ruleId`, else `rule.id`.
    var ruleID: String?
    var score = Score.absent
  }

  /// What one rule says: all that is kept of it.
  struct Rule {
    var id: String?
    /// `defaultConfiguration.level` when it is one of `levels`.
    var level: String?
    var score = Score.absent
  }

  /// The rules of one run: `tool.driver.rules` by index and id, then
  /// `tool.extensions[].rules` by id (and by index when a result names the extension).
  struct Rules {
    var toolName: String?
    var driver: [Rule] = []
    var extensions: [[Rule]] = []
    private var byID: [String: Rule] = [:]

    /// Indexes the rules by id once all are read: a driver rule first, else the last
    /// extension rule with that id.
    mutating func index() {
      byID = [:]
      for rule in driver + extensions.joined().reversed() {
        if let id = rule.id, byID[id] == nil { byID[id] = rule }
      }
    }

    /// True when the rules `result` counts its `ruleIndex` in (the driver's, or an
    /// extension's) have one at `index`.
    func hasRule(at index: Int, for result: Finding) -> Bool {
      let list = result.componentIndex.flatMap {
        extensions.indices.contains($0) ? extensions[$0] : nil
      }
      return (list ?? driver).indices.contains(index)
    }

    /// The rule a result names by `ruleIndex`, `rule.index` or `ruleId`, or nil.
    func rule(for result: Finding) -> Rule? {
      let list = result.componentIndex.flatMap {
        extensions.indices.contains($0) ? extensions[$0] : nil
      }
      if let index = result.ruleIndex, let rules = Optional(list ?? driver),
        rules.indices.contains(index)
      {
        return rules[index]
      }
      guard let id = result.ruleID else { return nil }
      // A hierarchical id such as "CA2000/unused" names the rule "CA2000".
      let parent = id.split(separator: "/", maxSplits: 1).first.map(String.init)
      return byID[id] ?? parent.flatMap { byID[$0] }
    }
  }

  /// The result's `level`, else its rule's `defaultConfiguration.level`, else `warning`.
  static func level(of result: Finding, rule: Rule?, odd: inout Oddities) -> String {
    if let level = result.level {
      if levels.contains(level) { return level }
      odd.note("a level other than error, warning, note or none was ignored")
    }
    return rule?.level ?? "warning"
  }

  /// The `security-severity` score of the result's or else its rule's `properties`.
  static func score(of result: Finding, rule: Rule?, odd: inout Oddities) -> Double? {
    let score = if case .absent = result.score { rule?.score ?? .absent } else { result.score }
    switch score {
    case .absent: return nil
    case .valid(let value): return value
    case .invalid:
      odd.note("a security-severity that is not a number from 0 to 10 was ignored")
      return nil
    }
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

/// The small parts of a run, each read from the event after its key: what is kept of them
/// and nothing more.
extension SARIFReader.RunWalk {
  typealias Finding = SARIFReader.Finding
  typealias Rule = SARIFReader.Rule

  /// What is kept of one result, or nil when it is suppressed: a non-empty `suppressions`
  /// list or `baselineState: "absent"`.
  func readResult() throws(Diagnostic) -> Finding? {
    var finding = Finding()
    var (ruleIndex, ruleID, reference): (JSONNode?, JSONNode?, JSONNode?)
    var isSuppressed = false
    var isAbsent = false
    while let key = try reader.nextKey() {
      switch key.key {
      case "level": finding.level = try reader.readNode().string ?? ""
      case "ruleIndex": ruleIndex = try reader.readNode()
      case "ruleId": ruleID = try reader.readNode()
      case "rule": reference = try reader.readNode()
      case "properties": finding.score = try readScore()
      case "suppressions": isSuppressed = try countElements() > 0
      case "baselineState": isAbsent = try reader.readNode().string == "absent"
      default: try reader.skipValue()
      }
    }
    guard !isSuppressed, !isAbsent else { return nil }
    // A `ruleIndex` or `ruleId` of the wrong type hides the `rule` object's, as before.
    let object = reference?.isObject == true ? reference : nil
    let index = ruleIndex ?? object?["index"]
    finding.ruleIndex = index?.integer
    finding.hasBadRuleIndex = index.map { ($0.integer ?? -2) < -1 } ?? false
    finding.componentIndex = object?["toolComponent"]?["index"]?.integer
    finding.ruleID = (ruleID ?? object?["id"])?.string
    return finding
  }

  /// The `security-severity` of a `properties` object.
  func readScore() throws(Diagnostic) -> SARIFReader.Score {
    let start = try reader.nextEvent()
    guard start.kind == .objectStart else {
      try reader.skipValue(startingWith: start)
      return .absent
    }
    var node: JSONNode?
    while let key = try reader.nextKey() {
      if key.key == "security-severity" {
        node = try reader.readNode()
      } else {
        try reader.skipValue()
      }
    }
    return SARIFReader.Score(node)
  }

  /// The number of elements of a list; 0 for anything else.
  func countElements() throws(Diagnostic) -> Int {
    let start = try reader.nextEvent()
    guard start.kind == .arrayStart else {
      try reader.skipValue(startingWith: start)
      return 0
    }
    var count = 0
    while let element = try reader.nextElement() {
      count += 1
      try reader.skipValue(startingWith: element)
    }
    return count
  }

  /// True when the run has invocations and every one says `executionSuccessful: false`.
  func readInvocations() throws(Diagnostic) -> Bool {
    let start = try reader.nextEvent()
    guard start.kind == .arrayStart else {
      try reader.skipValue(startingWith: start)
      return false
    }
    var (objects, failed) = (0, 0)
    while let element = try reader.nextElement() {
      guard element.kind == .objectStart else {
        try reader.skipValue(startingWith: element)
        continue
      }
      objects += 1
      var success: JSONNode?
      while let key = try reader.nextKey() {
        if key.key == "executionSuccessful" {
          success = try reader.readNode()
        } else {
          try reader.skipValue()
        }
      }
      if case .bool(false)? = success?.value { failed += 1 }
    }
    return objects > 0 && failed == objects
  }

  // MARK: - Rules

  /// The tool's name and rules, from `driver` and `extensions`.
  func readTool() throws(Diagnostic) -> SARIFReader.Rules {
    var rules = SARIFReader.Rules()
    let start = try reader.nextEvent()
    guard start.kind == .objectStart else {
      try reader.skipValue(startingWith: start)
      return rules
    }
    while let key = try reader.nextKey() {
      switch key.key {
      case "driver": (rules.toolName, rules.driver) = try readComponent()
      case "extensions": rules.extensions = try readExtensions()
      default: try reader.skipValue()
      }
    }
    rules.index()
    return rules
  }

  /// One `extensions` entry's rules per entry; an entry that is not an object has none.
  private func readExtensions() throws(Diagnostic) -> [[Rule]] {
    let start = try reader.nextEvent()
    guard start.kind == .arrayStart else {
      try reader.skipValue(startingWith: start)
      return []
    }
    var extensions: [[Rule]] = []
    while let element = try reader.nextElement() {
      guard element.kind == .objectStart else {
        try reader.skipValue(startingWith: element)
        extensions.append([])
        continue
      }
      extensions.append(try readComponent(from: element).rules)
    }
    return extensions
  }

  /// A tool component's `name` and its `rules` that are objects, in order.
  private func readComponent(from given: JSONEvent? = nil) throws(Diagnostic)
    -> (name: String?, rules: [Rule])
  {
    var start: JSONEvent
    if let given { start = given } else { start = try reader.nextEvent() }
    guard start.kind == .objectStart else {
      try reader.skipValue(startingWith: start)
      return (nil, [])
    }
    var (name, rules): (String?, [Rule]) = (nil, [])
    while let key = try reader.nextKey() {
      switch key.key {
      case "name": name = try reader.readNode().string
      case "rules": rules = try readRules()
      default: try reader.skipValue()
      }
    }
    return (name, rules)
  }

  private func readRules() throws(Diagnostic) -> [Rule] {
    let start = try reader.nextEvent()
    guard start.kind == .arrayStart else {
      try reader.skipValue(startingWith: start)
      return []
    }
    var rules: [Rule] = []
    while let element = try reader.nextElement() {
      guard element.kind == .objectStart else {
        // An empty rule keeps the indexes of the rules after it, which `ruleIndex` counts.
        try reader.skipValue(startingWith: element)
        rules.append(Rule())
        continue
      }
      rules.append(try readRule())
    }
    return rules
  }

  /// A rule's id, default level and score; its texts and help are stepped over.
  private func readRule() throws(Diagnostic) -> Rule {
    var rule = Rule()
    while let key = try reader.nextKey() {
      switch key.key {
      case "id": rule.id = try reader.readNode().string
      case "defaultConfiguration":
        let level = try reader.readNode()["level"]?.string
        rule.level = level.flatMap { SARIFReader.levels.contains($0) ? $0 : nil }
      case "properties": rule.score = try readScore()
      default: try reader.skipValue()
      }
    }
    return rule
  }
}

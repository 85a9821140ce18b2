/// Reads a SARIF 2.1.0 log from a static analyser into finding counts by severity.
///
/// Every run in `runs` is read, not only the first. A run with no `results` (absent or
/// null), or whose invocations all say `executionSuccessful: false`, was not analysed: it
/// is counted in `runs_not_analysed` and never reads as clean. Results without
/// `locations` are kept.
///
/// The log is streamed through `JSONEventReader`: memory grows with the rules of one run,
/// not with the size or number of results (see `RunWalk`), so a log of hundreds of
/// megabytes is read in a few megabytes.
public enum SARIFReader {
  /// The only SARIF version this reader knows.
  static let version = "2.1.0"
  /// The most warnings of one kind about runs kept in full; the rest are counted in one more.
  static let maxWarningsPerKind = 50
  /// The most tool names listed in the `tools` figure; the rest are counted.
  static let maxToolsShown = 10

  /// Reads one SARIF log already in memory.
  public static func read(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    try read(ArtifactFile(file))
  }

  /// Reads one SARIF log, streamed.
  ///
  /// - Parameter file: The log and the path to show in diagnostics.
  /// - Returns: The figures `runs`, `runs_not_analysed`, `results`, `error`, `warning`,
  ///   `note`, `none`, `critical`, `high`, `medium`, `low`, `tools` and `suppressed`; the
  ///   metric `open_critical_findings` when at least one run was analysed or one result
  ///   read; warnings about odd but readable content.
  /// - Throws: One error diagnostic when the file is empty, not JSON, or not a SARIF log.
  public static func read(_ file: ArtifactFile) throws(Diagnostic) -> ArtifactReading {
    let reader = try JSONEventReader(file)
    let root = try rootObject(reader)
    var walk = RunWalk(reader)
    var keys = RootKeys()
    while let key = try reader.nextKey() {
      switch key.key {
      case "version":
        keys.version = key
        keys.versionValue = try reader.readNode()
      case "runs":
        // The reader refuses a second `runs`, which could otherwise hide the first's results.
        keys.runs = key
        keys.hasRunList = try readRuns(&walk)
      default: try reader.skipValue()
      }
    }
    try reader.finish()
    guard keys.hasRunList == true else { throw noRuns(keys, root: root, file) }
    let warnings = versionWarnings(keys, file) + located(walk.warnings, file)
    return ArtifactReading(
      format: "sarif", metrics: metrics(walk.tally), figures: figures(walk.tally),
      warnings: warnings)
  }

  /// `open_critical_findings`: unsuppressed results whose `security-severity` is critical
  /// (≥ 9) or high (≥ 7), plus unsuppressed results of level `error` that carry no
  /// `security-severity` at all; none when no run was analysed and no result was read,
  /// because an empty or failed log is no evidence of a clean code base.
  static func metrics(_ tally: Tally) -> [String: Double] {
    guard tally.runs > tally.runsNotAnalysed || tally.results > 0 else { return [:] }
    return ["open_critical_findings": Double(tally.openCritical)]
  }

  static func figures(_ tally: Tally) -> [(name: String, value: String)] {
    let counts: [(String, Int)] = [
      ("runs", tally.runs), ("runs_not_analysed", tally.runsNotAnalysed),
      ("results", tally.results),
      ("error", tally.levels["error", default: 0]),
      ("warning", tally.levels["warning", default: 0]),
      ("note", tally.levels["note", default: 0]), ("none", tally.levels["none", default: 0]),
      ("critical", tally.classes["critical", default: 0]),
      ("high", tally.classes["high", default: 0]),
      ("medium", tally.classes["medium", default: 0]), ("low", tally.classes["low", default: 0]),
    ]
    let shown = tally.tools.prefix(maxToolsShown).joined(separator: "+")
    let more = tally.tools.count > maxToolsShown ? "+\(tally.tools.count - maxToolsShown) more" : ""
    let tools = tally.tools.isEmpty ? "none" : shown + more
    return counts.map { ($0.0, String($0.1)) } + [
      ("tools", tools), ("suppressed", String(tally.suppressed)),
    ]
  }
}

// MARK: - Shape

extension SARIFReader {
  static let expected = "expected a SARIF 2.1.0 JSON log"

  /// Where the root's `version` and `runs` keys are, and what they hold.
  struct RootKeys {
    var version: JSONEvent?
    var versionValue: JSONNode?
    var runs: JSONEvent?
    /// Whether `runs` is a list; nil when there is no `runs` key.
    var hasRunList: Bool?
  }

  /// The start of the root object, or one error for a file that is empty or holds
  /// something else; JSON errors after a root that is not an object come first.
  static func rootObject(_ reader: JSONEventReader) throws(Diagnostic) -> JSONEvent {
    guard let first = try reader.firstByte() else {
      throw reader.file.diagnostic(.error, "\(expected), found an empty file", line: 1, column: 1)
    }
    guard Array("{[\"-0123456789tfn".utf8).contains(first) else {
      throw reader.error("\(expected), found \(reader.describe(first))")
    }
    let root = try reader.nextEvent()
    guard root.kind != .objectStart else { return root }
    try reader.skipValue(startingWith: root)
    try reader.finish()
    let found = root.kind == .arrayStart ? "a JSON list" : root.valueName
    throw reader.file.diagnostic(
      .error, "\(expected) object at the root, found \(found)", line: root.line,
      column: root.column)
  }

  /// Reads the value of `runs`: true when it is a list, whose runs `walk` counts.
  private static func readRuns(_ walk: inout RunWalk) throws(Diagnostic) -> Bool {
    let start = try walk.reader.nextEvent()
    guard start.kind == .arrayStart else {
      try walk.reader.skipValue(startingWith: start)
      return false
    }
    try walk.readRuns()
    walk.countLeftOut()
    return true
  }

  /// The error for a JSON object that has no `runs` list.
  static func noRuns(_ keys: RootKeys, root: JSONEvent, _ file: ArtifactFile) -> Diagnostic {
    let at = keys.runs ?? root
    let found = keys.runs == nil ? "no \"runs\" key" : "\"runs\" that is not a list"
    return file.diagnostic(
      .error, "\(expected) with a \"runs\" list, found \(found)", line: at.line,
      column: at.column)
  }

  /// A warning when `version` is missing or not 2.1.0; the log is still read as 2.1.0.
  static func versionWarnings(_ keys: RootKeys, _ file: ArtifactFile) -> [Diagnostic] {
    let found: String
    switch keys.versionValue?.value {
    case nil: found = "no \"version\" key"
    case .string(let text)?, .number(let text)?: found = "\"\(text)\""
    case .bool(let flag)?: found = "\"\(flag)\""
    case .null?: found = "null"
    case .array?: found = "a list"
    case .object?: found = "an object"
    }
    guard found != "\"\(version)\"" else { return [] }
    let at = keys.version ?? keys.runs
    let message = "expected SARIF version \"\(version)\", found \(found); read as \(version)"
    return [file.diagnostic(.warning, message, line: at?.line ?? 1, column: at?.column ?? 1)]
  }

  /// The warnings of the walk with their lines quoted, reading the file once more.
  static func located(_ warnings: [PendingWarning], _ file: ArtifactFile) -> [Diagnostic] {
    guard !warnings.isEmpty else { return [] }
    let lines = file.texts(ofLines: Set(warnings.map(\.line)))
    return warnings.map { warning in
      let location = SourceLocation(file: file.path, line: warning.line, column: warning.column)
      return Diagnostic(.warning, warning.message, at: location, sourceLine: lines[warning.line])
    }
  }
}

extension SARIFReader {
  /// A warning found during the walk, located once the walk is over so that the file is
  /// read again only once for all the lines to quote.
  struct PendingWarning {
    var message: String
    var line: Int
    var column: Int
  }

  /// Walks the elements of `runs` one at a time and counts them into `tally`.
  ///
  /// What is kept grows with the rules of the run being read (a `Rule` of id, level and
  /// score each) and with the warnings (at most a few per run). A result is counted as soon
  /// as it is read when its run's `tool` came first, as producers write it; when `results`
  /// comes before `tool`, each open result is kept as a small `Finding` (level, rule index
  /// and id, score) until the run ends and its rules are known. Messages, locations, code
  /// flows and every other part of a result are stepped over without being kept.
  struct RunWalk {
    let reader: JSONEventReader
    var tally = Tally()
    var warnings: [PendingWarning] = []
    private var kept: [String: Int] = [:]
    private var leftOut: [String: Int] = [:]
    /// The index in `warnings` of the last one kept of each kind.
    private var last: [String: Int] = [:]

    /// The state of the run being read.
    private struct Run {
      var rules = Rules()
      var hasTool = false
      /// Whether `results` is a list; nil when the run has none.
      var hasResultList: Bool?
      /// Results read before `tool`, nil for one that is not a JSON object.
      var pending: [Finding?] = []
      var hasFailed = false
      var odd = Oddities()
    }

    init(_ reader: JSONEventReader) {
      self.reader = reader
    }

    /// Reads the `runs` list whose start the reader has just given.
    mutating func readRuns() throws(Diagnostic) {
      var number = 0
      while let start = try reader.nextElement() {
        number += 1
        try readRun(start, number: number)
      }
    }

    private mutating func readRun(_ start: JSONEvent, number: Int) throws(Diagnostic) {
      tally.runs += 1
      guard start.kind == .objectStart else {
        tally.runsNotAnalysed += 1
        warn(
          "run \(number) is not a JSON object; counted as not analysed", kind: "object", at: start)
        return try reader.skipValue(startingWith: start)
      }
      var run = Run()
      while let key = try reader.nextKey() {
        switch key.key {
        case "tool":
          run.rules = try readTool()
          run.hasTool = true
        case "results": try readResults(into: &run)
        case "invocations": run.hasFailed = try readInvocations()
        default: try reader.skipValue()
        }
      }
      finish(run, number: number, at: start)
    }

    /// Counts what was kept of a run and warns about it, at the run's start.
    private mutating func finish(_ run: Run, number: Int, at start: JSONEvent) {
      var run = run
      if let name = run.rules.toolName, tally.toolNames.insert(name).inserted {
        tally.tools.append(name)
      }
      let label = "run \(number) (\(run.rules.toolName ?? "no tool.driver.name"))"
      guard run.hasResultList == true else {
        tally.runsNotAnalysed += 1
        let found = run.hasResultList == nil ? "no" : "a null or non-list"
        let message = "\(label) has \(found) \"results\"; counted as not analysed, not as clean"
        return warn(message, kind: "results", at: start)
      }
      if run.hasFailed {
        tally.runsNotAnalysed += 1
        let message =
          "\(label) says executionSuccessful false; counted as not analysed, not as clean"
        warn(message, kind: "failed", at: start)
      }
      for finding in run.pending {
        guard let finding else {
          run.odd.note(SARIFReader.notAnObject)
          continue
        }
        tally.add(finding, rules: run.rules, odd: &run.odd)
      }
      for (kind, message) in run.odd.kindsAndMessages {
        warn("\(label): \(message)", kind: kind, at: start)
      }
    }

    /// Records a warning, or only counts it past `maxWarningsPerKind` of its kind: a log of
    /// thousands of runs gives a few dozen lines, not one or two a run.
    private mutating func warn(_ message: String, kind: String, at event: JSONEvent) {
      guard kept[kind, default: 0] < SARIFReader.maxWarningsPerKind else {
        return leftOut[kind, default: 0] += 1
      }
      kept[kind, default: 0] += 1
      warnings.append(PendingWarning(message: message, line: event.line, column: event.column))
      last[kind] = warnings.count - 1
    }

    /// After the last run: for each kind with warnings left out, one more at the last one
    /// kept saying how many.
    mutating func countLeftOut() {
      for (kind, count) in leftOut.sorted(by: { $0.key < $1.key }) {
        guard let index = last[kind] else { continue }
        var summary = warnings[index]
        summary.message = "\(count) more warnings like the one above were left out"
        warnings.append(summary)
      }
    }

    private mutating func readResults(into run: inout Run) throws(Diagnostic) {
      let start = try reader.nextEvent()
      run.hasResultList = start.kind == .arrayStart
      guard start.kind == .arrayStart else { return try reader.skipValue(startingWith: start) }
      while let element = try reader.nextElement() {
        var finding: Finding?
        if element.kind == .objectStart {
          guard let open = try readResult() else {
            tally.suppressed += 1
            continue
          }
          finding = open
        } else {
          try reader.skipValue(startingWith: element)
        }
        if !run.hasTool {
          run.pending.append(finding)
        } else if let finding {
          tally.add(finding, rules: run.rules, odd: &run.odd)
        } else {
          run.odd.note(SARIFReader.notAnObject)
        }
      }
    }
  }

  static let notAnObject = "results that are not JSON objects were skipped"
}

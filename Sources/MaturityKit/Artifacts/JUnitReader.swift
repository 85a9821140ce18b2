/// Reads a JUnit XML test report into test counts and the pass rate.
///
/// Takes the files written by Maven Surefire, Gradle, pytest, jest-junit, go-junit-report,
/// xUnit.net and `swift test --xunit-output`: a `<testsuites>` or a `<testsuite>` root, with
/// `<testcase>` elements at any depth of nested `<testsuite>` elements. Counts come from
/// the cases themselves, never from the `tests=`, `failures=` or `skipped=` attributes,
/// which producers often get wrong.
public enum JUnitReader {
  /// How one test case ended. When a case holds several outcome elements, the worst wins.
  enum Outcome: Int, Comparable {
    case passed
    case skipped
    case failed
    case errored

    static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The test case being read; `depth` is its index in the stack of open elements.
  struct OpenCase {
    var depth: Int
    var outcome = Outcome.passed
    var hasRerun = false
    var seconds: Double?

    /// Records what a direct child of the case says about how it ended.
    mutating func record(_ child: String) {
      switch child {
      case "failure": outcome = max(outcome, .failed)
      case "error": outcome = max(outcome, .errored)
      case "skipped": outcome = max(outcome, .skipped)
      case "flakyFailure", "flakyError", "rerunFailure", "rerunError": hasRerun = true
      default: break
      }
    }
  }

  /// The counts of a whole file.
  struct Tally {
    var passed = 0
    var failed = 0
    var errored = 0
    var skipped = 0
    /// Passed cases that failed before passing on a rerun (Surefire `flakyFailure`).
    var flaky = 0
    /// The sum of the cases' `time` attributes, and how many cases had one.
    var seconds = 0.0
    var timedCases = 0

    var tests: Int { passed + failed + errored + skipped }

    mutating func add(_ outcome: Outcome, isFlaky: Bool, seconds: Double?) {
      switch outcome {
      case .passed: passed += 1
      case .skipped: skipped += 1
      case .failed: failed += 1
      case .errored: errored += 1
      }
      if isFlaky, outcome == .passed { flaky += 1 }
      if let seconds {
        self.seconds += seconds
        timedCases += 1
      }
    }
  }

  /// Reads one JUnit XML file already in memory.
  public static func read(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    try read(ArtifactFile(file))
  }

  /// Reads one JUnit XML file, streamed: memory does not grow with the file's size.
  ///
  /// - Parameter file: The report and the path to show in diagnostics.
  /// - Returns: The figures `tests`, `passed`, `failed`, `errored`, `skipped`, `flaky` and,
  ///   when any time is given, `duration_seconds`; the metric `test_pass_rate_percent` when
  ///   at least one case passed, failed or errored; warnings about odd but readable content,
  ///   at most `Collector.maxWarningsPerKind` of each kind in full.
  /// - Throws: One error diagnostic when the file is empty, not well-formed XML, or not a
  ///   JUnit report.
  public static func read(_ file: ArtifactFile) throws(Diagnostic) -> ArtifactReading {
    let file = try SafeXMLParser.readable(file)
    guard try hasText(file) else {
      let expected = "expected a JUnit XML report with a <testsuites> or <testsuite> root"
      throw file.diagnostic(.error, "\(expected), found an empty file", line: 1, column: 1)
    }
    let collector = Collector(file: file)
    try collector.run()
    let tally = collector.tally
    let duration = tally.timedCases > 0 ? tally.seconds : collector.rootSeconds()
    if tally.tests == 0 { collector.warnNoCases() }
    return ArtifactReading(
      format: "junit", metrics: metrics(tally), figures: figures(tally, duration: duration),
      warnings: inReadingOrder(collector.locatedWarnings()))
  }

  /// True when the file holds more than white space and a byte-order mark.
  private static func hasText(_ file: ArtifactFile) throws(Diagnostic) -> Bool {
    let head = try file.head()
    let body = head.starts(with: SourceFile.byteOrderMark) ? head.dropFirst(3) : head[...]
    if body.contains(where: isText) { return true }
    return head.count == 4096 && file.endOfText().hasText
  }

  /// `test_pass_rate_percent`: passed cases out of those that ran and passed, failed or
  /// errored (skipped cases did not run), or none when no case ran.
  static func metrics(_ tally: Tally) -> [String: Double] {
    let ran = tally.passed + tally.failed + tally.errored
    guard ran > 0 else { return [:] }
    return ["test_pass_rate_percent": 100 * Double(tally.passed) / Double(ran)]
  }

  static func figures(_ tally: Tally, duration: Double?) -> [(name: String, value: String)] {
    var figures: [(name: String, value: String)] = [
      ("tests", String(tally.tests)), ("passed", String(tally.passed)),
      ("failed", String(tally.failed)), ("errored", String(tally.errored)),
      ("skipped", String(tally.skipped)), ("flaky", String(tally.flaky)),
    ]
    if let duration {
      figures.append(("duration_seconds", NumberText.format(duration, decimals: 3)))
    }
    return figures
  }

  private static func inReadingOrder(_ warnings: [Diagnostic]) -> [Diagnostic] {
    let place = { (warning: Diagnostic, offset: Int) in
      (warning.location?.line ?? 0, warning.location?.column ?? 0, offset)
    }
    return warnings.enumerated()
      .sorted { place($0.element, $0.offset) < place($1.element, $1.offset) }
      .map(\.element)
  }

  /// True when nothing but white space follows the position.
  static func isAtEnd(of file: ArtifactFile, line: Int, column: Int) -> Bool {
    let end = file.endOfText()
    return !end.hasText || (line, column) >= (end.line, end.column)
  }

  /// The first character that is not white space, quoted, for "found" in messages.
  static func firstCharacter(of file: ArtifactFile) -> String {
    let text = String(decoding: (try? file.head(64)) ?? [], as: UTF8.self)
    guard let first = text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) else {
      return "nothing"
    }
    return "'\(first)'"
  }

  /// Any byte but a space, a tab or a line break.
  static func isText(_ byte: UInt8) -> Bool {
    byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
  }
}

// MARK: - Times

extension JUnitReader {
  /// The seconds in a `time` attribute, and a warning when the text was odd.
  ///
  /// `1,205.25` and `1,205,000` use a thousands separator and are read silently. A single
  /// comma with no dot after it is a decimal comma (`0,5`, `1,205` and `1.205,25` give
  /// 0.5, 1.205 and 1205.25) and is read with a warning, because `1,205` could also mean
  /// 1205 in a locale that groups thousands without a fraction.
  static func seconds(_ text: String) -> (value: Double?, warning: String?) {
    // The common case, a plain number, without Foundation's trimming: this runs for every
    // test case of a report.
    if !text.isEmpty, text.utf8.allSatisfy(NumberText.isNumberByte), let value = number(text) {
      return (value, nil)
    }
    let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { return (nil, nil) }
    if let value = number(text) ?? number(withoutThousands(text)) { return (value, nil) }
    if let value = number(withDecimalPoint(text)) {
      let shown = NumberText.format(value, decimals: 6)
      return (value, "time=\"\(text)\" uses a decimal comma; read as \(shown) seconds")
    }
    return (nil, "time=\"\(text)\" is not a duration in seconds; left out of the duration")
  }

  /// A finite, non-negative decimal number written with a dot, or nil.
  private static func number(_ text: String?) -> Double? {
    guard let text, text.utf8.allSatisfy(NumberText.isNumberByte), let value = Double(text),
      value.isFinite, value >= 0
    else { return nil }
    return value
  }

  /// `1,205.25` → `1205.25` and `1,205,000` → `1205000`; nil for anything else.
  private static func withoutThousands(_ text: String) -> String? {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
    guard isGrouped(groups), parts.count == 2 || groups.count > 2 else { return nil }
    return groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
  }

  /// `0,5` → `0.5` and `1.205,25` → `1205.25`; nil for anything else.
  private static func withDecimalPoint(_ text: String) -> String? {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy(\.isWholeNumber) else {
      return nil
    }
    let groups = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    guard groups.count == 1 || isGrouped(groups) else { return nil }
    return groups.joined() + "." + parts[1]
  }

  /// Digit groups as a thousands separator leaves them: 1 to 3 digits, then 3 each.
  private static func isGrouped(_ groups: [Substring]) -> Bool {
    guard groups.count >= 2, (1...3).contains(groups[0].count), groups[0].first != "0" else {
      return false
    }
    let isDigits = groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }
    return isDigits && groups.dropFirst().allSatisfy { $0.count == 3 }
  }
}

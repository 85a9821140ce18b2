import Foundation

// TODO: Read very large logs (hundreds of MB) with a streaming JSON parser that walks
// `runs[].results[]` without building the whole object tree; not written yet.

/// Reads a SARIF 2.1.0 log from a static analyser into finding counts by severity.
///
/// Every run in `runs` is read, not only the first. A run with no `results` (absent or
/// null), or whose invocations all say `executionSuccessful: false`, was not analysed: it
/// is counted in `runs_not_analysed` and never reads as clean. Results without
/// `locations` are kept.
///
/// The whole log is parsed with Foundation's `JSONSerialization`, so a file is held in
/// memory twice (bytes and objects); a streaming parser for very large logs is still to do.
public enum SARIFReader {
  /// The only SARIF version this reader knows.
  static let version = "2.1.0"

  /// Reads one SARIF log.
  ///
  /// - Parameter file: The log's bytes and the path to show in diagnostics.
  /// - Returns: The figures `runs`, `runs_not_analysed`, `results`, `error`, `warning`,
  ///   `note`, `none`, `critical`, `high`, `medium`, `low`, `tools` and `suppressed`; the
  ///   metric `open_critical_findings` when at least one run was analysed or one result
  ///   read; warnings about odd but readable content.
  /// - Throws: One error diagnostic when the file is empty, not JSON, or not a SARIF log.
  public static func read(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    let root = try parse(file)
    let layout = Layout(file)
    guard let runs = root["runs"] as? [Any] else { throw noRuns(root, file, layout) }
    var tally = Tally()
    var warnings = versionWarnings(root, file, layout)
    for (index, run) in runs.enumerated() {
      let start = layout.run(index).map(file.position(ofByte:)) ?? (1, 1)
      let place = { (message: String) in
        warnings.append(Diagnostic(.warning, message, in: file, line: start.0, column: start.1))
      }
      tally.add(run: run, number: index + 1, warn: place)
    }
    return ArtifactReading(
      format: "sarif", metrics: metrics(tally), figures: figures(tally), warnings: warnings)
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
    let tools = tally.tools.isEmpty ? "none" : tally.tools.joined(separator: "+")
    return counts.map { ($0.0, String($0.1)) } + [
      ("tools", tools), ("suppressed", String(tally.suppressed)),
    ]
  }
}

// MARK: - Shape

extension SARIFReader {
  static let expected = "expected a SARIF 2.1.0 JSON log"

  /// The root object, or one error saying where the JSON went wrong.
  static func parse(_ file: SourceFile) throws(Diagnostic) -> [String: Any] {
    let body = file.bytes.dropFirst(file.hasByteOrderMark ? 3 : 0)
    guard let first = body.firstIndex(where: isText) else {
      throw Diagnostic(.error, "\(expected), found an empty file", in: file, line: 1, column: 1)
    }
    let value: Any
    do {
      value = try JSONSerialization.jsonObject(with: Data(file.bytes), options: [])
    } catch {
      throw invalidJSON(error as NSError, file)
    }
    guard let root = value as? [String: Any] else {
      let at = file.position(ofByte: first)
      let found = value is [Any] ? "a JSON list" : "a JSON \(type(of: value))"
      throw Diagnostic(
        .error, "\(expected) object at the root, found \(found)", in: file, line: at.line,
        column: at.column)
    }
    return root
  }

  /// Turns "Invalid value around character 7." into a message at that byte's line:column.
  static func invalidJSON(_ error: NSError, _ file: SourceFile) -> Diagnostic {
    var text = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? "unreadable JSON"
    var offset = file.bytes.count
    if let range = text.range(of: " around character ") {
      let digits = text[range.upperBound...].prefix(while: \.isNumber)
      offset = (Int(digits) ?? offset) + (file.hasByteOrderMark ? 3 : 0)
      text = String(text[..<range.lowerBound])
    }
    if text.hasSuffix(".") { text.removeLast() }
    text = text.prefix(1).lowercased() + text.dropFirst()
    let truncated = offset >= file.bytes.count ? "; is it truncated?" : ""
    let at = file.position(ofByte: offset)
    let message = "\(expected), found invalid JSON: \(text)\(truncated)"
    return Diagnostic(.error, message, in: file, line: at.line, column: at.column)
  }

  /// The error for a JSON object that has no `runs` list.
  static func noRuns(_ root: [String: Any], _ file: SourceFile, _ layout: Layout) -> Diagnostic {
    let offset = layout.keys["runs"] ?? file.bytes.firstIndex(where: isText) ?? 0
    let found = root["runs"] == nil ? "no \"runs\" key" : "\"runs\" that is not a list"
    let at = file.position(ofByte: offset)
    return Diagnostic(
      .error, "\(expected) with a \"runs\" list, found \(found)", in: file, line: at.line,
      column: at.column)
  }

  /// A warning when `version` is missing or not 2.1.0; the log is still read as 2.1.0.
  static func versionWarnings(_ root: [String: Any], _ file: SourceFile, _ layout: Layout)
    -> [Diagnostic]
  {
    let found = root["version"].map { "\"\($0)\"" } ?? "no \"version\" key"
    guard found != "\"\(version)\"" else { return [] }
    let at = file.position(ofByte: layout.keys["version"] ?? layout.keys["runs"] ?? 0)
    let message = "expected SARIF version \"\(version)\", found \(found); read as \(version)"
    return [Diagnostic(.warning, message, in: file, line: at.line, column: at.column)]
  }

  /// Any byte but a space, a tab or a line break.
  static func isText(_ byte: UInt8) -> Bool {
    byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
  }
}

// MARK: - Layout

extension SARIFReader {
  /// Where the root keys and the runs start, for diagnostics: `JSONSerialization` keeps no
  /// positions, so one pass over the bytes finds them, stepping over strings.
  struct Layout {
    /// Byte offset of each key of the root object (its opening quote).
    private(set) var keys: [String: Int] = [:]
    /// Byte offset of each object in the root's `runs` list.
    private(set) var runs: [Int] = []
    private var depth = 0
    private var stringStart: Int?
    private var isEscaped = false
    /// The last string read directly in the root object, and where it starts.
    private var rootString = (text: "", offset: 0)

    init(_ file: SourceFile) {
      for (offset, byte) in file.bytes.enumerated() {
        if let start = stringStart {
          readString(byte, at: offset, from: start, in: file)
        } else {
          readStructure(byte, at: offset)
        }
      }
    }

    func run(_ index: Int) -> Int? { runs.indices.contains(index) ? runs[index] : nil }

    private mutating func readString(
      _ byte: UInt8, at offset: Int, from start: Int, in file: SourceFile
    ) {
      if isEscaped {
        isEscaped = false
      } else if byte == UInt8(ascii: "\\") {
        isEscaped = true
      } else if byte == UInt8(ascii: "\"") {
        stringStart = nil
        guard depth == 1 else { return }
        let text = String(decoding: file.bytes[(start + 1)..<offset], as: UTF8.self)
        rootString = (text, start)
      }
    }

    private mutating func readStructure(_ byte: UInt8, at offset: Int) {
      switch byte {
      case UInt8(ascii: "\""): stringStart = offset
      case UInt8(ascii: ":") where depth == 1:
        if keys[rootString.text] == nil { keys[rootString.text] = rootString.offset }
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        let isRun = depth == 3 && byte == UInt8(ascii: "{") && rootString.text == "runs"
        if isRun { runs.append(offset) }
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      default: break
      }
    }
  }
}

import Foundation

/// Reads a deployment log, a CSV file with one row per production deployment and the
/// incident it caused, if any, and works out the four DORA metrics over the whole log and
/// for each service.
///
/// The format is described in `docs/deployment-log-format.md`: a header row naming the
/// seven columns in any order, RFC 4180 quoting, LF or CRLF line ends, ISO 8601 times.
public enum DeploymentLogReader {
  /// The columns of a log; rows are rearranged into this order whatever the header's.
  enum Column: Int, CaseIterable {
    case time, service, version, commitTime, outcome, incidentOpened, incidentResolved

    static let names = [
      "time", "service", "version", "commit_time", "outcome", "incident_opened",
      "incident_resolved",
    ]

    /// The name written in the header row.
    var name: String { Self.names[rawValue] }
  }

  /// One CSV field: its text with the quotes removed and doubled quotes undone, and the
  /// byte offsets where it starts (its first character, an opening quote included) and ends.
  struct Field {
    var text: String
    var start: Int
    var end: Int
    var isQuoted: Bool

    /// The text without surrounding spaces and tabs, as it is interpreted.
    var value: String { text.trimmingCharacters(in: .whitespaces) }
  }

  /// The fields of one data row in the order of `Column`.
  struct Row {
    var fields: [Field]

    subscript(column: Column) -> Field { fields[column.rawValue] }
  }

  /// Reads `file` and computes the DORA metrics of the deployments it lists.
  ///
  /// - Parameter file: The log's bytes and the name to show in diagnostics.
  /// - Returns: The four DORA metrics (recovery time only when an incident was resolved),
  ///   the counts behind them, the same metrics per service and warnings about odd rows.
  /// - Throws: A `Diagnostic` at the first malformed header, field or quote, or saying that
  ///   the file is empty or lists no deployment.
  public static func read(_ file: SourceFile) throws(Diagnostic) -> ArtifactReading {
    if let wide = WideEncoding(sniffing: file.bytes) {
      throw wide.error(in: ArtifactFile(file), expected: "a deployment log")
    }
    let records = try records(in: file)
    guard let header = records.first else {
      throw failure("expected \(expectedHeader), found an empty file", in: file, atByte: 0)
    }
    let positions = try positions(of: header, in: file)
    guard records.count > 1 else {
      let message = "expected at least one deployment row after the header row, found none"
      throw failure(message, in: file, atByte: header.last.map(\.end) ?? 0)
    }
    let formatters = makeTimeFormatters()
    var warnings: [Diagnostic] = []
    var deployments: [Deployment] = []
    for record in records.dropFirst() {
      let row = try arrange(record, by: positions, in: file)
      deployments.append(
        try deployment(from: row, in: file, formatters: formatters, warnings: &warnings))
    }
    var reading = reading(of: deployments, warnings: warnings)
    reading.deployments = deployments
    return reading
  }

  static let expectedHeader =
    "a header row naming the columns " + Column.names.joined(separator: ", ")

  /// An error (or warning) at the line and column of byte `offset` of `file`.
  static func failure(
    _ message: String, in file: SourceFile, atByte offset: Int,
    severity: Diagnostic.Severity = .error
  ) -> Diagnostic {
    let (line, column) = file.position(ofByte: offset)
    return Diagnostic(severity, message, in: file, line: line, column: column)
  }
}

// MARK: - Header and rows

extension DeploymentLogReader {
  /// Where each `Column` sits in a data row, read from the header record.
  static func positions(of header: [Field], in file: SourceFile) throws(Diagnostic) -> [Int] {
    guard header.contains(where: { Column.names.contains($0.value) }) else {
      throw notAHeader(in: file, at: header[0].start)
    }
    var seen: [String: Int] = [:]
    for (index, field) in header.enumerated() {
      guard Column.names.contains(field.value) else {
        throw failure(unknownColumnMessage(field.value), in: file, atByte: field.start)
      }
      guard seen[field.value] == nil else {
        let message = "duplicate column '\(field.value)' in the header row"
        throw failure(message, in: file, atByte: field.start)
      }
      seen[field.value] = index
    }
    return try Column.names.map { name throws(Diagnostic) in
      guard let position = seen[name] else {
        throw missingColumns(seen, in: file, at: header[0].start)
      }
      return position
    }
  }

  /// The error for a first line that is no header row of this format at all.
  static func notAHeader(in file: SourceFile, at offset: Int) -> Diagnostic {
    let line = file.position(ofByte: offset).line
    let text = String((file.line(line) ?? "").prefix(60))
    return failure("expected \(expectedHeader), found '\(text)'", in: file, atByte: offset)
  }

  static func unknownColumnMessage(_ name: String) -> String {
    let suggestion = Suggestion.phrase(for: name, in: Column.names)
    guard suggestion.isEmpty else { return "unknown column '\(name)'\(suggestion)" }
    return "unknown column '\(name)'; expected one of " + Column.names.joined(separator: ", ")
  }

  static func missingColumns(
    _ seen: [String: Int], in file: SourceFile, at offset: Int
  ) -> Diagnostic {
    let missing = Column.names.filter { seen[$0] == nil }.map { "'\($0)'" }
    let noun = missing.count == 1 ? "column" : "columns"
    let message = "expected \(noun) \(missing.joined(separator: ", ")) in the header row"
    return failure(message, in: file, atByte: offset)
  }

  /// The data record's fields in the order of `Column`, once it has one field per column.
  static func arrange(
    _ record: [Field], by positions: [Int], in file: SourceFile
  ) throws(Diagnostic) -> Row {
    guard record.count == positions.count else {
      let extra = record.count > positions.count ? record[positions.count].start : nil
      let offset = extra ?? record.last.map(\.end) ?? 0
      let message =
        "expected \(positions.count) fields as in the header row, found \(record.count)"
      throw failure(message, in: file, atByte: offset)
    }
    return Row(fields: positions.map { record[$0] })
  }
}

// MARK: - CSV

extension DeploymentLogReader {
  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")

  /// The non-blank records of `file`; a record ends at an LF or CRLF outside quotes.
  static func records(in file: SourceFile) throws(Diagnostic) -> [[Field]] {
    var records: [[Field]] = []
    var index = file.hasByteOrderMark ? 3 : 0
    while index < file.bytes.count {
      let (record, next): ([Field], Int)
      do {
        (record, next) = try self.record(in: file, at: index)
      } catch {
        // A first line that is not CSV at all (XML, JSON) is another format, not a bad quote.
        throw records.isEmpty ? notAHeader(in: file, at: index) : error
      }
      index = next
      let isBlank = record.count == 1 && !record[0].isQuoted && record[0].value.isEmpty
      if !isBlank { records.append(record) }
    }
    return records
  }

  /// The fields of the record starting at byte `start`, and where the next record starts.
  static func record(
    in file: SourceFile, at start: Int
  ) throws(Diagnostic) -> (fields: [Field], next: Int) {
    var fields: [Field] = []
    var index = start
    while true {
      let field = try field(in: file, at: index)
      fields.append(field)
      guard field.end < file.bytes.count, file.bytes[field.end] == comma else {
        return (fields, afterLineEnd(field.end, in: file.bytes))
      }
      index = field.end + 1
    }
  }

  static func field(in file: SourceFile, at start: Int) throws(Diagnostic) -> Field {
    let bytes = file.bytes
    if start < bytes.count, bytes[start] == quote { return try quotedField(in: file, at: start) }
    var end = start
    while end < bytes.count, bytes[end] != comma, !isLineEnd(at: end, in: bytes) {
      guard bytes[end] != quote else {
        let message = "expected a field without '\"' or wholly in quotes, found '\"' inside it"
        throw failure(message, in: file, atByte: start)
      }
      end += 1
    }
    let text = String(decoding: bytes[start..<end], as: UTF8.self)
    return Field(text: text, start: start, end: end, isQuoted: false)
  }

  static func quotedField(in file: SourceFile, at start: Int) throws(Diagnostic) -> Field {
    let bytes = file.bytes
    var text: [UInt8] = []
    var index = start + 1
    while index < bytes.count {
      guard bytes[index] == quote else {
        text.append(bytes[index])
        index += 1
        continue
      }
      guard index + 1 < bytes.count, bytes[index + 1] == quote else {
        return try closedField(text, in: file, from: start, to: index + 1)
      }
      text.append(quote)
      index += 2
    }
    let message = "expected a closing '\"' for the quoted field, found the end of the file"
    throw failure(message, in: file, atByte: start)
  }

  /// The quoted field from `start` to `end`, which must be followed by a comma or a line end.
  static func closedField(
    _ text: [UInt8], in file: SourceFile, from start: Int, to end: Int
  ) throws(Diagnostic) -> Field {
    let bytes = file.bytes
    guard end == bytes.count || bytes[end] == comma || isLineEnd(at: end, in: bytes) else {
      let message = "expected ',' or a line end after the closing '\"' of the quoted field"
      throw failure(message, in: file, atByte: start)
    }
    let value = String(decoding: text, as: UTF8.self)
    return Field(text: value, start: start, end: end, isQuoted: true)
  }

  /// True at an LF, or at a CR that ends the file or comes before an LF.
  static func isLineEnd(at index: Int, in bytes: [UInt8]) -> Bool {
    switch bytes[index] {
    case UInt8(ascii: "\n"): return true
    case UInt8(ascii: "\r"):
      return index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: "\n")
    default: return false
    }
  }

  /// The offset after the line end at `index` (or `index` itself at the end of the file).
  static func afterLineEnd(_ index: Int, in bytes: [UInt8]) -> Int {
    guard index < bytes.count else { return index }
    return bytes[index] == UInt8(ascii: "\r") ? min(index + 2, bytes.count) : index + 1
  }
}

extension LCOVReader {
  /// Reads a tracefile line by line, keeping the open record and the totals so far.
  struct Parser {
    /// Records that carry nothing this reader counts (test names, functions, MC/DC).
    private static let ignoredKeys: Set<Substring> = [
      "TN", "VER", "FN", "FNDA", "FNF", "FNH", "FNL", "FNA", "MCDC", "MCF", "MCH",
    ]

    let file: ArtifactFile
    private(set) var totals = CoverageTotals()
    private(set) var warnings: [Diagnostic] = []
    private var record: Record?
    private var recordCount = 0
    private var unknownKeys: Set<Substring> = []
    private var listed = 0
    /// Summary lines that disagree with their records beyond the first `shownDisagreements`,
    /// and the first of them.
    private var unlisted: (count: Int, first: Diagnostic?) = (0, nil)
    /// A tracefile from one tool can disagree in every record (llvm-cov's LF and LH count
    /// lines its DA records leave out); list only this many, then count the rest.
    static let shownDisagreements = 3

    init(file: ArtifactFile) {
      self.file = file
    }

    /// Reads line `number`, whose text is `text`.
    mutating func read(_ text: String, line number: Int) throws(Diagnostic) {
      let line = Line(text: text, number: number)
      guard !line.isBlank else { return }
      if line.body == "end_of_record" { return closeRecord(at: line) }
      guard let key = line.key else {
        let found = line.body.prefix(40)
        throw line.error(
          "expected an LCOV record such as SF:, DA: or end_of_record, found \"\(found)\"",
          in: file)
      }
      switch key {
      case "SF": try openRecord(line)
      case "DA": try readHits(line)
      case "BRDA": try readBranch(line)
      case "LF", "LH", "BRF", "BRH": try readClaim(key, line)
      case _ where Self.ignoredKeys.contains(key): break
      default: noteUnknown(key, line)
      }
    }

    /// Fails when a record is left open or when the file had no record at all; `lastLine`
    /// and `text` are the file's last line, where an unclosed record is reported.
    mutating func finish(lastLine: Int, text: String) throws(Diagnostic) {
      if let record {
        let end = Line(text: text, number: lastLine)
        throw end.diagnostic(
          .error,
          "expected end_of_record to close the record for \"\(record.path)\" opened at line "
            + "\(record.line), found the end of the file", in: file, column: text.count + 1)
      }
      if let first = unlisted.first {
        var summary = first
        summary.message =
          "\(unlisted.count) more summary lines (LF, LH, BRF, BRH) disagree with their "
          + "records, the first of them here; the records are counted"
        warnings.append(summary)
      }
      guard recordCount > 0 else {
        throw file.diagnostic(
          .error, "expected at least one SF: record in an LCOV tracefile, found none", line: 1,
          column: 1)
      }
    }

    // MARK: - Private

    private mutating func openRecord(_ line: Line) throws(Diagnostic) {
      if let open = record {
        throw line.error(
          "expected end_of_record before a new SF:, found the record from line \(open.line) "
            + "still open", in: file)
      }
      guard !line.value.isEmpty else {
        throw line.error("expected a source file path after SF:, found nothing", in: file)
      }
      record = Record(path: String(line.value), line: line.number)
    }

    private mutating func closeRecord(at line: Line) {
      guard let closed = record else {
        warnings.append(
          line.diagnostic(
            .warning, "end_of_record without an open SF: record is ignored", in: file, column: 1))
        return
      }
      for disagreement in closed.disagreements(in: file) { note(disagreement) }
      closed.add(to: &totals)
      record = nil
      recordCount += 1
    }

    private mutating func note(_ disagreement: Diagnostic) {
      if listed < Self.shownDisagreements {
        listed += 1
        warnings.append(disagreement)
      } else {
        unlisted = (unlisted.count + 1, unlisted.first ?? disagreement)
      }
    }

    /// `DA:<line>,<hits>[,<checksum>]`.
    private mutating func readHits(_ line: Line) throws(Diagnostic) {
      try requireRecord(line)
      let fields = line.fields
      guard fields.count == 2 || fields.count == 3 else {
        throw line.error(
          "expected DA:<line>,<hits>[,<checksum>], found \"\(line.body)\"", in: file)
      }
      let number = try lineNumber(line, field: 0)
      let isCovered = try hitCount(line, field: 1)
      record?.addLine(number, isCovered: isCovered)
    }

    /// `BRDA:<line>,<block>,<branch>,<taken>`, where taken `-` means never.
    private mutating func readBranch(_ line: Line) throws(Diagnostic) {
      try requireRecord(line)
      let fields = line.fields
      guard fields.count >= 4 else {
        throw line.error(
          "expected BRDA:<line>,<block>,<branch>,<taken>, found \"\(line.body)\"", in: file)
      }
      _ = try lineNumber(line, field: 0)
      let last = fields.count - 1
      let isTaken = fields[last] == "-" ? false : try hitCount(line, field: last)
      record?.addBranch(BranchKey(fields[..<last]), isTaken: isTaken)
    }

    /// `LF:`, `LH:`, `BRF:` or `BRH:` with a whole number.
    private mutating func readClaim(_ key: Substring, _ line: Line) throws(Diagnostic) {
      try requireRecord(line)
      guard let value = Line.wholeNumber(line.value) else {
        throw line.error(
          "expected a whole number after \(key):, found \"\(line.value)\"", in: file,
          field: 0)
      }
      record?.claims[String(key)] = Record.Claim(value: value, line: line)
    }

    private func requireRecord(_ line: Line) throws(Diagnostic) {
      guard record == nil else { return }
      throw line.error(
        "expected SF: to open a record before \(line.key ?? ""):, found none open", in: file)
    }

    private func lineNumber(_ line: Line, field: Int) throws(Diagnostic) -> Int {
      let text = line.fields[field]
      guard let number = Line.wholeNumber(text) else {
        throw line.error(
          "expected a line number of 0 or more (at most 18 digits), found \"\(text)\"", in: file,
          field: field)
      }
      return number
    }

    /// Whether a hit count is above 0; any number of digits, with an optional fraction.
    private func hitCount(_ line: Line, field: Int) throws(Diagnostic) -> Bool {
      let text = line.fields[field]
      let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.allSatisfy(Line.isDigits) else {
        throw line.error(
          "expected a hit count of 0 or more, found \"\(text)\"", in: file, field: field)
      }
      return text.utf8.contains { (0x31...0x39).contains($0) }
    }

    private mutating func noteUnknown(_ key: Substring, _ line: Line) {
      guard unknownKeys.insert(key).inserted else { return }
      warnings.append(
        line.warning("unknown LCOV record \(key): is ignored (and any later ones)", in: file))
    }
  }
}

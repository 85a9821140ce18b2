import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

extension CoberturaReader {
  /// Walks the XML events of one report and counts its `<line>` records per source file.
  final class Scanner: NSObject, XMLParserDelegate {
    /// One `<line>` record.
    struct LineRecord {
      var number: Int
      var isCovered: Bool
      var branches: (covered: Int, total: Int)?
    }

    /// The records of the `<class>` being read: its own `<lines>` and its methods' lines.
    struct ClassRecords {
      var file: String
      var hasOwnLines = false
      var own: [LineRecord] = []
      var fromMethods: [LineRecord] = []
    }

    /// Odd content of one kind: the first message and place, and how often it was seen.
    struct Notice {
      var message: String
      /// Where the parser was; the warning points at the start of the tag ending there
      /// when `isAtTagEnd`.
      var at: (line: Int, column: Int)
      var isAtTagEnd: Bool
      var count = 1
    }

    let file: ArtifactFile
    private(set) var totals = CoverageTotals()
    private(set) var rootAttributes: [String: String] = [:]
    /// Where the root's start tag begins, once `run()` has returned.
    private(set) var rootPosition = (line: 1, column: 1)
    /// Where the parser was at the end of the root's start tag.
    private var rootTagEnd: (line: Int, column: Int)?
    private var failure: Diagnostic?
    private var notices: [String: Notice] = [:]
    private var noticeOrder: [String] = []
    private var openElements: [String] = []
    private var rootName: String?
    private var isRootClosed = false
    private var hasPackages = false
    private var current: ClassRecords?

    init(file: ArtifactFile) {
      self.file = file
    }

    /// Parses the whole file, never reading a DTD or an external entity.
    func run() throws(Diagnostic) {
      try SafeXMLParser.parse(file, delegate: self)
      if let failure { throw failure }
      if let rootTagEnd { rootPosition = tagStart(at: rootTagEnd) }
      try checkStructure()
    }

    /// One warning per kind of odd content, in the order first seen, with the lines they
    /// quote found in one pass over the file.
    var warnings: [Diagnostic] {
      let found = noticeOrder.compactMap { notices[$0] }
      let wanted = found.flatMap { notice in
        notice.isAtTagEnd
          ? Array(CoberturaReader.linesSearched(endingAt: notice.at.line)) : [notice.at.line]
      }
      let lines = file.texts(ofLines: Set(wanted))
      return found.map { notice in
        let more = notice.count > 1 ? " (and \(notice.count - 1) more like it)" : ""
        let at =
          notice.isAtTagEnd
          ? CoberturaReader.tagStart(in: lines, line: notice.at.line, column: notice.at.column)
          : notice.at
        let location = SourceLocation(file: file.path, line: at.line, column: at.column)
        return Diagnostic(
          .warning, notice.message + more, at: location, sourceLine: lines[at.line])
      }
    }

    // MARK: - XMLParserDelegate

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      guard failure == nil else { return }
      let parent = openElements.last
      openElements.append(name)
      switch name {
      case _ where parent == nil: startRoot(name, attributes, parser)
      case "packages": hasPackages = true
      case "class": startClass(attributes, parser)
      case "lines" where parent == "class": current?.hasOwnLines = true
      case "line": readLine(attributes, parser)
      default: break
      }
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      guard failure == nil else { return }
      _ = openElements.popLast()
      if name == "class" { finishClass() }
      if openElements.isEmpty { isRootClosed = true }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      guard failure == nil else { return }
      let code = (parseError as NSError).code
      let at = (parser.lineNumber, parser.columnNumber)
      guard code != CoberturaReader.undeclaredEntityWarning else {
        return note(
          "entity", "an entity declared in an external DTD was left empty", at: at,
          isAtTagEnd: false)
      }
      var problem = CoberturaReader.xmlProblem(code, isRootClosed: isRootClosed)
      if isAtEnd(at), !problem.contains("found") { problem += ", found the end of the file" }
      failure = diagnostic("malformed XML: \(problem)", at: at)
      parser.abortParsing()
    }

    // MARK: - Private

    private func startRoot(_ name: String, _ attributes: [String: String], _ parser: XMLParser) {
      rootName = name
      rootAttributes = attributes
      rootTagEnd = (parser.lineNumber, parser.columnNumber)
      guard name == "coverage" else {
        rootPosition = tagStart(parser)
        let message = "expected a Cobertura report with root element <coverage>, found <\(name)>"
        return fail(message, at: rootPosition, parser)
      }
    }

    private func startClass(_ attributes: [String: String], _ parser: XMLParser) {
      finishClass()
      if let path = attributes["filename"], !path.isEmpty {
        current = ClassRecords(file: path)
        return
      }
      let name = attributes["name"] ?? ""
      current = ClassRecords(file: "class \(name)")
      note(
        "filename", "<class name=\"\(name)\"> has no filename; its lines count under its name",
        at: tagEnd(parser))
    }

    private func readLine(_ attributes: [String: String], _ parser: XMLParser) {
      guard current != nil else {
        return note("outside", "a <line> outside any <class> is not counted", at: tagEnd(parser))
      }
      guard let number = CoberturaReader.count(attributes["number"]) else {
        return fail(expected("a line number of 0 or more", "number", attributes), parser)
      }
      guard let hits = attributes["hits"].flatMap(CoberturaReader.number), hits >= 0 else {
        return fail(expected("a hit count of 0 or more", "hits", attributes), parser)
      }
      let record = LineRecord(
        number: number, isCovered: hits > 0, branches: branches(attributes, parser))
      if openElements.dropLast(2).last == "class" {
        current?.own.append(record)
      } else {
        current?.fromMethods.append(record)
      }
    }

    /// The counts of a `branch="true"` line, or nil (with a warning when they are unknown).
    private func branches(_ attributes: [String: String], _ parser: XMLParser)
      -> (covered: Int, total: Int)?
    {
      guard attributes["branch"]?.lowercased() == "true" else { return nil }
      guard let text = attributes["condition-coverage"] else {
        let message =
          "a <line branch=\"true\"> has no condition-coverage; its branches are not counted"
        note("no-condition", message, at: tagEnd(parser))
        return nil
      }
      guard let counts = CoberturaReader.conditionCounts(text) else {
        let message =
          "expected condition-coverage like \"50% (1/2)\", found \"\(text)\"; "
          + "its branches are not counted"
        note("bad-condition", message, at: tagEnd(parser))
        return nil
      }
      return counts
    }

    private func finishClass() {
      guard let records = current else { return }
      current = nil
      totals.addFile(records.file)
      for line in records.hasOwnLines ? records.own : records.fromMethods {
        totals.addLine(line.number, isCovered: line.isCovered, in: records.file)
        guard let branches = line.branches else { continue }
        totals.addBranches(
          .numbers(line: line.number, block: 0, branch: 0), covered: branches.covered,
          total: branches.total, in: records.file)
      }
    }

    private func checkStructure() throws(Diagnostic) {
      guard rootName != nil else {
        throw diagnostic("expected a <coverage> root element, found none", at: end())
      }
      guard isRootClosed else {
        throw diagnostic(
          "expected </coverage> before the end of the file, found the end (truncated)",
          at: end())
      }
      guard hasPackages else {
        throw diagnostic(
          "expected a <packages> element inside <coverage>, found none; "
            + "this is not a Cobertura report", at: rootPosition)
      }
    }

    /// The position after the file's last byte.
    private func end() -> (line: Int, column: Int) {
      file.position(ofByte: Int.max)
    }

    /// True when `at` is past the last character of the file, as when it is truncated.
    private func isAtEnd(_ at: (line: Int, column: Int)) -> Bool {
      let last = file.lineCount()
      let text = file.text(ofLine: last) ?? ""
      return at.line > last || (at.line == last && at.column > text.count)
    }

    private func expected(_ what: String, _ name: String, _ attributes: [String: String])
      -> String
    {
      let found = attributes[name].map { "\"\($0)\"" } ?? "no \(name) attribute"
      return "expected \(what) in <line \(name)=\"…\">, found \(found)"
    }

    private func note(
      _ kind: String, _ message: String, at: (line: Int, column: Int), isAtTagEnd: Bool = true
    ) {
      if notices[kind] != nil {
        notices[kind]?.count += 1
        return
      }
      notices[kind] = Notice(message: message, at: at, isAtTagEnd: isAtTagEnd)
      noticeOrder.append(kind)
    }

    private func fail(_ message: String, _ parser: XMLParser) {
      fail(message, at: tagStart(parser), parser)
    }

    private func fail(_ message: String, at: (line: Int, column: Int), _ parser: XMLParser) {
      guard failure == nil else { return }
      // libxml2 reports a start tag cut off by the end of the file (`<covera`, `<line`) as an
      // element without attributes: that is a truncated file, not odd content.
      if isAtEnd((parser.lineNumber, parser.columnNumber)) {
        failure = diagnostic(
          "expected the rest of the report, found the end of the file; is it truncated?",
          at: end())
      } else {
        failure = diagnostic(message, at: at)
      }
      parser.abortParsing()
    }

    private func diagnostic(_ message: String, at: (line: Int, column: Int)) -> Diagnostic {
      file.diagnostic(.error, message, line: at.line, column: at.column)
    }

    /// Where the parser is: at the last character of the start tag just read.
    private func tagEnd(_ parser: XMLParser) -> (line: Int, column: Int) {
      (parser.lineNumber, parser.columnNumber)
    }

    /// Where the start tag just read begins, found by reading back over the file.
    private func tagStart(_ parser: XMLParser) -> (line: Int, column: Int) {
      tagStart(at: tagEnd(parser))
    }

    private func tagStart(at end: (line: Int, column: Int)) -> (line: Int, column: Int) {
      let lines = file.texts(ofLines: Set(CoberturaReader.linesSearched(endingAt: end.line)))
      return CoberturaReader.tagStart(in: lines, line: end.line, column: end.column)
    }
  }
}

import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

extension JUnitReader {
  /// An element that has started and not yet ended.
  struct OpenElement {
    var name: String
    /// Where libxml2 reported the start tag: just after its `>`, perhaps lines below `<`.
    var line: Int
    var column: Int
    /// A suite's `name` and `tests` attributes, and the cases counted inside it so far.
    var suiteName: String?
    var declaredTests: String?
    var cases = 0

    var isSuite: Bool { name == "testsuite" || name == "testsuites" }
  }

  /// Walks the XML events of one file, counting cases and collecting warnings.
  ///
  /// A class only because `XMLParser` needs an `NSObject` delegate; it lives for one read.
  final class Collector: NSObject, XMLParserDelegate {
    /// The most warnings of one kind kept in full; the rest are counted in one more warning.
    static let maxWarningsPerKind = 50

    /// What a warning is about, so that thousands of one kind do not hide another.
    enum WarningKind: Hashable {
      case time
      case suiteCount
      case misplacedCase
      case noCases
    }

    let file: ArtifactFile
    private(set) var tally = Tally()
    /// Warnings waiting for their places, which one pass over the file finds at the end.
    private var pending: [(kind: WarningKind, message: String, element: OpenElement?)] = []
    private var kept: [WarningKind: Int] = [:]
    private var leftOut: [WarningKind: Int] = [:]
    private var stack: [OpenElement] = []
    private var root: OpenElement?
    private var rootTime: String?
    private var current: OpenCase?
    private var syntaxError: Diagnostic?

    init(file: ArtifactFile) {
      self.file = file
    }

    /// Parses the whole file without fetching any DTD or external entity.
    ///
    /// - Throws: The first XML syntax error, or a root that is not a JUnit suite.
    func run() throws(Diagnostic) {
      try SafeXMLParser.parse(file, delegate: self)
      if let syntaxError { throw syntaxError }
      try checkRoot()
    }

    /// The root's own `time`, for files whose cases carry none.
    func rootSeconds() -> Double? {
      guard let root, let rootTime else { return nil }
      let (value, warning) = JUnitReader.seconds(rootTime)
      if let warning { warn(.time, warning, at: root) }
      return value
    }

    func warnNoCases() {
      let message = "expected at least one <testcase>, found none; there is no pass rate"
      pending.append((.noCases, message, root))
    }

    /// The warnings, each at the `<` of its element's start tag, with its line quoted; after
    /// the last one kept of a kind, one saying how many more of that kind were left out.
    func locatedWarnings() -> [Diagnostic] {
      let elements = pending.compactMap(\.element)
      let lines = file.texts(ofLines: Set(elements.flatMap(Self.linesSearched)))
      var warnings: [Diagnostic] = []
      var seen: [WarningKind: Int] = [:]
      for warning in pending {
        let located =
          warning.element.map { diagnostic(.warning, warning.message, at: $0, lines: lines) }
          ?? file.diagnostic(.warning, warning.message, line: 1, column: 1)
        warnings.append(located)
        seen[warning.kind, default: 0] += 1
        guard seen[warning.kind] == kept[warning.kind], let more = leftOut[warning.kind] else {
          continue
        }
        var summary = located
        summary.message = "\(more) more warnings like the one above were left out"
        warnings.append(summary)
      }
      return warnings
    }

    // MARK: - XMLParserDelegate

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      var element = OpenElement(name: name, line: parser.lineNumber, column: parser.columnNumber)
      if element.isSuite {
        element.suiteName = attributes["name"]
        element.declaredTests = attributes["tests"]
      }
      if root == nil, stack.isEmpty {
        root = element
        rootTime = attributes["time"]
      }
      if isCounting { begin(element, time: attributes["time"]) }
      stack.append(element)
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      guard let element = stack.popLast(), isCounting else { return }
      if let current, current.depth == stack.count {
        tally.add(current.outcome, isFlaky: current.hasRerun, seconds: current.seconds)
        self.current = nil
      } else if element.isSuite {
        endSuite(element)
      }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
      guard syntaxError == nil else { return }
      let code = (error as NSError).code
      let (line, column) = (parser.lineNumber, parser.columnNumber)
      let message = syntaxMessage(code: code, line: line, column: column)
      syntaxError = file.diagnostic(.error, message, line: line, column: column)
      parser.abortParsing()
    }

    // MARK: - Counting

    /// True once the root is known to be a suite; a foreign root's content is not counted.
    private var isCounting: Bool { root?.isSuite ?? false }

    private func begin(_ element: OpenElement, time: String?) {
      if element.name == "testcase" {
        beginCase(element, time: time)
      } else if let current, current.depth == stack.count - 1 {
        self.current?.record(element.name)
      }
    }

    private func beginCase(_ element: OpenElement, time: String?) {
      guard current == nil, let parent = stack.last, parent.isSuite else {
        let parent = stack.last.map { "<\($0.name)>" } ?? "the document"
        warn(
          .misplacedCase,
          "a <testcase> inside \(parent) is not counted; expected it inside a <testsuite>",
          at: element)
        return
      }
      stack[stack.count - 1].cases += 1
      current = OpenCase(depth: stack.count)
      let (seconds, warning) = JUnitReader.seconds(time ?? "")
      current?.seconds = seconds
      if let warning { warn(.time, warning, at: element) }
    }

    /// Warns when the suite's `tests=` disagrees, then adds its cases to the enclosing suite.
    private func endSuite(_ suite: OpenElement) {
      if let index = stack.lastIndex(where: \.isSuite) { stack[index].cases += suite.cases }
      let declared = (suite.declaredTests ?? "").trimmingCharacters(in: .whitespaces)
      guard !declared.isEmpty else { return }
      let title = suite.suiteName.map { "<\(suite.name)> '\($0)'" } ?? "<\(suite.name)>"
      guard let count = Int(declared), count >= 0 else {
        return warn(
          .suiteCount, "\(title) has tests=\"\(declared)\"; expected a whole number", at: suite)
      }
      guard count != suite.cases else { return }
      warn(
        .suiteCount,
        "\(title) says tests=\"\(declared)\" but holds \(suite.cases) test cases; "
          + "using the \(suite.cases) counted", at: suite)
    }

    private func checkRoot() throws(Diagnostic) {
      guard let root, !root.isSuite else { return }
      throw diagnostic(
        .error, "expected a <testsuites> or <testsuite> root element, found <\(root.name)>",
        at: root)
    }

    // MARK: - Messages and positions

    private func warn(_ kind: WarningKind, _ message: String, at element: OpenElement) {
      guard kept[kind, default: 0] < Self.maxWarningsPerKind else {
        return leftOut[kind, default: 0] += 1
      }
      kept[kind, default: 0] += 1
      pending.append((kind, message, element))
    }

    /// A diagnostic at the `<` that opens the element's start tag.
    private func diagnostic(
      _ severity: Diagnostic.Severity, _ message: String, at element: OpenElement,
      lines: [Int: String]? = nil
    ) -> Diagnostic {
      let lines = lines ?? file.texts(ofLines: Set(Self.linesSearched(for: element)))
      let start = tagStart(element, lines: lines)
      let location = SourceLocation(file: file.path, line: start.line, column: start.column)
      return Diagnostic(severity, message, at: location, sourceLine: lines[start.line])
    }

    /// The lines a start tag reported at `element` may begin on.
    private static func linesSearched(for element: OpenElement) -> ClosedRange<Int> {
      max(element.line - 19, 1)...max(element.line, 1)
    }

    /// Where the element's start tag begins: the last `<name` at or before the position
    /// libxml2 reported, searched backwards over the few lines a start tag may span.
    private func tagStart(_ element: OpenElement, lines: [Int: String])
      -> (line: Int, column: Int)
    {
      var number = element.line
      var limit = element.column
      while number >= 1, number > element.line - 20 {
        if let text = lines[number], let column = lastTag(element.name, in: text, upTo: limit) {
          return (number, column)
        }
        number -= 1
        limit = Int.max
      }
      return (element.line, element.column)
    }

    /// The 1-based column of the last `<name` in `text` that starts at or before `limit`.
    private func lastTag(_ name: String, in text: String, upTo limit: Int) -> Int? {
      let scalars = Array(text.unicodeScalars)
      let wanted = Array(("<" + name).unicodeScalars)
      var index = min(limit, scalars.count) - 1
      while index >= 0 {
        let end = index + wanted.count
        if end <= scalars.count, Array(scalars[index..<end]) == wanted,
          end == scalars.count || " \t\r\n/>".unicodeScalars.contains(scalars[end])
        {
          return index + 1
        }
        index -= 1
      }
      return nil
    }

    /// What a libxml2 syntax error means, in the words of what was expected and found.
    private func syntaxMessage(code: Int, line: Int, column: Int) -> String {
      // A start tag cut off by the end of the file is reported as started, at the error.
      let open = stack.last { ($0.line, $0.column) < (line, column) }
      if code == 76, let open { return closing(open, found: "a different end tag") }
      if JUnitReader.isAtEnd(of: file, line: line, column: column) {
        if let open { return closing(open, found: "the end of the file; is it truncated?") }
        if root == nil, code == 4 || code == 5 {
          return "expected a <testsuites> or <testsuite> root element, found none"
        }
        return "expected the rest of the XML document, found the end of the file; is it truncated?"
      }
      switch code {
      case 4: return "expected XML starting with '<', found \(JUnitReader.firstCharacter(of: file))"
      case 5 where open == nil && root != nil:
        return "expected nothing after the root element, found more"
      case 42: return "expected each attribute once in an element, found one written twice"
      case 89: return "expected entities of a bounded size, found ones that loop or grow too far"
      default: return XMLSyntax.problem(code)
      }
    }

    private func closing(_ element: OpenElement, found: String) -> String {
      let lines = file.texts(ofLines: Set(Self.linesSearched(for: element)))
      let line = tagStart(element, lines: lines).line
      return
        "expected </\(element.name)> closing <\(element.name)> from line \(line), found \(found)"
    }
  }
}

import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

extension SBOMReader {
  /// A component or vulnerability that has started and not yet ended; `depth` is the
  /// number of elements open around it.
  struct OpenEntry {
    var depth: Int
    var hasLicence = false
    var hasVersion = false
    var hasPurl = false
    var severity: Severity?
  }

  /// Walks the XML events of a CycloneDX XML file, counting components and vulnerabilities.
  ///
  /// A class only because `XMLParser` needs an `NSObject` delegate; it lives for one read.
  final class XMLCollector: NSObject, XMLParserDelegate {
    static let namespacePrefix = "http://cyclonedx.org/schema/bom/"

    let file: ArtifactFile
    private var tally = Tally()
    private var warnings: [Diagnostic] = []
    private var version: String?
    /// Local names of the open elements; one from another namespace is kept as `{ns}name`
    /// so that extension content never matches a CycloneDX path.
    private var stack: [String] = []
    private var components: [OpenEntry] = []
    private var vulnerability: OpenEntry?
    private var text = ""
    private var failure: Diagnostic?

    init(file: ArtifactFile) {
      self.file = file
    }

    /// Parses the whole file without fetching any DTD or external entity.
    func run() throws(Diagnostic) -> ArtifactReading {
      try SafeXMLParser.parse(file, delegate: self, processNamespaces: true)
      if let failure { throw failure }
      guard let version else {
        throw file.diagnostic(.error, "\(expected), found no root element", line: 1, column: 1)
      }
      return reading(
        tally, format: "CycloneDX \(version) XML", in: file, warnings: warnings)
    }

    // MARK: - XMLParserDelegate

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      if stack.isEmpty, version == nil { checkRoot(parser, name: name, namespace: namespaceURI) }
      let isOwn = (namespaceURI ?? "").hasPrefix(Self.namespacePrefix)
      let parent = stack.last
      stack.append(isOwn ? name : "{\(namespaceURI ?? "")}\(name)")
      text = ""
      if stack.last == "component", parent == "components" {
        components.append(OpenEntry(depth: stack.count))
      } else if stack.last == "vulnerability", parent == "vulnerabilities", stack.count == 3 {
        vulnerability = OpenEntry(depth: stack.count)
      } else if stack.last == "vulnerabilities", stack.count == 2 {
        tally.vulnerabilities = tally.vulnerabilities ?? [:]
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      text += String(decoding: block, as: UTF8.self)
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      let isFilled = SBOMReader.isFilled(text)
      if isFilled { record(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
      text = ""
      if let last = components.last, last.depth == stack.count {
        components.removeLast()
        tally.addComponent(
          hasLicence: last.hasLicence, hasVersion: last.hasVersion, hasPurl: last.hasPurl)
      } else if let open = vulnerability, open.depth == stack.count {
        tally.addVulnerability(open.severity ?? .other)
        vulnerability = nil
      }
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
      guard failure == nil else { return }
      let code = (error as NSError).code
      let (line, column) = (parser.lineNumber, parser.columnNumber)
      failure = file.diagnostic(
        .error, syntaxMessage(code, line, column), line: line, column: column)
      parser.abortParsing()
    }

    // MARK: - Counting

    /// Notes what a non-empty element says about the innermost open component or the open
    /// vulnerability, from its path below that entry.
    private func record(_ value: String) {
      if let open = vulnerability, path(below: open) == ["ratings", "rating", "severity"] {
        vulnerability?.severity = max(open.severity ?? .other, Severity(value))
      }
      guard let open = components.last else { return }
      switch path(below: open) {
      case ["version"]: components[components.count - 1].hasVersion = true
      case ["purl"]: components[components.count - 1].hasPurl = true
      case ["licenses", "license", "id"], ["licenses", "license", "name"],
        ["licenses", "expression"]:
        components[components.count - 1].hasLicence = true
      default: break
      }
    }

    private func path(below entry: OpenEntry) -> ArraySlice<String> {
      stack.count > entry.depth ? stack[entry.depth...] : []
    }

    private func checkRoot(_ parser: XMLParser, name: String, namespace: String?) {
      let namespace = namespace ?? ""
      guard name == "bom", namespace.hasPrefix(Self.namespacePrefix) else {
        let shown = namespace.isEmpty ? "no namespace" : "namespace \(namespace)"
        return fail(
          parser,
          "expected a <bom> root in namespace \(Self.namespacePrefix)1.x, "
            + "found <\(name)> in \(shown)")
      }
      let number = String(namespace.dropFirst(Self.namespacePrefix.count))
      version = number
      guard !cycloneDXVersions.contains(number) else { return }
      warnings.append(
        file.diagnostic(
          .warning,
          "expected a CycloneDX XML namespace from 1.0 to 1.6, found \(namespace); "
            + "read with the 1.6 rules", line: parser.lineNumber, column: 1))
    }

    private func fail(_ parser: XMLParser, _ message: String) {
      failure = file.diagnostic(.error, message, line: parser.lineNumber, column: 1)
      parser.abortParsing()
    }

    /// What a libxml2 syntax error means, in the words of what was expected and found.
    private func syntaxMessage(_ code: Int, _ line: Int, _ column: Int) -> String {
      if JUnitReader.isAtEnd(of: file, line: line, column: column) {
        guard let open = stack.last else {
          return "expected the rest of the XML document, found the end of the file; "
            + "is it truncated?"
        }
        return "expected </\(open)>, found the end of the file; is it truncated?"
      }
      if code == 4 {
        return "expected XML starting with '<', found \(JUnitReader.firstCharacter(of: file))"
      }
      return XMLSyntax.problem(code)
    }
  }
}

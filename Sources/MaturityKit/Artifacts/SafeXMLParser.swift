import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The one way the artifact readers run `XMLParser`: streamed, never reading a DTD or an
/// external entity, and only in an encoding libxml2 decodes itself.
enum SafeXMLParser {
  /// The encodings libxml2 handles without iconv, upper-cased. Others (EBCDIC-US, and UTF-7
  /// with stray bytes, both found by the fuzzer) crash the system libxml2 2.9 inside
  /// `xmlSwitchToEncoding` when fed through FoundationXML's push parser.
  static let encodings: Set<String> = [
    "UTF-8", "UTF8", "US-ASCII", "ASCII", "ISO-8859-1", "ISO_8859-1", "LATIN1", "ISO-LATIN-1",
  ]

  /// The most of a file's start that is searched for the end of its XML declaration.
  static let declarationWindow = 64 << 10

  /// Streams `file` to `delegate` in chunks, so its size does not set the memory. The
  /// delegate must keep its own record of the first failure: on Linux `parse()` can return
  /// true after a fatal error, so its result is not returned.
  ///
  /// - Throws: An XML declaration naming an encoding outside `encodings`, or a file that
  ///   cannot be opened.
  static func parse(
    _ file: ArtifactFile, delegate: any XMLParserDelegate, processNamespaces: Bool = false
  ) throws(Diagnostic) {
    try checkDeclaredEncoding(file)
    // A stream feeds libxml2 in chunks: given all the data at once it refuses input over
    // 10 MB ("huge input lookup") and a complete file reads as truncated.
    guard let stream = file.inputStream() else {
      throw Diagnostic(.error, "cannot read '\(file.path)': it cannot be opened")
    }
    let parser = XMLParser(stream: stream)
    parser.shouldProcessNamespaces = processNamespaces
    parser.shouldResolveExternalEntities = false
    // The flag alone does not stop corelibs Foundation loading a `file:` entity when the
    // policy allows it (tried); the policy does.
    if #available(macOS 10.15, iOS 13, tvOS 13, watchOS 6, *) {
      parser.externalEntityResolvingPolicy = .never
    }
    parser.delegate = delegate
    _ = parser.parse()
  }

  /// Refuses a declared encoding outside `encodings`: `readable(_:)` converts the ones it
  /// knows first, so one that reaches here is unknown.
  static func checkDeclaredEncoding(_ file: ArtifactFile) throws(Diagnostic) {
    let head = try file.head(declarationWindow)
    guard let declared = try declaredEncoding(in: head, of: file),
      !encodings.contains(declared.name.uppercased())
    else { return }
    throw encodingError(
      "expected an XML declaration naming UTF-8 or an encoding this tool converts "
        + "(docs/hostile-input.md lists them), found encoding '\(declared.name)'; convert the "
        + "file to UTF-8", declared, file)
  }

  /// The `encoding` pseudo-attribute of a leading `<?xml ...?>` declaration (after a UTF-8
  /// BOM): its value, and the byte range from `encoding` to the closing quote. A file
  /// without one, or in UTF-16 with a BOM, is left to libxml2's own detection.
  ///
  /// - Throws: A declaration still open after `declarationWindow` bytes.
  static func declaredEncoding(in bytes: [UInt8], of file: ArtifactFile) throws(Diagnostic)
    -> (name: String, valueStart: Int, attribute: Range<Int>)?
  {
    let start = bytes.starts(with: SourceFile.byteOrderMark) ? 3 : 0
    guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return nil }
    // No `>` can stand inside a declaration before its closing `?>`, however long it is.
    guard let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else {
      // A short file is left to libxml2, which says where it is cut off.
      guard bytes.count >= declarationWindow else { return nil }
      throw file.diagnostic(
        .error, "expected an XML declaration closed within its first 64 KB, found no '>'",
        line: 1, column: 1)
    }
    guard let key = firstIndex(of: Array("encoding".utf8), in: bytes, from: start, to: close)
    else { return nil }
    var index = key + 8
    func skipSpace() {
      while index < close, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }
    skipSpace()
    guard index < close, bytes[index] == UInt8(ascii: "=") else { return nil }
    index += 1
    skipSpace()
    guard index < close, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
    else { return nil }
    let quote = bytes[index]
    let valueStart = index + 1
    guard let valueEnd = bytes[valueStart..<close].firstIndex(of: quote) else { return nil }
    let name = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
    return (name, valueStart, key..<(valueEnd + 1))
  }

  static func encodingError(
    _ message: String, _ declared: (name: String, valueStart: Int, attribute: Range<Int>),
    _ file: ArtifactFile
  ) -> Diagnostic {
    let position = file.position(ofByte: declared.valueStart)
    return file.diagnostic(.error, message, line: position.line, column: position.column)
  }

  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int, to: Int)
    -> Int?
  {
    guard to - from >= needle.count else { return nil }
    return (from...(to - needle.count)).first {
      bytes[$0..<($0 + needle.count)].elementsEqual(needle)
    }
  }
}

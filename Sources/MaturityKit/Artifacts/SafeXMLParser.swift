import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The one way the artifact readers run `XMLParser`: streamed, and never reading a DTD or an
/// external entity.
enum SafeXMLParser {
  /// Feeds `bytes` to `delegate`, which must keep its own record of the first failure: on Linux
  /// `parse()` can return true after a fatal error, so its result is not returned.
  static func parse(
    _ bytes: [UInt8], delegate: any XMLParserDelegate, processNamespaces: Bool = false
  ) {
    // A stream feeds libxml2 in chunks: given all the data at once it refuses input over
    // 10 MB ("huge input lookup") and a complete file reads as truncated.
    let parser = XMLParser(stream: InputStream(data: Data(bytes)))
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
}

import Foundation

extension SafeXMLParser {
  /// Declared encodings converted to UTF-8 before libxml2 sees the file, by upper-cased
  /// IANA name: libxml2 would switch to them through iconv, where the system's libxml2
  /// has crashed (see `encodings`). Each is a superset of ASCII, so the declaration reads
  /// the same before and after. The raw values are CoreFoundation's encodings as
  /// Foundation numbers them.
  static let transcodings: [String: String.Encoding] = [
    "WINDOWS-1250": .windowsCP1250, "WINDOWS-1251": .windowsCP1251,
    "WINDOWS-1252": .windowsCP1252, "CP1252": .windowsCP1252, "WINDOWS-1253": .windowsCP1253,
    "WINDOWS-1254": .windowsCP1254, "ISO-8859-2": .isoLatin2,
    "ISO-8859-15": String.Encoding(rawValue: 0x8000_020F),
    "KOI8-R": String.Encoding(rawValue: 0x8000_0A02),
    "SHIFT_JIS": .shiftJIS,
    "GB18030": String.Encoding(rawValue: 0x8000_0632),
    "GBK": String.Encoding(rawValue: 0x8000_0632),
    "GB2312": String.Encoding(rawValue: 0x8000_0632),
    "BIG5": String.Encoding(rawValue: 0x8000_0A03),
    "EUC-KR": String.Encoding(rawValue: 0x8000_0940),
  ]

  /// The file as libxml2 may read it safely: `file` itself when it declares no encoding or
  /// one libxml2 decodes alone; for an encoding in `transcodings`, the whole file converted
  /// to UTF-8 in memory with its `encoding="…"` blanked out by as many spaces, so that
  /// every line and column stays where it was and diagnostics quote the decoded text.
  ///
  /// - Throws: Bytes that are not text in the declared encoding, or a file that cannot be
  ///   read. An unknown encoding is left for `checkDeclaredEncoding(_:)` to refuse.
  static func readable(_ file: ArtifactFile) throws(Diagnostic) -> ArtifactFile {
    let head = try file.head(declarationWindow)
    guard let declared = try declaredEncoding(in: head, of: file),
      let encoding = transcodings[declared.name.uppercased()]
    else { return file }
    let bytes = try file.whole().bytes
    guard let text = String(data: Data(bytes), encoding: encoding) else {
      throw encodingError(
        "expected text in \(declared.name) as the XML declaration says, found bytes that are "
          + "not; convert the file to UTF-8", declared, file)
    }
    var converted = Array(text.utf8)
    // The declaration is ASCII in every encoding above, so it sits at the same bytes.
    if let again = try declaredEncoding(in: converted, of: file) {
      converted.replaceSubrange(
        again.attribute, with: repeatElement(UInt8(ascii: " "), count: again.attribute.count))
    }
    return ArtifactFile(SourceFile(path: file.path, bytes: converted))
  }
}

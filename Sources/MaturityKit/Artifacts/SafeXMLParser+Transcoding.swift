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

  /// The file as libxml2 may read it safely: `file` itself when it is UTF-8 or ASCII-based
  /// and declares no encoding or one libxml2 decodes alone. A file in UTF-16, or declaring
  /// an encoding in `transcodings`, is converted whole to UTF-8 in memory, its
  /// `encoding="…"` blanked out by as many spaces, so that every line and column stays
  /// where it was (in characters) and diagnostics quote the decoded text.
  ///
  /// - Throws: A file in UTF-32 or EBCDIC, which libxml2 would switch to through iconv;
  ///   bytes that are not text in the declared encoding; a UTF-8 byte-order mark before a
  ///   declaration naming another encoding; a file that cannot be read. An
  ///   unknown declared encoding is left for `checkDeclaredEncoding(_:)` to refuse.
  static func readable(_ file: ArtifactFile) throws(Diagnostic) -> ArtifactFile {
    let head = try file.head(declarationWindow)
    if let wide = WideEncoding(sniffing: head) {
      return try fromWide(wide, file)
    }
    guard let declared = try declaredEncoding(in: head, of: file),
      let encoding = transcodings[declared.name.uppercased()]
    else { return file }
    guard !head.starts(with: SourceFile.byteOrderMark) else {
      throw encodingError(
        "expected an encoding declaration matching the file's UTF-8 byte-order mark, found "
          + "encoding '\(declared.name)'; convert the file to UTF-8", declared, file)
    }
    let bytes = try file.whole().bytes
    guard let text = String(data: Data(bytes), encoding: encoding) else {
      throw encodingError(
        "expected text in \(declared.name) as the XML declaration says, found bytes that are "
          + "not; convert the file to UTF-8", declared, file)
    }
    return try utf8(text, of: file)
  }

  /// A UTF-16 file converted; UTF-32 and EBCDIC refused.
  private static func fromWide(_ wide: WideEncoding, _ file: ArtifactFile) throws(Diagnostic)
    -> ArtifactFile
  {
    let encoding: String.Encoding
    var bytes = try file.whole().bytes
    switch wide {
    case .utf16LittleEndian(let hasMark):
      encoding = .utf16LittleEndian
      if hasMark { bytes.removeFirst(2) }
    case .utf16BigEndian(let hasMark):
      encoding = .utf16BigEndian
      if hasMark { bytes.removeFirst(2) }
    case .utf32, .ebcdic:
      throw wide.error(in: file, expected: "an XML report")
    }
    guard let text = String(data: Data(bytes), encoding: encoding) else {
      throw Diagnostic(
        .error, "expected \(wide.name) text, found bytes that are not; convert the file to UTF-8",
        at: SourceLocation(file: file.path, line: 1, column: 1))
    }
    return try utf8(text, of: file)
  }

  /// `text` as a UTF-8 file shown as `file`, its declared encoding blanked out: the
  /// declaration is ASCII, so it sits at the same characters as before.
  private static func utf8(_ text: String, of file: ArtifactFile) throws(Diagnostic)
    -> ArtifactFile
  {
    var converted = Array(text.utf8)
    if let again = try declaredEncoding(in: converted, of: file) {
      converted.replaceSubrange(
        again.attribute, with: repeatElement(UInt8(ascii: " "), count: again.attribute.count))
    }
    return ArtifactFile(SourceFile(path: file.path, bytes: converted))
  }
}

extension LCOVReader {
  /// One line of a tracefile split into `KEY:value` and comma-separated fields, with the
  /// columns its diagnostics point at.
  struct Line {
    let number: Int
    /// The whole line, quoted in diagnostics.
    let text: String
    /// The text without surrounding white space.
    let body: Substring
    /// The number of white-space characters before `body`.
    let indent: Int
    /// The upper-case record name before the first colon, or nil when there is none.
    let key: Substring?
    /// The text after the first colon.
    let value: Substring
    /// The comma-separated fields of `value`.
    let fields: [Substring]

    init(text: String, number: Int) {
      self.number = number
      self.text = text
      let bytes = text.utf8
      let start = bytes.firstIndex { !Self.isSpace($0) } ?? bytes.endIndex
      let end = bytes.lastIndex { !Self.isSpace($0) }.map(bytes.index(after:)) ?? start
      let body = text[start..<end]
      let colon = body.utf8.firstIndex(of: UInt8(ascii: ":"))
      let name = colon.map { body[..<$0] }
      self.body = body
      indent = bytes.distance(from: bytes.startIndex, to: start)
      key = name.map(Self.isRecordName) == true ? name : nil
      value = colon.map { body[body.utf8.index(after: $0)...] } ?? ""
      fields = Self.split(value)
    }

    var isBlank: Bool { body.isEmpty }

    /// An error on this line, at the start of field `field` when given.
    func error(_ message: String, in file: ArtifactFile, field: Int? = nil) -> Diagnostic {
      diagnostic(.error, message, in: file, column: column(ofField: field))
    }

    func warning(_ message: String, in file: ArtifactFile) -> Diagnostic {
      diagnostic(.warning, message, in: file, column: indent + 1)
    }

    /// A diagnostic at `column` of this line, quoting it.
    func diagnostic(
      _ severity: Diagnostic.Severity, _ message: String, in file: ArtifactFile, column: Int
    ) -> Diagnostic {
      let location = SourceLocation(file: file.path, line: number, column: column)
      return Diagnostic(severity, message, at: location, sourceLine: text)
    }

    /// A whole number of 0 or more, written in digits only.
    static func wholeNumber(_ text: Substring) -> Int? {
      guard isDigits(text), text.utf8.count <= 18 else { return nil }
      return Int(text)
    }

    /// True for one or more ASCII digits.
    static func isDigits(_ text: Substring) -> Bool {
      !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Upper-case letters, digits and underscores, starting with a letter: `BRDA`, `FNL`.
    private static func isRecordName(_ name: Substring) -> Bool {
      let upper: ClosedRange<UInt8> = 0x41...0x5A
      guard let first = name.utf8.first, upper.contains(first) else { return false }
      return name.utf8.allSatisfy {
        upper.contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "_")
      }
    }

    /// Space, tab or carriage return (a CRLF file's lines keep their CR).
    private static func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0D
    }

    /// The comma-separated fields of `value`, split on bytes (Character checks are slow).
    private static func split(_ value: Substring) -> [Substring] {
      var fields: [Substring] = []
      var start = value.startIndex
      for index in value.utf8.indices where value.utf8[index] == UInt8(ascii: ",") {
        fields.append(value[start..<index])
        start = value.utf8.index(after: index)
      }
      fields.append(value[start...])
      return fields
    }

    /// The 1-based column where field `field` starts, or where the line's text starts.
    private func column(ofField field: Int?) -> Int {
      guard let field, let key else { return indent + 1 }
      let before = fields.prefix(field).reduce(0) { $0 + $1.count + 1 }
      return indent + key.count + 2 + before
    }
  }
}

/// An encoding whose characters are not single ASCII bytes, recognised from a file's first
/// four bytes the way XML parsers do: UTF-16 and UTF-32 (with or without a byte-order
/// mark) and EBCDIC.
enum WideEncoding: Equatable {
  case utf16LittleEndian(hasMark: Bool)
  case utf16BigEndian(hasMark: Bool)
  case utf32
  case ebcdic

  /// The encoding `bytes` (a file's start) are in, or nil for UTF-8 and ASCII-based text.
  init?(sniffing bytes: [UInt8]) {
    let first = Array(bytes.prefix(4)) + Array(repeating: 0xAA, count: max(0, 4 - bytes.count))
    switch (first[0], first[1], first[2], first[3]) {
    case (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00), (0x00, 0x00, 0x00, 0x3C),
      (0x3C, 0x00, 0x00, 0x00), (0x00, 0x00, 0x3C, 0x00), (0x00, 0x3C, 0x00, 0x00):
      self = .utf32
    case (0xFF, 0xFE, _, _): self = .utf16LittleEndian(hasMark: true)
    case (0xFE, 0xFF, _, _): self = .utf16BigEndian(hasMark: true)
    case (0x3C, 0x00, _, 0x00), (0x7B, 0x00, _, _), (0x5B, 0x00, _, _):
      self = .utf16LittleEndian(hasMark: false)
    case (0x00, 0x3C, 0x00, _), (0x00, 0x7B, _, _), (0x00, 0x5B, _, _):
      self = .utf16BigEndian(hasMark: false)
    case (0x4C, 0x6F, 0xA7, 0x94): self = .ebcdic
    default: return nil
    }
  }

  /// True when `bytes` (a file's start in this encoding) open a JSON object or list.
  func startsJSON(_ bytes: [UInt8]) -> Bool {
    let brace: Set<UInt8> = [0x7B, 0x5B]
    let first = Array(bytes.prefix(4)) + Array(repeating: 0, count: max(0, 4 - bytes.count))
    switch self {
    case .utf16LittleEndian(let hasMark):
      return hasMark ? brace.contains(first[2]) && first[3] == 0 : brace.contains(first[0])
    case .utf16BigEndian(let hasMark):
      return hasMark ? first[2] == 0 && brace.contains(first[3]) : brace.contains(first[1])
    case .utf32, .ebcdic: return false
    }
  }

  /// The name used in messages.
  var name: String {
    switch self {
    case .utf16LittleEndian: "UTF-16 (little-endian)"
    case .utf16BigEndian: "UTF-16 (big-endian)"
    case .utf32: "UTF-32"
    case .ebcdic: "EBCDIC"
    }
  }

  /// The error for a format that must be UTF-8: JSON, LCOV, a deployment log.
  /// Its first line is not quoted: read as UTF-8 it would show as noise.
  func error(in file: ArtifactFile, expected: String) -> Diagnostic {
    Diagnostic(
      .error, "expected \(expected) in UTF-8, found \(name) text; convert the file to UTF-8",
      at: SourceLocation(file: file.path, line: 1, column: 1))
  }
}

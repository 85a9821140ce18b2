/// The bytes of one input file and the name it is shown under in diagnostics.
public struct SourceFile: Sendable {
  /// The path as the user should see it in `path:line:col`.
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The number of lines, counting a last line without a line break.
  public var lineCount: Int {
    var count = 0
    for byte in bytes where byte == UInt8(ascii: "\n") { count += 1 }
    if let last = bytes.last, last != UInt8(ascii: "\n") { count += 1 }
    return max(count, 1)
  }

  /// The text of 1-based line `number` without its line break, or nil past the end.
  public func line(_ number: Int) -> String? {
    guard number >= 1 else { return nil }
    var current = 1
    var start = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") {
        if current == number { return text(from: start, to: index) }
        current += 1
        start = index + 1
      }
      index += 1
    }
    return current == number && start < bytes.count ? text(from: start, to: bytes.count) : nil
  }

  /// The 1-based line and column of a byte offset, counting columns in characters.
  public func position(ofByte offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var index = hasByteOrderMark ? 3 : 0
    let end = min(offset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return (line, column)
  }

  /// True when the file starts with a UTF-8 byte-order mark, which is not shown.
  public var hasByteOrderMark: Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

  /// A location in this file.
  public func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: path, line: line, column: column)
  }

  private func text(from start: Int, to end: Int) -> String {
    let start = start == 0 && hasByteOrderMark ? min(3, end) : start
    var stop = end
    if stop > start, bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
    return String(decoding: bytes[start..<stop], as: UTF8.self)
  }
}

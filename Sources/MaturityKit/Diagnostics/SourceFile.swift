/// The bytes of one input file and the name it is shown under in diagnostics.
public struct SourceFile: Sendable {
  /// The path as the user should see it in `path:line:col`.
  public var path: String
  public let bytes: [UInt8]
  /// The byte offset where each line starts, so that a diagnostic finds its line without
  /// rescanning the file (many errors in a large file stay linear).
  private let lineStarts: [Int]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
    lineStarts = starts
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The number of lines, counting a last line without a line break.
  public var lineCount: Int { lineStarts.count }

  /// True when the file starts with a UTF-8 byte-order mark, which is not shown.
  public var hasByteOrderMark: Bool { bytes.starts(with: Self.byteOrderMark) }

  /// The UTF-8 byte-order mark.
  public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The text of 1-based line `number` without its line break, or nil past the end.
  public func line(_ number: Int) -> String? {
    guard number >= 1, number <= lineStarts.count else { return nil }
    var start = lineStarts[number - 1]
    var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
    if start == 0, hasByteOrderMark { start = min(3, end) }
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    guard start <= end else { return "" }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The 1-based line and column of a byte offset, counting columns in characters.
  public func position(ofByte offset: Int) -> (line: Int, column: Int) {
    let offset = min(max(offset, 0), bytes.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    var start = lineStarts[low]
    if low == 0, hasByteOrderMark { start = min(3, offset) }
    let column = bytes[start..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    return (low + 1, column)
  }

  /// A location in this file.
  public func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: path, line: line, column: column)
  }
}

/// The lines of an artifact in order, read a chunk at a time: each without its line break
/// (LF or CRLF) and the first without a byte-order mark, as `SourceFile.line(_:)` gives them.
public final class TextLines {
  /// The longest line read; a longer one is an error rather than memory without bound.
  public static let maxLineBytes = 1 << 20

  private let file: ArtifactFile
  private let chunks: ByteChunks
  private var chunk: ArraySlice<UInt8> = []
  private var isAtEnd = false
  /// The number of the line last returned, 0 before the first.
  public private(set) var number = 0
  /// The text of the line last returned.
  public private(set) var last = ""

  /// - Parameter expected: What the file should be, for the error when it is not UTF-8:
  ///   "an LCOV tracefile".
  /// - Throws: A diagnostic when the file cannot be opened or is in UTF-16, UTF-32 or EBCDIC.
  public init(_ file: ArtifactFile, expected: String = "text") throws(Diagnostic) {
    self.file = file
    if let wide = WideEncoding(sniffing: try file.head(4)) {
      throw wide.error(in: file, expected: expected)
    }
    chunks = try file.chunks()
  }

  /// The next line, or nil after the last. Nothing after a final line break is a line.
  ///
  /// - Throws: A diagnostic when the file cannot be read or a line is over `maxLineBytes`.
  public func next() throws(Diagnostic) -> String? {
    var bytes: [UInt8] = []
    while true {
      if chunk.isEmpty {
        guard !isAtEnd, let next = try chunks.next() else {
          isAtEnd = true
          return bytes.isEmpty ? nil : finish(bytes)
        }
        chunk = next
      }
      let end = chunk.firstIndex(of: UInt8(ascii: "\n"))
      bytes += chunk[..<(end ?? chunk.endIndex)]
      guard bytes.count <= Self.maxLineBytes else {
        throw file.diagnostic(
          .error, "expected lines of at most 1 MB, found a longer one", line: number + 1,
          column: 1)
      }
      guard let end else {
        chunk = []
        continue
      }
      chunk = chunk[(end + 1)...]
      return finish(bytes)
    }
  }

  private func finish(_ bytes: [UInt8]) -> String {
    number += 1
    let hasMark = number == 1 && bytes.starts(with: SourceFile.byteOrderMark)
    var body = bytes.dropFirst(hasMark ? 3 : 0)
    if body.last == UInt8(ascii: "\r") { body = body.dropLast() }
    last = String(decoding: body, as: UTF8.self)
    return last
  }
}

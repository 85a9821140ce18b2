import Foundation

/// One artifact to read: a file streamed from disk in chunks, so that a report of hundreds of
/// megabytes is never held whole, or bytes already in memory (tests and the fuzzer).
///
/// A streaming reader takes positions from the parser that walks the chunks. The scanning
/// helpers here (a line's text, a byte's line and column, where the text ends) read the file
/// again from its start, and are meant for error paths and one-off checks.
public struct ArtifactFile: Sendable {
  /// The path as the user should see it in `path:line:col`.
  public let path: String
  private let storage: Storage
  /// The size of the chunks read when no size is asked for.
  private let chunkSize: Int

  private enum Storage: Sendable {
    case disk(String)
    case memory([UInt8])
  }

  /// The longest line, in bytes, that a diagnostic quotes; a longer one (a minified JSON log
  /// is one line) is left unquoted rather than read whole.
  static let maxQuotedLineBytes = 64 << 10

  /// A file on disk at `diskPath`, shown as `path`.
  public init(path: String, readingFrom diskPath: String, chunkSize: Int = 1 << 16) {
    self.path = path
    storage = .disk(diskPath)
    self.chunkSize = max(chunkSize, 1)
  }

  /// Bytes already in memory, handed out `chunkSize` at a time (tests use small chunks to
  /// put tokens across chunk boundaries).
  public init(_ file: SourceFile, chunkSize: Int = 1 << 16) {
    path = file.path
    storage = .memory(file.bytes)
    self.chunkSize = max(chunkSize, 1)
  }

  /// The bytes in order, at most `size` at a time.
  ///
  /// - Throws: A diagnostic when the file cannot be opened.
  public func chunks(of size: Int? = nil) throws(Diagnostic) -> ByteChunks {
    let size = size ?? chunkSize
    switch storage {
    case .memory(let bytes): return ByteChunks(bytes: bytes, size: size, path: path)
    case .disk(let diskPath): return try ByteChunks(diskPath: diskPath, size: size, path: path)
    }
  }

  /// A stream for `XMLParser`, which pulls its own chunks.
  func inputStream() -> InputStream? {
    switch storage {
    case .memory(let bytes): return InputStream(data: Data(bytes))
    case .disk(let diskPath): return InputStream(fileAtPath: diskPath)
    }
  }

  /// Up to the first `count` bytes.
  public func head(_ count: Int = 4096) throws(Diagnostic) -> [UInt8] {
    let chunks = try chunks(of: count)
    var head: [UInt8] = []
    while head.count < count, let chunk = try chunks.next() {
      head += chunk.prefix(count - head.count)
    }
    return head
  }

  /// The whole file in memory, for a reader that does not stream.
  public func whole() throws(Diagnostic) -> SourceFile {
    switch storage {
    case .memory(let bytes): return SourceFile(path: path, bytes: bytes)
    case .disk:
      let chunks = try chunks(of: 1 << 20)
      var bytes: [UInt8] = []
      while let chunk = try chunks.next() { bytes += chunk }
      return SourceFile(path: path, bytes: bytes)
    }
  }
}

// MARK: - Scanning

extension ArtifactFile {
  /// True when the file starts with a UTF-8 byte-order mark.
  var startsWithMark: Bool { (try? head(3)) == SourceFile.byteOrderMark }

  /// A diagnostic at a line and column, quoting the line when it is short enough to read.
  /// A line past the last (libxml2 reports one at the end of input) becomes the end of the
  /// last line, as `Diagnostic(_:_:in:line:column:)` does for a file in memory.
  public func diagnostic(
    _ severity: Diagnostic.Severity, _ message: String, line: Int, column: Int
  ) -> Diagnostic {
    var (line, column) = (max(line, 1), max(column, 1))
    var quoted = text(ofLine: line)
    if quoted == nil, line > 1, case let count = lineCount(), line > count {
      line = count
      quoted = text(ofLine: count)
      column = (quoted?.count ?? 0) + 1
    }
    let location = SourceLocation(file: path, line: line, column: column)
    return Diagnostic(severity, message, at: location, sourceLine: quoted)
  }

  /// Up to `count` bytes from byte `offset` on; fewer at the end of the file.
  public func bytes(at offset: Int, count: Int) -> [UInt8] {
    guard let chunks = try? chunks() else { return [] }
    var seen = 0
    var found: [UInt8] = []
    while found.count < count, let chunk = try? chunks.next() {
      let start = max(offset - seen, 0)
      if start < chunk.count {
        found += chunk.dropFirst(start).prefix(count - found.count)
      }
      seen += chunk.count
    }
    return found
  }

  /// The number of lines, counting a last line without a line break; at least 1.
  public func lineCount() -> Int {
    guard let chunks = try? chunks() else { return 1 }
    var count = 0
    var last = UInt8(ascii: "\n")
    while let chunk = try? chunks.next() {
      count += chunk.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
      last = chunk.last ?? last
    }
    return max(count + (last == UInt8(ascii: "\n") ? 0 : 1), 1)
  }

  /// The text of 1-based line `number` without its line break and a first-line byte-order
  /// mark; nil past the end, when unreadable, or when longer than `maxQuotedLineBytes`.
  public func text(ofLine number: Int) -> String? {
    texts(ofLines: [number])[number]
  }

  /// The texts of the lines numbered in `numbers`, found in one pass; a line past the end,
  /// unreadable, or longer than `maxQuotedLineBytes` is left out.
  public func texts(ofLines numbers: Set<Int>) -> [Int: String] {
    guard let last = numbers.max(), let chunks = try? chunks() else { return [:] }
    var texts: [Int: String] = [:]
    var line = 1
    var bytes: [UInt8] = []
    var isTooLong = false
    func endLine() {
      if numbers.contains(line), !isTooLong {
        let hasMark = line == 1 && bytes.starts(with: SourceFile.byteOrderMark)
        texts[line] = Self.lineText(bytes.dropFirst(hasMark ? 3 : 0))
      }
      bytes.removeAll(keepingCapacity: true)
      isTooLong = false
      line += 1
    }
    while line <= last, let chunk = try? chunks.next() {
      var start = chunk.startIndex
      while start < chunk.endIndex, line <= last {
        let end = chunk[start...].firstIndex(of: UInt8(ascii: "\n")) ?? chunk.endIndex
        if numbers.contains(line), !isTooLong {
          bytes += chunk[start..<end]
          isTooLong = bytes.count > Self.maxQuotedLineBytes
        }
        guard end < chunk.endIndex else { break }
        endLine()
        start = end + 1
      }
    }
    // A last line without a line break; nothing after a final break is no line.
    if line <= last, !bytes.isEmpty { endLine() }
    return texts
  }

  private static func lineText(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes, as: UTF8.self)
  }

  /// The 1-based line and column of a byte offset, counting columns in characters as
  /// `SourceFile.position(ofByte:)` does; the end of the file for an offset past it.
  public func position(ofByte offset: Int) -> (line: Int, column: Int) {
    var counter = PositionCounter(startsWithMark: startsWithMark)
    guard let chunks = try? chunks() else { return (1, 1) }
    var seen = 0
    while seen < offset, let chunk = try? chunks.next() {
      let part = chunk.prefix(offset - seen)
      counter.advance(over: part, from: seen)
      seen += part.count
    }
    return (counter.line, counter.column)
  }

  /// The line and column just after the last byte that is not a space, tab or line break,
  /// and whether the file has any such byte (a byte-order mark does not count).
  public func endOfText() -> (line: Int, column: Int, hasText: Bool) {
    var counter = PositionCounter(startsWithMark: startsWithMark)
    var end: (line: Int, column: Int)?
    guard let chunks = try? chunks() else { return (1, 1, false) }
    var seen = 0
    while let chunk = try? chunks.next() {
      for (index, byte) in zip(seen..., chunk) {
        counter.advance(over: byte, at: index)
        if ![0x20, 0x09, 0x0A, 0x0D].contains(byte), !counter.isInByteOrderMark {
          end = (counter.line, counter.column)
        }
      }
      seen += chunk.count
    }
    guard let end else { return (1, 1, false) }
    return (end.line, end.column, true)
  }
}

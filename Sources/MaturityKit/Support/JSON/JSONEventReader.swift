/// A pull parser for one strict JSON document (RFC 8259), read a chunk at a time from an
/// `ArtifactFile`, so that a log of hundreds of megabytes is walked in bounded memory.
///
/// `next()` gives one event at a time with the line and column it starts at; `skipValue`
/// steps over a value without building its strings and `readNode` builds a small value in
/// memory. What the reader itself holds is one chunk, the text of the current string or
/// number, and one flag per open array or object.
///
/// Strict means: no comments, no trailing commas, numbers as the grammar writes them,
/// control characters escaped in strings, valid UTF-8 (a leading byte-order mark is
/// skipped), nesting no deeper than `maxDepth`, and nothing but white space after the root
/// value; a key written twice in an object whose keys are read (not skipped) is an error
/// at the second, and a string or number whose text is kept may be at most 1 MB. An escaped
/// UTF-16 surrogate without its other half (`"\uD800"`) is read as
/// U+FFFD: RFC 8259 allows it in the grammar, and a stray one in a message must not make a
/// whole log unreadable. Every error is a diagnostic at the byte where the reader stopped,
/// saying what it expected there and what it found.
final class JSONEventReader {
  /// The deepest nesting of arrays and objects read by default.
  static let defaultMaxDepth = 512
  /// The most keys an object whose keys are read may have; each is remembered to refuse a
  /// repeat, and a real one has a few dozen.
  static let maxKeysPerObject = 10_000

  let file: ArtifactFile
  let maxDepth: Int
  /// 1-based line and column (in characters) of the next byte to read.
  var line = 1
  var column = 1
  /// False while `skipValue` runs: strings are checked but their text is not kept.
  var keepsText = true
  /// The bytes of the string or number being read.
  var text: [UInt8] = []

  private let chunks: ByteChunks
  private(set) var chunk: ArraySlice<UInt8> = []
  /// The next byte to read is `chunk[index]`, at byte `base + index` of the file.
  var index = 0
  private var base = 0
  private var state = State.rootValue
  /// One entry per open container: true for an object, false for an array.
  private var containers: [Bool] = []
  /// One entry per open container: the keys read with their text kept (not skipped) and
  /// where each was, so that a key written twice in an object a reader looks into is an
  /// error rather than a silent choice of one value.
  private var keysSeen: [[String: (line: Int, column: Int)]] = []

  private enum State {
    case rootValue, firstMember, nextMember, memberValue, firstElement, nextElement, end
  }

  /// A reader at the start of `file`, past a byte-order mark.
  ///
  /// - Parameters:
  ///   - chunkSize: How many bytes to read from the file at a time; by default the file's
  ///     own chunk size.
  ///   - maxDepth: The deepest nesting of arrays and objects to accept.
  /// - Throws: A diagnostic when the file cannot be read or is in UTF-16, UTF-32 or EBCDIC.
  init(_ file: ArtifactFile, chunkSize: Int? = nil, maxDepth: Int = defaultMaxDepth)
    throws(Diagnostic)
  {
    self.file = file
    self.maxDepth = maxDepth
    let head = try file.head(4)
    if let wide = WideEncoding(sniffing: head) { throw wide.error(in: file, expected: "JSON") }
    let hasMark = head.starts(with: SourceFile.byteOrderMark)
    chunks = try file.chunks(of: chunkSize)
    for _ in 0..<(hasMark ? 3 : 0) {
      _ = try peek()
      index += 1
    }
  }

  /// Byte offset of the next byte to read.
  var offset: Int { base + index }

  /// How many arrays and objects are open.
  var depth: Int { containers.count }

  /// The next event, or nil once the root value and the white space after it are read.
  ///
  /// - Throws: A diagnostic at the first byte that breaks the JSON grammar.
  func next() throws(Diagnostic) -> JSONEvent? {
    try skipWhiteSpace()
    switch state {
    case .rootValue: return try value(expected: "a JSON value")
    case .memberValue: return try value(expected: "a value after ':'")
    case .firstMember:
      if try peek() == UInt8(ascii: "}") { return close() }
      return try key(expected: "a key string or '}' after '{'")
    case .nextMember:
      switch try peek() {
      case UInt8(ascii: ","):
        advance()
        try skipWhiteSpace()
        return try key(expected: "a key string after ','")
      case UInt8(ascii: "}"): return close()
      default: throw unexpected("',' or '}' after an object member")
      }
    case .firstElement:
      if try peek() == UInt8(ascii: "]") { return close() }
      return try value(expected: "a value or ']' after '['")
    case .nextElement:
      switch try peek() {
      case UInt8(ascii: ","):
        advance()
        try skipWhiteSpace()
        return try value(expected: "a value after ','")
      case UInt8(ascii: "]"): return close()
      default: throw unexpected("',' or ']' after an array element")
      }
    case .end:
      guard try peek() == nil else { throw unexpected("the end of the file after the JSON value") }
      return nil
    }
  }

  /// The first byte of the document past white space and a byte-order mark, without
  /// reading it; nil for a file with nothing else. Only meaningful before `next()`.
  func firstByte() throws(Diagnostic) -> UInt8? {
    try skipWhiteSpace()
    return try peek()
  }

  /// An error at the next byte: "expected `expected`, found …".
  func unexpected(_ expected: String) -> Diagnostic {
    let found = (try? peek()).flatMap { $0 }
    return error("expected \(expected), found \(describe(found))")
  }

  /// An error diagnostic at the next byte.
  func error(_ message: String) -> Diagnostic {
    file.diagnostic(.error, message, line: line, column: column)
  }
}

// MARK: - Structure

extension JSONEventReader {
  private func value(expected: String) throws(Diagnostic) -> JSONEvent {
    let (startLine, startColumn, startOffset) = (line, column, offset)
    let kind: JSONEvent.Kind
    // The end of the file reads as 0, which no case takes.
    switch try peek() ?? 0 {
    case UInt8(ascii: "{"): kind = try open(isObject: true)
    case UInt8(ascii: "["): kind = try open(isObject: false)
    case UInt8(ascii: "\""): kind = .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = .number(try number())
    case UInt8(ascii: "t"): kind = try literal("true", .bool(true))
    case UInt8(ascii: "f"): kind = try literal("false", .bool(false))
    case UInt8(ascii: "n"): kind = try literal("null", .null)
    default: throw unexpected(expected)
    }
    if kind != .objectStart, kind != .arrayStart { endValue() }
    return JSONEvent(kind: kind, line: startLine, column: startColumn, offset: startOffset)
  }

  private func key(expected: String) throws(Diagnostic) -> JSONEvent {
    let (startLine, startColumn, startOffset) = (line, column, offset)
    guard try peek() == UInt8(ascii: "\"") else { throw unexpected(expected) }
    let name = try string()
    if keepsText, !keysSeen.isEmpty {
      guard keysSeen[keysSeen.count - 1].count < Self.maxKeysPerObject else {
        throw file.diagnostic(
          .error,
          "expected at most \(Self.maxKeysPerObject) keys in an object that is read, found "
            + "more; is the file hostile?", line: startLine, column: startColumn)
      }
      if let first = keysSeen[keysSeen.count - 1][name] {
        throw file.diagnostic(
          .error,
          "expected each key once in an object, found \"\(name)\" again (first at "
            + "\(first.line):\(first.column))", line: startLine, column: startColumn)
      }
      keysSeen[keysSeen.count - 1][name] = (startLine, startColumn)
    }
    try skipWhiteSpace()
    guard try peek() == UInt8(ascii: ":") else {
      throw unexpected(keepsText ? "':' after the key \"\(name)\"" : "':' after a key")
    }
    advance()
    state = .memberValue
    return JSONEvent(kind: .key(name), line: startLine, column: startColumn, offset: startOffset)
  }

  private func open(isObject: Bool) throws(Diagnostic) -> JSONEvent.Kind {
    guard containers.count < maxDepth else {
      throw error(
        "expected at most \(maxDepth) nested arrays and objects, found one more; "
          + "is the file hostile?")
    }
    advance()
    containers.append(isObject)
    keysSeen.append([:])
    state = isObject ? .firstMember : .firstElement
    return isObject ? .objectStart : .arrayStart
  }

  private func close() -> JSONEvent {
    keysSeen.removeLast()
    let event = JSONEvent(
      kind: containers.removeLast() ? .objectEnd : .arrayEnd, line: line, column: column,
      offset: offset)
    advance()
    endValue()
    return event
  }

  /// After a whole value: what the container around it, if any, expects next.
  private func endValue() {
    switch containers.last {
    case nil: state = .end
    case true?: state = .nextMember
    case false?: state = .nextElement
    }
  }

  private func literal(_ word: String, _ kind: JSONEvent.Kind) throws(Diagnostic)
    -> JSONEvent.Kind
  {
    for byte in word.utf8 {
      guard try peek() == byte else { throw unexpected("'\(word)'") }
      advance()
    }
    return kind
  }
}

// MARK: - Bytes

extension JSONEventReader {
  /// The next byte without reading it, or nil at the end of the file.
  @inline(__always)
  func peek() throws(Diagnostic) -> UInt8? {
    if index < chunk.endIndex { return chunk[index] }
    return try refill() ? chunk[index] : nil
  }

  /// Reads one byte of a single column, known to be there after `peek()`.
  @inline(__always)
  func advance() {
    index += 1
    column += 1
  }

  /// Moves to the next chunk when the current one is used up; false at the end of the file.
  func refill() throws(Diagnostic) -> Bool {
    guard index >= chunk.endIndex else { return true }
    let end = base + chunk.endIndex
    // Let go of the old chunk first, so that the file's buffer is reused, not copied.
    chunk = []
    guard let next = try chunks.next() else {
      (base, index) = (end, 0)
      return false
    }
    chunk = next
    (base, index) = (end - next.startIndex, next.startIndex)
    return true
  }

  /// Reads spaces, tabs, carriage returns and line feeds.
  func skipWhiteSpace() throws(Diagnostic) {
    repeat {
      while index < chunk.endIndex {
        switch chunk[index] {
        case 0x20, 0x09, 0x0D: column += 1
        case 0x0A: (line, column) = (line + 1, 1)
        default: return
        }
        index += 1
      }
    } while try refill()
  }

  /// A byte as a message shows what was found: `'x'`, a named control character, or the
  /// character a UTF-8 sequence starting here spells.
  func describe(_ byte: UInt8?) -> String {
    guard let byte else { return "the end of the file; is it truncated?" }
    switch byte {
    case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
    case 0x80...:
      // A character may run on into the next chunk: then read it from the file again.
      let rest = chunk[index...]
      let following = rest.count >= 4 ? Array(rest.prefix(4)) : file.bytes(at: offset, count: 4)
      var bytes = following.makeIterator()
      var decoder = UTF8()
      if case .scalarValue(let scalar) = decoder.decode(&bytes) { return "'\(scalar)'" }
      return "the byte \(Self.hex(byte)), which is not UTF-8"
    default: return "the control character U+00\(Self.hex(byte).dropFirst(2))"
    }
  }

  static func hex(_ byte: UInt8) -> String {
    "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
  }
}

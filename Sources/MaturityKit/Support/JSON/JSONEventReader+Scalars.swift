// MARK: - Strings

extension JSONEventReader {
  /// Reads a string from its opening quote; its text, or "" while `keepsText` is false.
  func string() throws(Diagnostic) -> String {
    let (startLine, startColumn) = (line, column)
    advance()
    text.removeAll(keepingCapacity: true)
    // A high surrogate escape waiting for the low one that should follow it.
    var high: UInt32?
    while true {
      guard try refill() else {
        throw unexpected("'\"' to end the string from \(startLine):\(startColumn)")
      }
      try checkLength(from: startLine, startColumn, what: "string")
      if copyPlainRun(after: &high) { continue }
      switch chunk[index] {
      case UInt8(ascii: "\""):
        flush(&high)
        advance()
        return keepsText ? String(decoding: text, as: UTF8.self) : ""
      case UInt8(ascii: "\\"): try escape(&high)
      case 0x80...:
        flush(&high)
        try multiByteCharacter()
      default:
        throw unexpected("printable text or an escape such as \\t in a string")
      }
    }
  }

  /// The longest string (key or value) or number whose text is kept: a reader keeps only
  /// names, levels and scores, and a longer one only costs memory.
  static let maxTextBytes = 1 << 20

  /// Fails once the text kept for the string or number starting at `line`:`column` is over
  /// `maxTextBytes`.
  func checkLength(from line: Int, _ column: Int, what: String) throws(Diagnostic) {
    guard text.count > Self.maxTextBytes else { return }
    throw file.diagnostic(
      .error,
      "expected a \(what) of at most 1 MB where one is read, found a longer one; is the file "
        + "hostile?", line: line, column: column)
  }

  /// Copies the bytes up to the next quote, backslash, control or non-ASCII byte in this
  /// chunk, after U+FFFD for a lone `high` surrogate; false when there are none.
  private func copyPlainRun(after high: inout UInt32?) -> Bool {
    let start = index
    let end = chunk.withUnsafeBufferPointer { buffer in
      var offset = start - chunk.startIndex
      while offset < buffer.count {
        let byte = buffer[offset]
        if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { break }
        offset += 1
      }
      return offset + chunk.startIndex
    }
    guard end > start else { return false }
    flush(&high)
    if keepsText { text.append(contentsOf: chunk[start..<end]) }
    column += end - start
    index = end
    return true
  }

  /// Reads one escape from its backslash.
  private func escape(_ high: inout UInt32?) throws(Diagnostic) {
    advance()
    let escaped: UInt8
    switch try peek() {
    case UInt8(ascii: "\""): escaped = 0x22
    case UInt8(ascii: "\\"): escaped = 0x5C
    case UInt8(ascii: "/"): escaped = 0x2F
    case UInt8(ascii: "b"): escaped = 0x08
    case UInt8(ascii: "f"): escaped = 0x0C
    case UInt8(ascii: "n"): escaped = 0x0A
    case UInt8(ascii: "r"): escaped = 0x0D
    case UInt8(ascii: "t"): escaped = 0x09
    case UInt8(ascii: "u"):
      advance()
      return try unicodeEscape(try hexDigits(), &high)
    default: throw unexpected("one of \" \\ / b f n r t u after '\\' in a string")
    }
    advance()
    flush(&high)
    if keepsText { text.append(escaped) }
  }

  /// Pairs surrogate escapes; a lone half becomes U+FFFD.
  private func unicodeEscape(_ code: UInt32, _ high: inout UInt32?) throws(Diagnostic) {
    switch code {
    case 0xD800...0xDBFF:
      flush(&high)
      high = code
    case 0xDC00...0xDFFF:
      guard let first = high else { return append(0xFFFD) }
      high = nil
      append(0x10000 + (first - 0xD800) << 10 + (code - 0xDC00))
    default:
      flush(&high)
      append(code)
    }
  }

  private func hexDigits() throws(Diagnostic) -> UInt32 {
    var code: UInt32 = 0
    for _ in 0..<4 {
      let digit: UInt8
      switch try peek() {
      case let byte? where isDigit(byte): digit = byte - 0x30
      case let byte? where (0x61...0x66).contains(byte | 0x20): digit = (byte | 0x20) - 0x57
      default: throw unexpected("four hexadecimal digits after '\\u'")
      }
      code = code << 4 | UInt32(digit)
      advance()
    }
    return code
  }

  /// Writes U+FFFD for a high surrogate that no low one followed.
  private func flush(_ high: inout UInt32?) {
    guard high != nil else { return }
    high = nil
    append(0xFFFD)
  }

  private func append(_ code: UInt32) {
    guard keepsText, let scalar = Unicode.Scalar(code) else { return }
    UTF8.encode(scalar) { text.append($0) }
  }

  /// Reads one character of two to four bytes, checked as the Unicode standard's table of
  /// well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
  private func multiByteCharacter() throws(Diagnostic) {
    let lead = chunk[index]
    let (count, second): (Int, ClosedRange<UInt8>)
    switch lead {
    case 0xC2...0xDF: (count, second) = (1, 0x80...0xBF)
    case 0xE0: (count, second) = (2, 0xA0...0xBF)
    case 0xE1...0xEC, 0xEE, 0xEF: (count, second) = (2, 0x80...0xBF)
    case 0xED: (count, second) = (2, 0x80...0x9F)
    case 0xF0: (count, second) = (3, 0x90...0xBF)
    case 0xF1...0xF3: (count, second) = (3, 0x80...0xBF)
    case 0xF4: (count, second) = (3, 0x80...0x8F)
    default: throw notUTF8(lead)
    }
    if keepsText { text.append(lead) }
    advance()
    for position in 0..<count {
      guard let byte = try peek() else { throw unexpected("the rest of a UTF-8 character") }
      let allowed = position == 0 ? second : 0x80...0xBF
      guard allowed.contains(byte) else {
        throw error(
          "expected a UTF-8 continuation byte from \(Self.hex(allowed.lowerBound)) to "
            + "\(Self.hex(allowed.upperBound)), found the byte \(Self.hex(byte))")
      }
      if keepsText { text.append(byte) }
      index += 1
    }
  }

  private func notUTF8(_ byte: UInt8) -> Diagnostic {
    error("expected UTF-8 text in a string, found the byte \(Self.hex(byte)), which is not UTF-8")
  }
}

// MARK: - Numbers

extension JSONEventReader {
  /// Reads a number as the grammar writes it: `-? (0 | [1-9][0-9]*) (.[0-9]+)?
  /// ([eE][+-]?[0-9]+)?`, and gives its text.
  func number() throws(Diagnostic) -> String {
    let (startLine, startColumn) = (line, column)
    text.removeAll(keepingCapacity: true)
    if try peek() == UInt8(ascii: "-") { take() }
    guard let first = try peek(), isDigit(first) else { throw unexpected("a digit after '-'") }
    take()
    if first == UInt8(ascii: "0") {
      if let next = try peek(), isDigit(next) {
        throw unexpected("'.', 'e' or the end of the number after a leading 0")
      }
    } else {
      try digits()
    }
    if try peek() == UInt8(ascii: ".") {
      take()
      try digits(required: "a digit after the decimal point")
    }
    if let byte = try peek(), byte | 0x20 == UInt8(ascii: "e") {
      take()
      if let sign = try peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { take() }
      try digits(required: "a digit in the exponent")
    }
    try checkLength(from: startLine, startColumn, what: "number")
    return keepsText ? String(decoding: text, as: UTF8.self) : ""
  }

  /// Reads digits; when `required` names them, at least one must be there.
  private func digits(required: String? = nil) throws(Diagnostic) {
    if let required {
      guard let byte = try peek(), isDigit(byte) else { throw unexpected(required) }
    }
    while let byte = try peek(), isDigit(byte) { take() }
  }

  /// Reads the byte `peek()` just gave into the number's text, kept only while `keepsText`
  /// and up to one byte past `maxTextBytes` (enough to tell that it is too long).
  private func take() {
    if keepsText, text.count <= Self.maxTextBytes { text.append(chunk[index]) }
    advance()
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}

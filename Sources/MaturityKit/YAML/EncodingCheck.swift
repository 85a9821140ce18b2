/// Checks the bytes of a file before libyaml sees them, so that encoding problems get a
/// precise position and a plain explanation.
enum EncodingCheck {
  static func firstProblem(in file: SourceFile, maxBytes: Int) -> Diagnostic? {
    let bytes = file.bytes
    if bytes.count > maxBytes {
      return Diagnostic(
        .error, "file is \(bytes.count) bytes, over the limit of \(maxBytes) bytes",
        at: file.location(line: 1, column: 1))
    }
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
      return Diagnostic(
        .error, "file is encoded as UTF-16; expected UTF-8 (convert it with iconv)",
        at: file.location(line: 1, column: 1))
    }
    var index = 0
    while index < bytes.count {
      index = skipPlainASCII(bytes, from: index)
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0 {
          if looksLikeUTF16(bytes) {
            return Diagnostic(
              .error,
              "file looks like UTF-16 without a byte-order mark; expected UTF-8"
                + " (convert it with iconv)", at: file.location(line: 1, column: 1))
          }
          return problem("NUL byte (0x00)", at: index, in: file)
        }
        index += 1
        continue
      }
      let length = sequenceLength(bytes, at: index)
      if length == 0 {
        let hex = String(byte, radix: 16, uppercase: true)
        return problem("invalid UTF-8 byte 0x\(hex); expected UTF-8 text", at: index, in: file)
      }
      index += length
    }
    return nil
  }

  /// NUL bytes at every other position of the first bytes: ASCII text as UTF-16.
  private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
    let head = bytes.prefix(64)
    guard head.count >= 4 else { return false }
    let even = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
    let odd = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
    let half = head.count / 2
    return (even >= half * 3 / 4 && odd == 0) || (odd >= half * 3 / 4 && even == 0)
  }

  private static func problem(_ message: String, at offset: Int, in file: SourceFile)
    -> Diagnostic
  {
    let position = file.position(ofByte: offset)
    return Diagnostic(.error, message, in: file, line: position.line, column: position.column)
  }

  /// The index of the first byte at or after `start` that is not ASCII or is NUL, looking
  /// at eight bytes at a time.
  private static func skipPlainASCII(_ bytes: [UInt8], from start: Int) -> Int {
    bytes.withUnsafeBytes { raw in
      var index = start
      let highBits: UInt64 = 0x8080_8080_8080_8080
      let ones: UInt64 = 0x0101_0101_0101_0101
      while index + 8 <= raw.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // A non-ASCII byte sets a high bit; a zero byte sets one in (word - ones) & ~word.
        let hasZero = (word &- ones) & ~word & highBits
        if word & highBits != 0 || hasZero != 0 { break }
        index += 8
      }
      return index
    }
  }

  /// The length of the well-formed UTF-8 sequence starting at `index`, or 0.
  private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    let second = bytes[index + 1]
    guard second >= low, second <= high else { return 0 }
    for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
      return 0
    }
    return length
  }
}

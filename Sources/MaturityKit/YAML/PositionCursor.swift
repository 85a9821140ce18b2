/// Turns libyaml's character index into the line and column an editor shows.
///
/// libyaml counts NEL (U+0085), LS (U+2028), PS (U+2029) and a lone CR as line breaks,
/// while editors, and our diagnostics, break lines only at LF. In a file with any of
/// those characters the marks' own line numbers drift; the character index does not.
/// Marks arrive in increasing order, so the cursor only moves forward (it restarts on a
/// rare step back).
struct PositionCursor {
  private let bytes: [UInt8]
  private let start: Int
  private var offset: Int
  private var index = 0
  private var line = 1
  private var column = 1

  /// - Parameter skipping: bytes at the start that libyaml never saw (a byte-order mark).
  init(bytes: [UInt8], skipping: Int) {
    self.bytes = bytes
    start = skipping
    offset = skipping
  }

  /// True when libyaml's line numbers may differ from an editor's in these bytes.
  static func isNeeded(for bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      for position in buffer.indices {
        switch buffer[position] {
        case 0x0D:
          if position + 1 >= buffer.count || buffer[position + 1] != 0x0A { return true }
        case 0xC2:
          if position + 1 < buffer.count, buffer[position + 1] == 0x85 { return true }
        case 0xE2:
          if position + 2 < buffer.count, buffer[position + 1] == 0x80,
            buffer[position + 2] == 0xA8 || buffer[position + 2] == 0xA9
          {
            return true
          }
        default: continue
        }
      }
      return false
    }
  }

  /// The 1-based line and column of the character at `target` (counted by libyaml from 0).
  mutating func position(ofCharacter target: Int) -> (line: Int, column: Int) {
    if target < index { (offset, index, line, column) = (start, 0, 1, 1) }
    while index < target, offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else {
        column += 1
      }
      offset += Self.sequenceLength(byte)
      index += 1
    }
    return (line, column)
  }

  private static func sequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...: return 4
    case 0xE0...: return 3
    case 0xC0...: return 2
    default: return 1
    }
  }
}

/// Line and column as bytes go by: lines end at LF, columns count characters (UTF-8
/// continuation bytes do not count) and a byte-order mark at the very start is not shown.
public struct PositionCounter: Sendable {
  public private(set) var line = 1
  public private(set) var column = 1
  /// True while the last byte advanced over belongs to a leading byte-order mark.
  public private(set) var isInByteOrderMark = false
  /// Whether the file's first three bytes are a byte-order mark, known before counting:
  /// U+FEC0 to U+FEFE start with the mark's first two bytes and are characters.
  private let startsWithMark: Bool

  public init(startsWithMark: Bool) {
    self.startsWithMark = startsWithMark
  }

  /// Moves past `byte`, which sits at byte `index` of the file.
  @inline(__always)
  public mutating func advance(over byte: UInt8, at index: Int) {
    isInByteOrderMark = startsWithMark && index < 3
    if isInByteOrderMark { return }
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  /// Moves past `bytes`, the first of which sits at byte `index` of the file.
  public mutating func advance(over bytes: ArraySlice<UInt8>, from index: Int) {
    for (offset, byte) in zip(index..., bytes) { advance(over: byte, at: offset) }
  }
}

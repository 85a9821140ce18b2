import Foundation

/// The bytes of an artifact in order, a chunk at a time, from memory or from an open file.
public final class ByteChunks {
  private let path: String
  private let size: Int
  private var descriptor: Int32 = -1
  private var buffer: [UInt8]
  private var bytes: [UInt8] = []
  private var offset = 0

  init(bytes: [UInt8], size: Int, path: String) {
    self.path = path
    self.size = max(size, 1)
    self.bytes = bytes
    buffer = []
  }

  init(diskPath: String, size: Int, path: String) throws(Diagnostic) {
    self.path = path
    self.size = max(size, 1)
    buffer = [UInt8](repeating: 0, count: max(size, 1))
    descriptor = open(diskPath, O_RDONLY)
    guard descriptor >= 0 else {
      throw Diagnostic(.error, "cannot read '\(path)': \(String(cString: strerror(errno)))")
    }
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// The next chunk, never empty, or nil at the end.
  ///
  /// - Throws: A diagnostic when reading the file fails part way.
  public func next() throws(Diagnostic) -> ArraySlice<UInt8>? {
    guard descriptor >= 0 else {
      guard offset < bytes.count else { return nil }
      defer { offset = min(offset + size, bytes.count) }
      return bytes[offset..<min(offset + size, bytes.count)]
    }
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
      if count > 0 { return buffer[0..<count] }
      if count == 0 { return nil }
      guard errno == EINTR else {
        throw Diagnostic(.error, "cannot read '\(path)': \(String(cString: strerror(errno)))")
      }
    }
  }
}

/// Line and column as bytes go by: lines end at LF, columns count characters (UTF-8
/// continuation bytes do not count) and a byte-order mark at the very start is not shown.
public struct PositionCounter: Sendable {
  public private(set) var line = 1
  public private(set) var column = 1
  /// True while the last byte advanced over belongs to a leading byte-order mark.
  public private(set) var isInByteOrderMark = false
  private var markBytes = 0

  public init() {}

  /// Moves past `byte`, which sits at byte `index` of the file.
  @inline(__always)
  public mutating func advance(over byte: UInt8, at index: Int) {
    if index < 3, index == markBytes, byte == SourceFile.byteOrderMark[index] {
      markBytes += 1
      isInByteOrderMark = true
      return
    }
    isInByteOrderMark = false
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

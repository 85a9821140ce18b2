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
    descriptor = open(diskPath, O_RDONLY | O_CLOEXEC)
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

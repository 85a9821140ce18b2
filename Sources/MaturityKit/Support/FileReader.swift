import Foundation

/// Reads input files and lists folders, turning failures into diagnostics.
public enum FileReader {
  /// The bytes of `path`, shown in diagnostics as `displayPath`.
  public static func read(_ path: String, displayPath: String? = nil, maxBytes: Int)
    -> Result<SourceFile, Diagnostic>
  {
    let shown = displayPath ?? path
    if let problem = check(path, displayPath: shown, maxBytes: maxBytes) {
      return .failure(problem)
    }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return .success(SourceFile(path: shown, bytes: [UInt8](data)))
    } catch {
      return .failure(
        Diagnostic(.error, "cannot read '\(shown)': \(String(cString: strerror(errno)))"))
    }
  }

  /// Why `path` cannot be read as an input file: missing, a folder, a pipe or device, or over
  /// `maxBytes`; nil when it is a regular file within the limit.
  public static func check(_ path: String, displayPath: String? = nil, maxBytes: Int)
    -> Diagnostic?
  {
    let shown = displayPath ?? path
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = errno == ENOENT ? "it does not exist" : String(cString: strerror(errno))
      return Diagnostic(.error, "cannot read '\(shown)': \(reason)")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return Diagnostic(.error, "cannot read '\(shown)': it is a folder")
    default:
      return Diagnostic(
        .error, "cannot read '\(shown)': it is not a regular file (a pipe or device)")
    }
    guard Int(info.st_size) <= maxBytes else {
      return Diagnostic(
        .error, "file is \(info.st_size) bytes, over the limit of \(maxBytes) bytes",
        at: SourceLocation(file: shown, line: 1, column: 1))
    }
    return nil
  }

  public static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  public static func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
  }

  /// The YAML files directly inside `folder`, sorted by name.
  public static func yamlFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
      .filter { !$0.hasPrefix(".") }
      .sorted()
      .map { (folder as NSString).appendingPathComponent($0) }
  }
}

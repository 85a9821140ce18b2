import Foundation

/// Writes reports. A regular file is written atomically (a temporary file beside it, then a
/// rename) so an interrupted run never leaves a partial report; a pipe or device (such as
/// `/dev/stdout`) is written directly and never replaced.
package enum ReportFile {
  /// Writes `text` to `path`, refusing to write over one of `inputs` or anywhere inside one
  /// of `protectedFolders` (the evidence bundles, whose every file is an input).
  ///
  /// - Returns: A diagnostic when the report could not be written.
  package static func write(
    _ text: String, to path: String, inputs: [String], protectedFolders: [String] = []
  ) -> Diagnostic? {
    guard !path.isEmpty else { return Diagnostic(.error, "the --output path is empty") }
    var info = stat()
    if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
      if info.st_mode & S_IFMT == S_IFDIR {
        return Diagnostic(.error, "cannot write the report to '\(path)': it is a folder")
      }
      return writeDirectly(text, to: path)
    }
    let target = resolved(path)
    if Set(inputs.map(resolved)).contains(target) {
      return Diagnostic(
        .error, "refusing to write the report over '\(path)', which is one of the inputs")
    }
    for folder in protectedFolders.map(resolved) where target.hasPrefix(folder + "/") {
      return Diagnostic(
        .error,
        "refusing to write the report inside the evidence bundle '\(folder)'; every file"
          + " there is evidence. Write it elsewhere")
    }
    let url = URL(fileURLWithPath: target)
    let folder = url.deletingLastPathComponent()
    guard FileReader.isDirectory(folder.path) else {
      return Diagnostic(
        .error, "cannot write the report to '\(path)': the folder '\(folder.path)' does not exist")
    }
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
    } catch {
      return Diagnostic(
        .error, "cannot write the report to '\(path)': \(String(cString: strerror(errno)))")
    }
    // rename(2) replaces the target in one step on the same file system.
    guard rename(temporary.path, target) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      return Diagnostic(.error, "cannot write the report to '\(path)': \(reason)")
    }
    return nil
  }

  /// The absolute path with symbolic links resolved.
  private static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  private static func writeDirectly(_ text: String, to path: String) -> Diagnostic? {
    guard let handle = FileHandle(forWritingAtPath: path) else {
      return Diagnostic(
        .error, "cannot write the report to '\(path)': \(String(cString: strerror(errno)))")
    }
    defer { try? handle.close() }
    do {
      try handle.write(contentsOf: Data(text.utf8))
      return nil
    } catch {
      return Diagnostic(.error, "cannot write the report to '\(path)': \(error)")
    }
  }
}

import Foundation

/// Writes reports atomically: a temporary file beside the target, then a rename, so an
/// interrupted run never leaves a partial report.
package enum ReportFile {
  /// Writes `text` to `path`, refusing to overwrite one of `inputs`.
  ///
  /// - Returns: A diagnostic when the report could not be written.
  package static func write(_ text: String, to path: String, inputs: [String]) -> Diagnostic? {
    let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    let inputPaths = Set(
      inputs.map {
        URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
      })
    if inputPaths.contains(target.path) {
      return Diagnostic(
        .error, "refusing to write the report over '\(path)', which is one of the inputs")
    }
    if FileReader.isDirectory(target.path) {
      return Diagnostic(.error, "cannot write the report to '\(path)': it is a folder")
    }
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
      // rename(2) replaces the target in one step on the same file system.
      guard rename(temporary.path, target.path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        return Diagnostic(.error, "cannot write the report to '\(path)': \(reason)")
      }
      return nil
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      return Diagnostic(
        .error, "cannot write the report to '\(path)': \(error.localizedDescription)")
    }
  }
}

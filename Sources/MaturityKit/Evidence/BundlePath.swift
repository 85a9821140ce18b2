import Foundation

/// Keeps evidence references inside their bundle.
enum BundlePath {
  enum Problem: Equatable {
    case empty
    case absolute
    case backslash
    case escapes
    case missing
    case notAFile
    case linkLeadsOut
  }

  /// True for references that are recorded as links and never fetched.
  static func isURL(_ reference: String) -> Bool {
    let lower = reference.lowercased()
    for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
      return lower.count > scheme.count
    }
    return false
  }

  /// Checks that `reference` names an existing file or folder inside `bundle`, reached
  /// without leaving the bundle through `..` or a symbolic link.
  static func check(_ reference: String, in bundle: String) -> Problem? {
    let trimmed = reference.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed == "." || trimmed.hasSuffix("://") { return .empty }
    if reference.hasPrefix("/") || reference.hasPrefix("~") { return .absolute }
    if reference.contains("\\") { return .backslash }
    var depth = 0
    for component in reference.split(separator: "/") {
      if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
      if depth < 0 { return .escapes }
    }
    let root = URL(fileURLWithPath: bundle).standardizedFileURL.resolvingSymlinksInPath()
    let target = root.appendingPathComponent(reference)
    guard FileManager.default.fileExists(atPath: target.path) else { return .missing }
    let resolved = target.standardizedFileURL.resolvingSymlinksInPath().path
    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    guard resolved.hasPrefix(prefix) else { return .linkLeadsOut }
    return FileReader.isDirectory(resolved) ? .notAFile : nil
  }
}

import Foundation

/// Keeps evidence references inside their bundle.
enum BundlePath {
  enum Problem: Equatable {
    case absolute
    case escapes
    case missing
    case linkLeadsOut
  }

  /// True for references that are recorded as links and never fetched.
  static func isURL(_ reference: String) -> Bool {
    let lower = reference.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
  }

  /// Checks that `reference` names an existing file or folder inside `bundle`, reached
  /// without leaving the bundle through `..` or a symbolic link.
  static func check(_ reference: String, in bundle: String) -> Problem? {
    if reference.hasPrefix("/") || reference.hasPrefix("~") || reference.contains("\\") {
      return .absolute
    }
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
    return resolved == root.path || resolved.hasPrefix(prefix) ? nil : .linkLeadsOut
  }
}

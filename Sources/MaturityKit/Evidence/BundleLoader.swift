/// Loads an evidence bundle folder and checks it against the loaded standards.
public struct BundleLoader: Sendable {
  public var library: StandardsLibrary
  public var limits: YAMLLimits

  public init(library: StandardsLibrary, limits: YAMLLimits = YAMLLimits()) {
    self.library = library
    self.limits = limits
  }

  public struct Result: Sendable {
    /// Nil when the bundle has no usable scope.
    public var bundle: EvidenceBundle?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
  }

  public func load(_ path: String) -> Result {
    guard FileReader.isDirectory(path) else {
      let what = FileReader.exists(path) ? "is a file" : "does not exist"
      return Result(diagnostics: [
        Diagnostic(.error, "evidence bundle '\(path)' \(what); expected a folder")
      ])
    }
    let paths = FileReader.yamlFiles(in: path)
    var diagnostics: [Diagnostic] = []
    var parts: [EvidenceFile] = []
    for filePath in paths {
      let name = lastComponent(filePath)
      if BundlePath.check(name, in: path) == .linkLeadsOut {
        diagnostics.append(
          Diagnostic(
            .error,
            "evidence file '\(filePath)' is a symbolic link leading outside the bundle;"
              + " it was not read"))
        continue
      }
      switch FileReader.read(filePath, maxBytes: limits.maxFileBytes) {
      case .failure(let problem):
        diagnostics.append(problem)
      case .success(let file):
        let (part, problems) = decode(file, bundle: path)
        diagnostics += problems
        if let part { parts.append(part) }
      }
    }
    if paths.isEmpty {
      diagnostics.append(
        Diagnostic(.error, "evidence bundle '\(path)' holds no evidence files (*.yaml)"))
    }
    var merger = EvidenceMerger(bundlePath: path, library: library)
    let bundle = merger.merge(parts, fileNames: paths.map(lastComponent))
    return Result(bundle: bundle, diagnostics: diagnostics + merger.diagnostics)
  }

  private func decode(_ file: SourceFile, bundle: String) -> (EvidenceFile?, [Diagnostic]) {
    let root: YAMLNode?
    do {
      root = try YAMLLoader.load(file, limits: limits)
    } catch {
      return (nil, error.diagnostics)
    }
    let context = DecodeContext(file: file)
    guard let root else {
      context.report(
        .error, "file is empty; expected evidence (scope, claims, metrics…)",
        line: 1, column: 1)
      return (nil, context.diagnostics)
    }
    let decoder = EvidenceDecoder(context: context, library: library, bundlePath: bundle)
    return (decoder.decode(root), context.diagnostics)
  }

  private func lastComponent(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }
}

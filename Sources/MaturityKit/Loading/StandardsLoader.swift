import Foundation

/// Loads standards, crosswalks and band files: the bundled set, then folders or files given by the
/// user, whose standards replace bundled ones with the same id.
public struct StandardsLoader: Sendable {
  public var limits: YAMLLimits

  public init(limits: YAMLLimits = YAMLLimits()) {
    self.limits = limits
  }

  /// The result: a library (nil when nothing could be loaded) and every problem found.
  public struct Result: Sendable {
    public var library: StandardsLibrary
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
  }

  /// The standards files compiled into the tool from the package's `Standards/` folder.
  public static var bundledFiles: [SourceFile] {
    EmbeddedStandards.files.compactMap { entry in
      guard let data = Data(base64Encoded: entry.base64) else { return nil }
      return SourceFile(path: entry.path, bytes: [UInt8](data))
    }
  }

  public func load(paths: [String], includeBundled: Bool = true) -> Result {
    var sources: [[SourceFile]] = includeBundled ? [Self.bundledFiles] : []
    var diagnostics: [Diagnostic] = []
    for path in paths {
      let files = FileReader.isDirectory(path) ? FileReader.yamlFiles(in: path) : [path]
      if files.isEmpty {
        diagnostics.append(Diagnostic(.error, "no standards files (*.yaml) in '\(path)'"))
      }
      var loaded: [SourceFile] = []
      for file in files {
        switch FileReader.read(file, maxBytes: limits.maxFileBytes) {
        case .success(let source): loaded.append(source)
        case .failure(let problem): diagnostics.append(problem)
        }
      }
      sources.append(loaded)
    }
    return load(sources: sources, diagnostics: diagnostics, trustedGroups: includeBundled ? 1 : 0)
  }

  /// Loads groups of files; a standard in a later group replaces one of the same id from
  /// an earlier group, while a repeated id inside one group is an error.
  ///
  /// - Parameter trustedGroups: how many leading groups are the tool's own files, read with
  ///   the default limits whatever limits the user set.
  public func load(
    sources: [[SourceFile]], diagnostics initial: [Diagnostic] = [], trustedGroups: Int = 0
  ) -> Result {
    var diagnostics = initial
    var standards: [String: Standard] = [:]
    var crosswalks: [String: Crosswalk] = [:]
    var bandSets: [String: BandSet] = [:]
    var index = SourceIndex()
    /// Which group of sources each standard and crosswalk came from.
    var origin: [String: Int] = [:]
    for (groupIndex, group) in sources.enumerated() {
      var seenInGroup: [String: SourceLocation] = [:]
      for file in group {
        index.add(file)
        let (item, problems) = decode(
          file, limits: groupIndex < trustedGroups ? YAMLLimits() : limits)
        diagnostics += problems
        guard let item else { continue }
        let (id, location) = item.identity
        if let first = seenInGroup[id] {
          diagnostics.append(
            Diagnostic(
              .error, "duplicate standard or crosswalk id '\(id)' (also in \(first.file))",
              at: location))
          continue
        }
        seenInGroup[id] = location
        origin[id] = groupIndex
        switch item {
        case .standard(let standard): standards[id] = standard
        case .crosswalk(let crosswalk): crosswalks[id] = crosswalk
        case .bands(let bands): bandSets[id] = bands
        }
      }
    }
    // A crosswalk loaded before a standard it relates was replaced speaks of ids the new
    // standard may not have: leave it out, and say how to relate the two again.
    for id in crosswalks.keys.sorted() {
      guard let crosswalk = crosswalks[id] else { continue }
      let replaced = [crosswalk.fromStandard, crosswalk.toStandard].filter {
        (origin[$0] ?? 0) > (origin[id] ?? 0)
      }
      guard let standard = replaced.first else { continue }
      crosswalks[id] = nil
      diagnostics.append(
        Diagnostic(
          .warning,
          "crosswalk '\(id)' (\(crosswalk.location.file)) relates '\(standard)', which a later"
            + " standards file replaced; it is not used. Give a crosswalk with the id '\(id)'"
            + " beside the new standard to relate them again"))
    }
    var resolver = BandResolver(bandSets: bandSets, sources: index)
    let resolved = standards.keys.sorted().compactMap { standards[$0] }.map { resolver.resolve($0) }
    diagnostics += resolver.diagnostics
    let library = StandardsLibrary(
      standards: resolved, crosswalks: Array(crosswalks.values),
      bandSets: Array(bandSets.values))
    diagnostics += LibraryChecks(library: library, sources: index).run()
    return Result(library: library, diagnostics: diagnostics)
  }

  private enum Item {
    case standard(Standard)
    case crosswalk(Crosswalk)
    case bands(BandSet)

    var identity: (String, SourceLocation) {
      switch self {
      case .standard(let standard): return (standard.id, standard.location)
      case .crosswalk(let crosswalk): return (crosswalk.id, crosswalk.location)
      case .bands(let bands): return (bands.id, bands.location)
      }
    }
  }

  private func decode(_ file: SourceFile, limits: YAMLLimits) -> (Item?, [Diagnostic]) {
    let root: YAMLNode?
    do {
      root = try YAMLLoader.load(file, limits: limits)
    } catch {
      return (nil, error.diagnostics)
    }
    let context = DecodeContext(file: file)
    guard let root else {
      context.report(
        .error, "file is empty; expected a standard or a crosswalk", line: 1,
        column: 1)
      return (nil, context.diagnostics)
    }
    let topKeys = Set(root.mapping?.compactMap { $0.key.scalar?.text } ?? [])
    let item: Item?
    if topKeys.contains("crosswalk") {
      item = CrosswalkDecoder(context: context).decode(root).map(Item.crosswalk)
    } else if topKeys.contains("bands") {
      item = BandSetDecoder(context: context).decode(root).map(Item.bands)
    } else {
      item = StandardDecoder(context: context).decode(root).map(Item.standard)
    }
    return (context.hasErrors ? nil : item, context.diagnostics)
  }
}

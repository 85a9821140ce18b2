/// `maturity validate`: check standards, crosswalks and bundles, reporting every error.
package enum ValidateCommand {
  package static let spec = CommandSpec(
    name: "validate",
    overview: "Check standards, crosswalks and evidence bundles for errors.",
    arguments: [
      .init(
        name: "path",
        help: "A standards folder or file, or an evidence bundle folder (a folder with a"
          + " YAML file holding 'scope:'). With no path, checks the bundled standards.",
        isRepeatable: true, isOptional: true)
    ],
    options: [
      .init(
        name: "standards", short: nil, value: "path",
        help: "A folder or file of standards to load before checking bundles. Repeatable.",
        isRepeatable: true)
    ] + ParsedArguments.limitOptions,
    examples: [
      "maturity validate",
      "maturity validate Standards/ Examples/bank-payments",
      "maturity validate Examples/*",
    ],
    discussion: """
      Standards paths are loaded on top of the bundled standards (replacing those with the \
      same id) and checked together; bundles are then checked against them. Every problem is \
      listed as path:line:col. Exit code 0 when there is none, 2 otherwise.
      """)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    let limits: YAMLLimits
    do {
      limits = try arguments.limits(for: spec)
    } catch {
      return MaturityCommand.usage(error)
    }
    let existing = arguments.positionals.filter(FileReader.exists)
    let missing = arguments.positionals.filter { !FileReader.exists($0) }
    let isBundleByPath = Dictionary(existing.map { ($0, isBundle($0)) }) { first, _ in first }
    let bundles = existing.filter { isBundleByPath[$0] == true }
    let standardPaths = arguments.all("standards") + existing.filter { isBundleByPath[$0] != true }
    var lines: [String] = []
    let loaded = StandardsLoader(limits: limits).load(paths: standardPaths)
    var diagnostics =
      missing.map { Diagnostic(.error, "'\($0)' does not exist") } + loaded.diagnostics
    let library = loaded.library
    let requirementCount = library.standards.map(\.requirements.count).reduce(0, +)
    lines.append(
      "standards: \(library.standards.count) standards, \(library.crosswalks.count) crosswalks,"
        + " \(requirementCount) requirements" + status(loaded.diagnostics))
    for path in bundles {
      let result = BundleLoader(library: library, limits: limits).load(path)
      diagnostics += result.diagnostics
      var line = "\(path): "
      if let bundle = result.bundle {
        line +=
          "\(bundle.claims.count) claims, \(bundle.ratings.count) ratings,"
          + " \(bundle.metrics.count) metrics, \(bundle.waivers.count) waivers,"
          + " \(bundle.notApplicable.count) not applicable"
      } else {
        line += "not loaded"
      }
      lines.append(line + status(result.diagnostics))
    }
    let renderer = context.renderer
    var result = MaturityCommand.Result()
    result.stdout = lines.map(TerminalText.neutralised).joined(separator: "\n") + "\n"
    result.stderr = renderer.render(diagnostics)
    let errors = diagnostics.filter(\.isError).count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    if errors > 0 {
      result.stderr +=
        "error: \(errors) error\(errors == 1 ? "" : "s"),"
        + " \(warnings) warning\(warnings == 1 ? "" : "s")\n"
      result.exitCode = ExitCode.invalidInput
    } else {
      result.stdout += "no errors" + (warnings > 0 ? ", \(warnings) warnings" : "") + "\n"
    }
    return result
  }

  private static func status(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter(\.isError).count
    return errors == 0 ? " — ok" : " — \(errors) error\(errors == 1 ? "" : "s")"
  }

  /// A folder is an evidence bundle when one of its YAML files has an evidence section
  /// (`scope`, `claims`, …); otherwise, when one has the keys of a standard, crosswalk or
  /// band file, a standards folder; a folder with neither is taken as a bundle.
  static func isBundle(_ path: String) -> Bool {
    guard FileReader.isDirectory(path) else { return false }
    let evidenceKeys = Set(EvidenceDecoder.keys)
    var looksLikeStandards = false
    let standardsKeys: Set<String> = ["crosswalk", "bands", "kind", "levels", "domain"]
    for file in FileReader.yamlFiles(in: path) {
      guard case .success(let source) = FileReader.read(file, maxBytes: 64 << 20) else {
        continue
      }
      let keys: Set<String>
      if let root = try? YAMLLoader.load(source), let pairs = root.mapping {
        keys = Set(pairs.compactMap { $0.key.scalar?.text })
      } else {
        // Unparseable: judge by unindented keys, which survive most syntax errors.
        let lines = String(decoding: source.bytes, as: UTF8.self).split(separator: "\n")
        keys = Set(
          lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else {
              return nil
            }
            return String(line[..<colon])
          })
      }
      if !keys.isDisjoint(with: evidenceKeys) { return true }
      if !keys.isDisjoint(with: standardsKeys) { looksLikeStandards = true }
    }
    return !looksLikeStandards
  }
}

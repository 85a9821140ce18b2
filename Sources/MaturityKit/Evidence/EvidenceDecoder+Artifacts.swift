import Foundation

extension EvidenceDecoder {
  // MARK: - Artifacts

  /// The largest artifact file read.
  static let maxArtifactBytes = 256 << 20

  /// Reads the files an `artifacts:` entry names and turns their readings into metrics,
  /// each remembering its files and figures so a report can say what decided a status.
  func decodeArtifact(_ node: YAMLNode) -> [MetricValue] {
    guard
      let reader = MappingReader(
        node, "an artifact entry", keys: ["format", "files"],
        context: context),
      let format = reader.choice("format", as: ArtifactFormat.self, required: true),
      let patterns = reader.texts("files", required: true)
    else { return [] }
    let reported = context.diagnostics.count
    let files = patterns.flatMap { matches($0, at: reader.optional("files") ?? node) }
    // A reference already reported as outside or missing needs no second error.
    if files.isEmpty, context.diagnostics.count == reported {
      context.error(
        "no file in the bundle matches \(patterns.joined(separator: ", "))", at: node)
    }
    guard !files.isEmpty else { return [] }
    // A file that cannot be read is an error of its own (the bundle then never passes a
    // gate); the files that can still give the entry's metrics, from them alone.
    var readings: [ArtifactReading] = []
    var read: [String] = []
    for path in files {
      let diskPath = (bundlePath as NSString).appendingPathComponent(path)
      if let problem = FileReader.check(diskPath, maxBytes: Self.maxArtifactBytes) {
        context.append(problem)
        continue
      }
      do {
        let reading = try format.read(ArtifactFile(path: diskPath, readingFrom: diskPath))
        reading.warnings.forEach(context.append)
        readings.append(reading)
        read.append(path)
      } catch {
        context.append(error)
      }
    }
    guard !readings.isEmpty else { return [] }
    return metrics(format.combine(readings), files: read, at: node)
  }

  private func metrics(_ reading: ArtifactReading, files: [String], at node: YAMLNode)
    -> [MetricValue]
  {
    let figures = reading.figures.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
    let source = files.count == 1 ? files[0] : "\(files[0]) and \(files.count - 1) more"
    return reading.metrics.keys.sorted().compactMap { name in
      guard let value = reading.metrics[name], let unit = MetricCatalog.definition(name)?.unit
      else { return nil }
      let parts = reading.parts.map { part in
        MetricPart(kind: part.kind, name: part.name, value: part.metrics[name])
      }
      return MetricValue(
        name: name, value: value, writtenValue: value, writtenUnit: unit, period: nil,
        source: source, date: nil, location: context.location(of: node), figures: figures,
        parts: parts)
    }
  }

  /// The bundle files a reference names; a `*` or `?` in its last component is a pattern.
  private func matches(_ pattern: String, at node: YAMLNode) -> [String] {
    let folder = (pattern as NSString).deletingLastPathComponent
    let name = (pattern as NSString).lastPathComponent
    guard name.contains("*") || name.contains("?") else {
      if let problem = BundlePath.check(pattern, in: bundlePath) {
        context.error("artifact \(describe(problem, pattern))", at: node)
        return []
      }
      return [pattern]
    }
    if !folder.isEmpty, let problem = BundlePath.check(folder, in: bundlePath),
      problem != .notAFile
    {
      context.error("artifact \(describe(problem, folder))", at: node)
      return []
    }
    let directory = (bundlePath as NSString).appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { fnmatch(name, $0, 0) == 0 }.sorted()
      .map { folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }
      .filter { BundlePath.check($0, in: bundlePath) == nil }
  }
}

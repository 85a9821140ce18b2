/// Decodes a band file: performance bands per report year and metric.
struct BandSetDecoder {
  private let context: DecodeContext

  init(context: DecodeContext) {
    self.context = context
  }

  func decode(_ root: YAMLNode) -> BandSet? {
    guard
      let top = MappingReader(root, "a band file", keys: ["bands", "reports"], context: context),
      let header = top.required("bands").flatMap({
        MappingReader($0, "the band set", keys: ["id", "title", "provenance"], context: context)
      })
    else { return nil }
    let id = header.text("id", required: true)
    let title = header.text("title", required: true)
    let provenance = header.required("provenance").flatMap(ProvenanceDecoder(context).decode)
    let reports = top.list("reports", required: true)?.compactMap(decodeReport)
    guard let id, let title, let provenance, let reports else { return nil }
    return BandSet(
      id: id, title: title, provenance: provenance, reports: reports,
      location: context.location(of: root))
  }

  private func decodeReport(_ node: YAMLNode) -> BandReport? {
    let keys = ["year", "source", "confidence", "metrics"]
    guard let reader = MappingReader(node, "a band report", keys: keys, context: context)
    else { return nil }
    let year = reader.int("year", required: true)
    let source = reader.text("source", required: true)
    let confidence = reader.choice("confidence", as: Provenance.Confidence.self, required: true)
    var metrics: [String: [Band]] = [:]
    for item in reader.list("metrics", required: true) ?? [] {
      guard
        let metric = MappingReader(
          item, "a banded metric", keys: ["name", "bands"],
          context: context),
        let name = metric.text("name", required: true)
      else { continue }
      if MetricCatalog.definition(name) == nil, let value = metric.optional("name") {
        let hint = Suggestion.phrase(for: name, in: MetricCatalog.names)
        context.error("unknown metric '\(name)'\(hint)", at: value)
      }
      metrics[name] = (metric.list("bands", required: true) ?? []).compactMap(decodeBand)
    }
    guard let year, let source, let confidence else { return nil }
    return BandReport(year: year, source: source, confidence: confidence, metrics: metrics)
  }

  private func decodeBand(_ node: YAMLNode) -> Band? {
    let comparisons = MetricRule.Comparison.allCases.map(\.rawValue)
    guard
      let reader = MappingReader(
        node, "a band", keys: ["band", "note"] + comparisons,
        context: context)
    else { return nil }
    let name = reader.text("band", required: true)
    guard let name, let (comparison, threshold) = reader.comparison() else { return nil }
    return Band(
      name: name, comparison: comparison, threshold: threshold, note: reader.text("note"))
  }
}

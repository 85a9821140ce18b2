/// Decodes the `provenance` section shared by standards and crosswalks.
struct ProvenanceDecoder {
  private let context: DecodeContext

  init(_ context: DecodeContext) {
    self.context = context
  }

  static let keys = ["summary", "nature", "structure", "wording", "confidence", "sources", "note"]

  func decode(_ node: YAMLNode) -> Provenance? {
    guard let reader = MappingReader(node, "the provenance", keys: Self.keys, context: context)
    else { return nil }
    let summary = reader.bool("summary", required: true)
    let structure = reader.text("structure", required: true)
    let wording = reader.text("wording", required: true)
    let confidence = reader.choice("confidence", as: Provenance.Confidence.self, required: true)
    let sources = reader.texts("sources", required: true)
    if let sources, sources.isEmpty, let value = reader.optional("sources") {
      context.error("expected at least one source in the provenance", at: value)
    }
    guard let summary, let structure, let wording, let confidence, let sources else { return nil }
    return Provenance(
      isSummary: summary, nature: reader.choice("nature", as: Provenance.Nature.self) ?? .summary,
      structure: structure, wording: wording, confidence: confidence, sources: sources,
      note: reader.text("note"))
  }
}

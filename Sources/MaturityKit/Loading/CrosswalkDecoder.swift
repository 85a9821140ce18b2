/// Decodes a crosswalk file.
struct CrosswalkDecoder {
  private let context: DecodeContext

  init(context: DecodeContext) {
    self.context = context
  }

  func decode(_ root: YAMLNode) -> Crosswalk? {
    guard
      let top = MappingReader(
        root, "a crosswalk file", keys: ["crosswalk", "relations"],
        context: context),
      let header = top.required("crosswalk").flatMap({
        MappingReader(
          $0, "the crosswalk", keys: ["id", "from", "to", "provenance"],
          context: context)
      })
    else { return nil }
    let id = header.text("id", required: true)
    let from = header.text("from", required: true)
    let to = header.text("to", required: true)
    let provenance = header.required("provenance").flatMap(ProvenanceDecoder(context).decode)
    let relations = top.list("relations", required: true)?.compactMap(decodeRelation)
    if let relations, relations.isEmpty, let node = top.optional("relations") {
      context.error("expected at least one relation", at: node)
    }
    guard let id, let from, let to, let provenance, let relations else { return nil }
    if from == to, let node = header.optional("to") {
      context.error(
        "a crosswalk relates two different standards; 'from' and 'to' are both '\(to)'", at: node)
    }
    return Crosswalk(
      id: id, fromStandard: from, toStandard: to, provenance: provenance, relations: relations,
      location: context.location(of: root),
      fromLocation: header.optional("from").map(context.location),
      toLocation: header.optional("to").map(context.location))
  }

  private func decodeRelation(_ node: YAMLNode) -> CrosswalkRelation? {
    guard
      let reader = MappingReader(
        node, "a relation", keys: ["from", "to", "relation", "note"],
        context: context)
    else { return nil }
    let from = ids(reader, "from")
    let to = ids(reader, "to")
    let kind = reader.choice("relation", as: CrosswalkRelation.Kind.self, required: true)
    guard let from, let to, let kind else { return nil }
    var places: [String: SourceLocation] = [:]
    for key in ["from", "to"] {
      guard let value = reader.optional(key) else { continue }
      for item in value.sequence ?? [value] {
        if let text = item.scalar?.text { places[text] = context.location(of: item) }
      }
    }
    return CrosswalkRelation(
      from: from, to: to, kind: kind, note: reader.text("note"),
      location: context.location(of: node), idLocations: places)
  }

  /// A non-empty list of ids, or a single id.
  private func ids(_ reader: MappingReader, _ key: String) -> [String]? {
    guard let ids = reader.texts(key, required: true) else { return nil }
    if ids.isEmpty, let node = reader.optional(key) {
      context.error("expected at least one requirement id in '\(key)'", at: node)
      return nil
    }
    return ids
  }
}

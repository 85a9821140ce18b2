extension YAMLTreeBuilder {
  /// A list or mapping whose end event has not come yet.
  struct Frame {
    var isMapping: Bool
    var line: Int
    var column: Int
    var anchor: String?
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    var weight = 1
    /// The first place of each scalar key, once the mapping is too large for a linear
    /// search of `pairs` to stay cheap.
    var keyPlaces: [String: (line: Int, column: Int)] = [:]
    /// The values of `<<` merge keys, in order.
    var merges: [YAMLNode] = []

    init(isMapping: Bool, line: Int, column: Int, anchor: String?) {
      self.isMapping = isMapping
      self.line = line
      self.column = column
      self.anchor = anchor
      // One allocation for the usual small collection instead of growing 1, 2, 4, 8.
      if isMapping { pairs.reserveCapacity(8) } else { items.reserveCapacity(8) }
    }

    /// Adds an item, or a key or value; returns a diagnostic for a repeated key.
    mutating func append(_ node: YAMLNode, in file: SourceFile) throws(YAMLLoader.Failure)
      -> Diagnostic?
    {
      weight += node.weight
      guard isMapping else {
        items.append(node)
        return nil
      }
      guard let key = pendingKey else {
        pendingKey = node
        return nil
      }
      pendingKey = nil
      if let scalar = key.scalar, scalar.style == .plain, scalar.text == "<<" {
        try checkMergeSource(node, in: file)
        merges.append(node)
        return nil
      }
      if let text = key.scalar?.text {
        if let first = firstPlace(of: text) {
          return duplicate(text, key: key, first: first, in: file)
        }
        if pairs.count >= Self.indexThreshold {
          if keyPlaces.isEmpty {
            for pair in pairs {
              if let name = pair.key.scalar?.text {
                keyPlaces[name] = (pair.key.line, pair.key.column)
              }
            }
          }
          keyPlaces[text] = (key.line, key.column)
        }
      }
      pairs.append(YAMLPair(key: key, value: node))
      return nil
    }

    private static let indexThreshold = 12

    private func firstPlace(of text: String) -> (line: Int, column: Int)? {
      if pairs.count > Self.indexThreshold { return keyPlaces[text] }
      guard let pair = pairs.first(where: { $0.key.scalar?.text == text }) else { return nil }
      return (pair.key.line, pair.key.column)
    }

    func sequenceNode() -> YAMLNode {
      YAMLNode(content: .sequence(items), line: line, column: column, weight: weight)
    }

    /// The mapping with merged keys added; keys written in the mapping itself win, and
    /// an earlier merge source wins over a later one.
    func mergedMapping() throws(YAMLLoader.Failure) -> YAMLNode {
      guard !merges.isEmpty else {
        return YAMLNode(content: .mapping(pairs), line: line, column: column, weight: weight)
      }
      var result = pairs
      var seen = Set(pairs.compactMap { $0.key.scalar?.text })
      for source in merges {
        let sources = source.sequence ?? [source]
        for mapping in sources {
          for pair in mapping.mapping ?? [] {
            guard let text = pair.key.scalar?.text else { continue }
            if seen.insert(text).inserted { result.append(pair) }
          }
        }
      }
      return YAMLNode(content: .mapping(result), line: line, column: column, weight: weight)
    }

    private func checkMergeSource(_ node: YAMLNode, in file: SourceFile)
      throws(YAMLLoader.Failure)
    {
      let sources = node.sequence ?? [node]
      for source in sources where source.mapping == nil {
        throw YAMLLoader.Failure(diagnostics: [
          Diagnostic(
            .error,
            "a merge key '<<' expects a mapping or a list of mappings,"
              + " found \(source.kindDescription)",
            in: file, line: source.line, column: source.column)
        ])
      }
    }

    private func duplicate(
      _ text: String, key: YAMLNode, first: (line: Int, column: Int), in file: SourceFile
    ) -> Diagnostic {
      let note = Diagnostic(
        .note, "'\(text)' first written here", in: file, line: first.line, column: first.column)
      return Diagnostic(
        .error,
        "duplicate key '\(text)' (first written on line \(first.line)); a mapping's keys"
          + " must be unique",
        in: file, line: key.line, column: key.column, notes: [note])
    }
  }
}

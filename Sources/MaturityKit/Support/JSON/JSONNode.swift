/// A small JSON value read whole by `JSONEventReader.readNode`, with where it starts; for
/// the pieces of a large document that a reader looks into (one rule, one licence list).
///
/// Not the report writer's `JSONValue`: this one keeps positions and numbers as written.
struct JSONNode: Sendable {
  enum Value: Sendable {
    /// Members in the order written; the reader refuses a key written twice.
    case object([(key: String, node: JSONNode)])
    case array([JSONNode])
    case string(String)
    case number(String)
    case bool(Bool)
    case null
  }

  var value: Value
  var line: Int
  var column: Int

  /// The member named `key` (the reader refuses a repeat), or nil when there is
  /// none or this is not an object.
  subscript(key: String) -> JSONNode? {
    guard case .object(let members) = value else { return nil }
    return members.last { $0.key == key }?.node
  }

  var string: String? {
    guard case .string(let text) = value else { return nil }
    return text
  }

  var number: Double? {
    guard case .number(let text) = value else { return nil }
    return Double(text)
  }

  /// The number when it is a whole number an `Int` holds (`2` and `2.0`, not `2.5`).
  var integer: Int? {
    guard let number, number.rounded() == number, abs(number) < 0x1p62 else { return nil }
    return Int(number)
  }

  var elements: [JSONNode]? {
    guard case .array(let nodes) = value else { return nil }
    return nodes
  }

  var isObject: Bool {
    guard case .object = value else { return false }
    return true
  }

  var isNull: Bool {
    guard case .null = value else { return false }
    return true
  }
}

// MARK: - Reading

extension JSONEventReader {
  /// The most a value read whole may hold: it is one rule, one licence list, one level, so
  /// anything larger is refused rather than held.
  static let maxNodeItems = 10_000
  static let maxNodeTextBytes = 1 << 20

  /// Reads the value that `event` starts into memory.
  ///
  /// - Throws: A diagnostic when the value is not well-formed JSON, or holds more than
  ///   `maxNodeItems` values or `maxNodeTextBytes` of text.
  func readNode(startingWith event: JSONEvent) throws(Diagnostic) -> JSONNode {
    var budget = (items: Self.maxNodeItems, bytes: Self.maxNodeTextBytes)
    return try readNode(startingWith: event, budget: &budget, root: event)
  }

  private func readNode(
    startingWith event: JSONEvent, budget: inout (items: Int, bytes: Int), root: JSONEvent
  ) throws(Diagnostic) -> JSONNode {
    budget.items -= 1
    budget.bytes -= event.textCount
    guard budget.items >= 0, budget.bytes >= 0 else {
      throw file.diagnostic(
        .error,
        "expected a small value here (at most \(Self.maxNodeItems) items and 1 MB of text), "
          + "found a larger one; is the file hostile?", line: root.line, column: root.column)
    }
    let value: JSONNode.Value
    switch event.kind {
    case .objectStart:
      var members: [(key: String, node: JSONNode)] = []
      while let key = try nextKey() {
        budget.bytes -= key.textCount
        let node = try readNode(startingWith: try nextEvent(), budget: &budget, root: root)
        members.append((key.key ?? "", node))
      }
      value = .object(members)
    case .arrayStart:
      var nodes: [JSONNode] = []
      while let element = try nextElement() {
        nodes.append(try readNode(startingWith: element, budget: &budget, root: root))
      }
      value = .array(nodes)
    case .string(let text): value = .string(text)
    case .number(let text): value = .number(text)
    case .bool(let flag): value = .bool(flag)
    case .null, .objectEnd, .arrayEnd, .key: value = .null
    }
    return JSONNode(value: value, line: event.line, column: event.column)
  }

  /// Reads the next value into memory.
  func readNode() throws(Diagnostic) -> JSONNode {
    try readNode(startingWith: try nextEvent())
  }

  /// Reads to the end of the value that `event` starts, keeping no text.
  func skipValue(startingWith event: JSONEvent) throws(Diagnostic) {
    guard event.isContainerStart else { return }
    let outside = depth - 1
    let kept = keepsText
    keepsText = false
    defer { keepsText = kept }
    while depth > outside { _ = try nextEvent() }
  }

  /// Reads past the next value, keeping no text.
  func skipValue() throws(Diagnostic) {
    let kept = keepsText
    keepsText = false
    defer { keepsText = kept }
    try skipValue(startingWith: try nextEvent())
  }

  /// The next event inside the document, where the document cannot end.
  func nextEvent() throws(Diagnostic) -> JSONEvent {
    guard let event = try next() else { throw unexpected("a JSON value") }
    return event
  }

  /// The next key of the object being read, or nil at its end; its value comes next.
  func nextKey() throws(Diagnostic) -> JSONEvent? {
    let event = try nextEvent()
    return event.kind == .objectEnd ? nil : event
  }

  /// The first event of the next element of the array being read, or nil at its end.
  func nextElement() throws(Diagnostic) -> JSONEvent? {
    let event = try nextEvent()
    return event.kind == .arrayEnd ? nil : event
  }

  /// Reads to the end of the document: white space only after the root value.
  func finish() throws(Diagnostic) {
    while try next() != nil {}
  }
}

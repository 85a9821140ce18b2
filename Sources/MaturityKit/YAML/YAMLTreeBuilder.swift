internal import CYaml

/// Builds the node tree from libyaml's events, resolving aliases and merge keys under the
/// budgets of ``YAMLLimits``.
///
/// A struct, so that its state is checked for exclusive access at compile time rather
/// than on every access, which matters on this hot path.
struct YAMLTreeBuilder {
  private let file: SourceFile
  private let limits: YAMLLimits
  private var stack: [Frame] = []
  private var anchors: [String: YAMLNode] = [:]
  private var root: YAMLNode?
  private var documentCount = 0
  private var expandedNodes = 0
  private var duplicates: [Diagnostic] = []
  /// Set when libyaml's line numbers cannot be trusted for this file.
  private var cursor: PositionCursor?

  init(file: SourceFile, limits: YAMLLimits) {
    self.file = file
    self.limits = limits
    if PositionCursor.isNeeded(for: file.bytes) {
      cursor = PositionCursor(bytes: file.bytes, skipping: file.hasByteOrderMark ? 3 : 0)
    }
  }

  mutating func build() throws(YAMLLoader.Failure) -> YAMLNode? {
    let parser = LibYAMLParser(file: file)
    var event = yaml_event_t()
    while true {
      guard parser.next(&event) else {
        throw YAMLLoader.Failure(diagnostics: [parser.problem(cursor: &cursor)])
      }
      defer { yaml_event_delete(&event) }
      if event.type == YAML_STREAM_END_EVENT { break }
      try handle(event)
    }
    if !duplicates.isEmpty {
      throw YAMLLoader.Failure(diagnostics: duplicates)
    }
    return root
  }

  // MARK: - Events

  private mutating func handle(_ event: yaml_event_t) throws(YAMLLoader.Failure) {
    var line = Int(event.start_mark.line) + 1
    var column = Int(event.start_mark.column) + 1
    if cursor != nil, let position = cursor?.position(ofCharacter: Int(event.start_mark.index)) {
      (line, column) = position
    }
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documentCount += 1
      if documentCount > 1 {
        throw failure("expected a single YAML document, found a second one", line, column)
      }
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      let scalar = YAMLScalar(
        text: string(data.value, length: data.length),
        style: style(of: data.style),
        tag: data.tag.map { String(cString: $0) })
      try count(1, line, column)
      try add(YAMLNode(content: .scalar(scalar), line: line, column: column), anchor: data.anchor)
    case YAML_SEQUENCE_START_EVENT:
      try open(isMapping: false, anchor: event.data.sequence_start.anchor, line, column)
    case YAML_MAPPING_START_EVENT:
      try open(isMapping: true, anchor: event.data.mapping_start.anchor, line, column)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      try close()
    case YAML_ALIAS_EVENT:
      try alias(event.data.alias.anchor, line, column)
    default:
      break
    }
  }

  private mutating func open(
    isMapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, _ line: Int, _ column: Int
  ) throws(YAMLLoader.Failure) {
    try count(1, line, column)
    if stack.count >= limits.maxDepth {
      throw failure(
        "nesting is deeper than the limit of \(limits.maxDepth) levels", line, column)
    }
    let name = anchor.map { String(cString: $0) }
    stack.append(Frame(isMapping: isMapping, line: line, column: column, anchor: name))
  }

  private mutating func close() throws(YAMLLoader.Failure) {
    guard let frame = stack.popLast() else { return }
    let node = frame.isMapping ? try frame.mergedMapping() : frame.sequenceNode()
    try add(node, anchorName: frame.anchor)
  }

  private mutating func alias(
    _ anchor: UnsafeMutablePointer<yaml_char_t>?, _ line: Int, _ column: Int
  ) throws(YAMLLoader.Failure) {
    let name = anchor.map { String(cString: $0) } ?? ""
    guard var node = anchors[name] else {
      throw failure("alias '*\(name)' refers to no anchor defined before it", line, column)
    }
    try count(node.weight, line, column, alias: name)
    node.line = line
    node.column = column
    try add(node, anchorName: nil)
  }

  private mutating func add(
    _ node: YAMLNode, anchor: UnsafeMutablePointer<yaml_char_t>?
  ) throws(YAMLLoader.Failure) {
    try add(node, anchorName: anchor.map { String(cString: $0) })
  }

  private mutating func add(_ node: YAMLNode, anchorName: String?) throws(YAMLLoader.Failure) {
    if let anchorName { anchors[anchorName] = node }
    guard !stack.isEmpty else {
      root = node
      return
    }
    if let duplicate = try stack[stack.count - 1].append(node, in: file) {
      duplicates.append(duplicate)
    }
  }

  // MARK: - Budgets and errors

  private mutating func count(
    _ nodes: Int, _ line: Int, _ column: Int, alias: String? = nil
  ) throws(YAMLLoader.Failure) {
    expandedNodes += nodes
    guard expandedNodes > limits.maxNodes else { return }
    let cause = alias.map { "expanding alias '*\($0)' takes" } ?? "the document has"
    throw failure(
      "\(cause) the document past the limit of \(limits.maxNodes) nodes;"
        + " aliases must not multiply content without bound", line, column)
  }

  private func failure(_ message: String, _ line: Int, _ column: Int) -> YAMLLoader.Failure {
    YAMLLoader.Failure(diagnostics: [
      Diagnostic(.error, message, in: file, line: line, column: column)
    ])
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
    guard let pointer else { return "" }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  private func style(of style: yaml_scalar_style_t) -> YAMLScalar.Style {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }
}

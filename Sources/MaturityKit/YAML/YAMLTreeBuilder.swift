internal import CYaml

/// Drives libyaml's event parser and builds the node tree, resolving aliases and merge
/// keys under the budgets of ``YAMLLimits``.
///
/// Owns the parser and the input bytes for its whole life: libyaml reads the bytes
/// lazily, so they must outlive every call into it.
final class YAMLTreeBuilder {
  private let file: SourceFile
  private let limits: YAMLLimits
  private var parser = yaml_parser_t()
  private let input: UnsafeMutableBufferPointer<UInt8>
  /// Bytes of a UTF-8 byte-order mark skipped before libyaml sees the input: with the
  /// encoding set explicitly, libyaml would read the mark as content.
  private let skipped: Int

  private var stack: [Frame] = []
  private var anchors: [String: YAMLNode] = [:]
  private var root: YAMLNode?
  private var documentCount = 0
  private var expandedNodes = 0
  private var duplicates: [Diagnostic] = []

  init(file: SourceFile, limits: YAMLLimits) {
    self.file = file
    self.limits = limits
    skipped = file.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let content = file.bytes.dropFirst(skipped)
    input = .allocate(capacity: max(content.count, 1))
    _ = input.initialize(from: content)
    yaml_parser_initialize(&parser)
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(&parser, input.baseAddress, content.count)
  }

  deinit {
    yaml_parser_delete(&parser)
    input.deallocate()
  }

  func build() throws(YAMLLoader.Failure) -> YAMLNode? {
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else {
        throw YAMLLoader.Failure(diagnostics: [parserProblem()])
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

  private func handle(_ event: yaml_event_t) throws(YAMLLoader.Failure) {
    let line = Int(event.start_mark.line) + 1
    let column = Int(event.start_mark.column) + 1
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

  private func open(
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

  private func close() throws(YAMLLoader.Failure) {
    guard let frame = stack.popLast() else { return }
    let node = frame.isMapping ? try frame.mergedMapping() : frame.sequenceNode()
    try add(node, anchorName: frame.anchor)
  }

  private func alias(
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

  private func add(
    _ node: YAMLNode, anchor: UnsafeMutablePointer<yaml_char_t>?
  ) throws(YAMLLoader.Failure) {
    try add(node, anchorName: anchor.map { String(cString: $0) })
  }

  private func add(_ node: YAMLNode, anchorName: String?) throws(YAMLLoader.Failure) {
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

  private func count(
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

  private func parserProblem() -> Diagnostic {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    if parser.error == YAML_READER_ERROR {
      let position = file.position(ofByte: Int(parser.problem_offset) + skipped)
      return Diagnostic(.error, problem, in: file, line: position.line, column: position.column)
    }
    let line = Int(parser.problem_mark.line) + 1
    let column = Int(parser.problem_mark.column) + 1
    if let tab = TabIndentation.find(in: file, nearLine: line) {
      return Diagnostic(
        .error, "a tab character is used for indentation; indent with spaces",
        in: file, line: tab.line, column: tab.column)
    }
    var message = problem
    if let context = parser.context.map({ String(cString: $0) }) {
      let contextLine = Int(parser.context_mark.line) + 1
      message += " (\(context) at line \(min(contextLine, file.lineCount)))"
    }
    return Diagnostic(.error, message, in: file, line: line, column: column)
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

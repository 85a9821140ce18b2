internal import CYaml

/// Owns a libyaml event parser and the input bytes for the parser's whole life: libyaml
/// reads the bytes lazily, so they must outlive every call into it.
final class LibYAMLParser {
  private let file: SourceFile
  private var parser = yaml_parser_t()
  private let input: UnsafeMutableBufferPointer<UInt8>
  /// Bytes of a UTF-8 byte-order mark skipped before libyaml sees the input: with the
  /// encoding set explicitly, libyaml would read the mark as content.
  private let skipped: Int

  init(file: SourceFile) {
    self.file = file
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

  /// Parses the next event into `event`; false on a syntax error (see ``problem()``).
  func next(_ event: inout yaml_event_t) -> Bool {
    yaml_parser_parse(&parser, &event) == 1
  }

  /// The parser's error as a diagnostic, naming a tab used for indentation as such.
  func problem(cursor: inout PositionCursor?) -> Diagnostic {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    if parser.error == YAML_READER_ERROR {
      let position = file.position(ofByte: Int(parser.problem_offset) + skipped)
      return Diagnostic(.error, problem, in: file, line: position.line, column: position.column)
    }
    var line = Int(parser.problem_mark.line) + 1
    var column = Int(parser.problem_mark.column) + 1
    if cursor != nil, let position = cursor?.position(ofCharacter: Int(parser.problem_mark.index)) {
      (line, column) = position
    }
    // libyaml reports a tab in indentation only as a character that cannot start a token
    // (or a flow/scanner complaint about it); other errors keep their own message.
    let isTabKind =
      problem.contains("cannot start any token") || problem.contains("found a tab character")
    if isTabKind, let tab = TabIndentation.find(in: file, nearLine: line) {
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

}

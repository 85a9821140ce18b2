/// One step of a JSON document as `JSONEventReader` reads it, with where it starts.
struct JSONEvent: Equatable, Sendable {
  enum Kind: Equatable, Sendable {
    case objectStart
    case objectEnd
    case arrayStart
    case arrayEnd
    /// A member name; its value is the next event.
    case key(String)
    case string(String)
    /// The number as written, already checked against the JSON grammar.
    case number(String)
    case bool(Bool)
    case null
  }

  var kind: Kind
  /// 1-based line and column (in characters) of the event's first byte.
  var line: Int
  var column: Int
  /// Byte offset of the event's first byte from the start of the file.
  var offset: Int

  /// The member name of a `.key` event.
  var key: String? {
    guard case .key(let name) = kind else { return nil }
    return name
  }

  /// The text of a `.string` event.
  var string: String? {
    guard case .string(let text) = kind else { return nil }
    return text
  }

  /// True for the first event of an object or an array, which more events follow.
  var isContainerStart: Bool { kind == .objectStart || kind == .arrayStart }

  /// The bytes of text the event carries: a key's, string's or number's.
  var textCount: Int {
    switch kind {
    case .key(let text), .string(let text), .number(let text): text.utf8.count
    default: 0
    }
  }

  /// "an object", "a string", … for messages about a value of the wrong type.
  var valueName: String {
    switch kind {
    case .objectStart: "an object"
    case .arrayStart: "an array"
    case .string: "a string"
    case .number: "a number"
    case .bool: "a boolean"
    case .null: "null"
    case .objectEnd, .arrayEnd, .key: "no value"
    }
  }
}

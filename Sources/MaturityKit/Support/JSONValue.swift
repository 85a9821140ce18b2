/// A JSON value whose objects keep their key order, so output is stable byte for byte.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// A number written with at most two decimals.
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// `value` or null.
  public static func optional(_ value: String?) -> JSONValue {
    value.map(JSONValue.string) ?? .null
  }

  public static func optional(_ value: Int?) -> JSONValue {
    value.map(JSONValue.int) ?? .null
  }

  /// Pretty-printed with two-space indentation and a final newline.
  public func serialized() -> String {
    var output = ""
    write(to: &output, indent: 0)
    return output + "\n"
  }

  private func write(to output: inout String, indent: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .number(let value): output += value.isFinite ? NumberText.format(value) : "null"
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += Self.spaces(indent + 2)
        item.write(to: &output, indent: indent + 2)
        output += index == items.count - 1 ? "\n" : ",\n"
      }
      output += Self.spaces(indent) + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += Self.spaces(indent + 2)
        Self.writeString(key, to: &output)
        output += ": "
        value.write(to: &output, indent: indent + 2)
        output += index == members.count - 1 ? "\n" : ",\n"
      }
      output += Self.spaces(indent) + "}"
    }
  }

  private static let indents = (0..<32).map { String(repeating: " ", count: $0 * 2) }

  private static func spaces(_ count: Int) -> String {
    count / 2 < indents.count ? indents[count / 2] : String(repeating: " ", count: count)
  }

  private static func writeString(_ value: String, to output: inout String) {
    output += "\""
    defer { output += "\"" }
    let needsEscaping = value.utf8.contains { byte in
      byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
        || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
        || byte == 0xE2  // may start U+2028 or U+2029
    }
    guard needsEscaping else {
      output += value
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "<": output += "\\u003c"
      case ">": output += "\\u003e"
      case "&": output += "\\u0026"
      default:
        if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
  }
}

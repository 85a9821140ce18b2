import Foundation

@testable import MaturityKit

/// A JSON Schema (draft-07) validator for the subset our schemas use: type, enum,
/// required, properties, additionalProperties, items, minItems, minimum, maximum,
/// pattern, oneOf and local $ref. Test tooling, to keep docs/schema in step with the
/// loaders.
struct SchemaValidator {
  let root: [String: Any]

  init(file: URL) throws {
    root = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
  }

  /// The problems of `value`, as "path: what".
  func validate(_ value: Any) -> [String] {
    var problems: [String] = []
    check(value, against: root, at: "$", &problems)
    return problems
  }

  private func check(
    _ value: Any, against schema: [String: Any], at path: String, _ problems: inout [String]
  ) {
    if let reference = schema["$ref"] as? String {
      let name = reference.replacingOccurrences(of: "#/definitions/", with: "")
      let definitions = root["definitions"] as? [String: Any]
      guard let target = definitions?[name] as? [String: Any] else {
        problems.append("\(path): unknown $ref \(reference)")
        return
      }
      check(value, against: target, at: path, &problems)
      return
    }
    if let types = schema["type"] {
      let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
      guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
        problems.append(
          "\(path): expected \(allowed.joined(separator: " or ")), found \(Self.describe(value))")
        return
      }
    }
    if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
      problems.append("\(path): \(Self.describe(value)) is not one of the allowed values")
    }
    if let pattern = schema["pattern"] as? String, let text = value as? String,
      text.range(of: pattern, options: .regularExpression) == nil
    {
      problems.append("\(path): '\(text)' does not match \(pattern)")
    }
    if let minimum = schema["minimum"] as? Double, let number = Self.number(value), number < minimum
    {
      problems.append("\(path): \(number) is below \(minimum)")
    }
    if let maximum = schema["maximum"] as? Double, let number = Self.number(value), number > maximum
    {
      problems.append("\(path): \(number) is above \(maximum)")
    }
    if let object = value as? [String: Any] { checkObject(object, schema, path, &problems) }
    if let array = value as? [Any] {
      if let minimum = schema["minItems"] as? Int, array.count < minimum {
        problems.append("\(path): expected at least \(minimum) items")
      }
      if let items = schema["items"] as? [String: Any] {
        for (index, item) in array.enumerated() {
          check(item, against: items, at: "\(path)[\(index)]", &problems)
        }
      }
    }
    if let options = schema["oneOf"] as? [[String: Any]] {
      let passing = options.filter { option in
        var scratch: [String] = []
        check(value, against: option, at: path, &scratch)
        return scratch.isEmpty
      }
      if passing.count != 1 {
        problems.append("\(path): matches \(passing.count) of the oneOf alternatives, expected 1")
      }
    }
  }

  private func checkObject(
    _ object: [String: Any], _ schema: [String: Any], _ path: String, _ problems: inout [String]
  ) {
    for key in schema["required"] as? [String] ?? [] where object[key] == nil {
      problems.append("\(path): missing \(key)")
    }
    let properties = schema["properties"] as? [String: Any] ?? [:]
    for (key, child) in object.sorted(by: { $0.key < $1.key }) {
      if let property = properties[key] as? [String: Any] {
        check(child, against: property, at: "\(path).\(key)", &problems)
      } else if let additional = schema["additionalProperties"] as? [String: Any] {
        check(child, against: additional, at: "\(path).\(key)", &problems)
      } else if schema["additionalProperties"] as? Bool == false {
        problems.append("\(path): unknown key \(key)")
      }
    }
  }

  private static func matches(_ value: Any, type: String) -> Bool {
    switch type {
    case "object": return value is [String: Any]
    case "array": return value is [Any]
    case "string": return value is String
    case "boolean": return value is Bool
    case "integer": return value is Int
    case "number": return value is Int || value is Double
    case "null": return value is NSNull
    default: return false
    }
  }

  private static func number(_ value: Any) -> Double? {
    (value as? Int).map(Double.init) ?? (value as? Double)
  }

  private static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
    if lhs is NSNull, rhs is NSNull { return true }
    if let left = lhs as? String, let right = rhs as? String { return left == right }
    if let left = lhs as? Int, let right = rhs as? Int { return left == right }
    return false
  }

  private static func describe(_ value: Any) -> String {
    switch value {
    case is NSNull: return "null"
    case let text as String: return "'\(text)'"
    case is [Any]: return "a list"
    case is [String: Any]: return "a mapping"
    default: return "\(value)"
    }
  }

  /// A loaded YAML node as the JSON value it stands for, by the YAML 1.2 core schema.
  static func json(_ node: YAMLNode) -> Any {
    switch node.content {
    case .sequence(let items): return items.map(json)
    case .mapping(let pairs):
      return Dictionary(pairs.map { ($0.key.scalar?.text ?? "", json($0.value)) }) { first, _ in
        first
      }
    case .scalar(let scalar):
      switch scalar.resolved {
      case .null: return NSNull()
      case .bool(let value): return value
      case .int(let value): return value
      case .float(let value): return value
      case .string: return scalar.text
      }
    }
  }
}

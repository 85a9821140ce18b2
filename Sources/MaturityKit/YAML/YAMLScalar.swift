/// A scalar as written, with the style that decides how it resolves.
public struct YAMLScalar: Sendable, Hashable {
  public enum Style: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
  }

  /// The value of a plain scalar under the YAML 1.2 core schema.
  public enum Resolved: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string
  }

  public var text: String
  public var style: Style
  /// An explicit tag such as `tag:yaml.org,2002:str`, if one was written.
  public var tag: String?

  public init(text: String, style: Style = .plain, tag: String? = nil) {
    self.text = text
    self.style = style
    self.tag = tag
  }

  /// Resolution by the YAML 1.2 core schema: only plain, untagged scalars are typed,
  /// and only `true`/`false` (in three casings) are booleans.
  public var resolved: Resolved {
    if let tag { return Self.resolve(tag: tag, text: text) }
    guard style == .plain else { return .string }
    return Self.resolvePlain(text)
  }

  static func resolvePlain(_ text: String) -> Resolved {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
    case ".nan", ".NaN", ".NAN": return .float(.nan)
    default: break
    }
    guard let first = text.utf8.first, isNumberStart(first) else { return .string }
    if let value = integer(text) { return .int(value) }
    if isCoreFloat(text), let value = Double(text) { return .float(value) }
    return .string
  }

  private static func resolve(tag: String, text: String) -> Resolved {
    switch tag {
    case "tag:yaml.org,2002:int": return integer(text).map(Resolved.int) ?? .string
    case "tag:yaml.org,2002:float": return Double(text).map(Resolved.float) ?? .string
    case "tag:yaml.org,2002:bool": return resolvePlain(text)
    case "tag:yaml.org,2002:null": return .null
    default: return .string
    }
  }

  private static func isNumberStart(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
  }

  /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
  private static func integer(_ text: String) -> Int? {
    for (prefix, radix) in [("0o", 8), ("0x", 16)] where text.hasPrefix(prefix) {
      let digits = text.dropFirst(2)
      // Int(_:radix:) would accept a sign, which the core schema does not.
      guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit) else { return nil }
      return Int(digits, radix: radix)
    }
    var digits = Substring(text)
    if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    return Int(text)
  }

  /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
  private static func isCoreFloat(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
      bytes = bytes.dropFirst()
    }
    let mantissaEnd = bytes.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    let mantissa = bytes[..<(mantissaEnd ?? bytes.endIndex)]
    let parts = mantissa.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(isDigit) }) else { return false }
    guard parts.contains(where: { !$0.isEmpty }) else { return false }
    if parts.count == 2, parts[0].isEmpty, parts[1].isEmpty { return false }
    guard let end = mantissaEnd else { return true }
    var exponent = bytes[(end + 1)...]
    if exponent.first == UInt8(ascii: "-") || exponent.first == UInt8(ascii: "+") {
      exponent = exponent.dropFirst()
    }
    return !exponent.isEmpty && exponent.allSatisfy(isDigit)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

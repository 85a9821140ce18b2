import Testing

@testable import MaturityKit

@Suite struct YAMLScalarTests {
  @Test(arguments: [
    ("true", YAMLScalar.Resolved.bool(true)), ("False", .bool(false)), ("TRUE", .bool(true)),
    ("no", .string), ("No", .string), ("on", .string), ("off", .string), ("yes", .string),
    ("y", .string), ("NO", .string), ("~", .null), ("null", .null), ("", .null),
    ("012345", .int(12345)), ("42", .int(42)), ("-7", .int(-7)), ("0x1F", .int(31)),
    ("0o17", .int(15)), ("5.10", .float(5.1)), ("1e3", .float(1000)), (".5", .float(0.5)),
    ("12.1.1", .string), ("1,205.25", .string), ("2026-11-20", .string), ("3-", .string),
    (".inf", .float(.infinity)), ("-.inf", .float(-.infinity)),
  ])
  func resolvesPlainScalarsByTheCoreSchema(text: String, expected: YAMLScalar.Resolved) {
    #expect(YAMLScalar(text: text).resolved == expected)
  }

  @Test func quotedScalarsAreAlwaysText() {
    #expect(YAMLScalar(text: "true", style: .doubleQuoted).resolved == .string)
    #expect(YAMLScalar(text: "42", style: .singleQuoted).resolved == .string)
  }

  @Test func strTagKeepsText() {
    #expect(YAMLScalar(text: "42", tag: "tag:yaml.org,2002:str").resolved == .string)
  }

  @Test func nanIsAFloat() {
    guard case .float(let value) = YAMLScalar(text: ".nan").resolved else {
      Issue.record("expected a float")
      return
    }
    #expect(value.isNaN)
  }

  @Test func textFieldsKeepTheirTextExactly() throws {
    let text = "answer: No\nregion: NO\ngate: on\nversion: 5.10\nzip: 012345\n"
    let node = root(loadYAML(text))
    let values = ["answer", "region", "gate", "version", "zip"].map {
      value(node, $0)?.scalar?.text
    }
    #expect(values == ["No", "NO", "on", "5.10", "012345"])
  }
}

import Foundation
import Testing

@testable import MaturityKit

/// The loader on YAML written by others: the shared cases, DSOMM and SAMM model files,
/// and yaml-test-suite cases. Skips when the shared real-data folder is absent.
@Suite(.enabled(if: realData != nil, "needs ../shared/realdata"))
struct RealYAMLTests {
  @Test func case01DuplicateKeysIsRejectedAtTheRepeat() throws {
    let file = try #require(try realFile("cases/case01-duplicate-keys.yaml"))
    #expect(throws: YAMLLoader.Failure.self) { try YAMLLoader.load(file) }
    do {
      _ = try YAMLLoader.load(file)
    } catch {
      #expect(
        summary(error.diagnostics) == [
          "6:1: duplicate key 'status' (first written on line 4); a mapping's keys must be unique"
        ])
      #expect(summary(error.diagnostics[0].notes) == ["4:1: 'status' first written here"])
    }
  }

  @Test func case02YAML11BooleansStayText() throws {
    let file = try #require(try realFile("cases/case02-yaml11-booleans.yaml"))
    let node = try YAMLLoader.load(file)
    let keys = [
      "answer", "answer_quoted", "region", "feature_gate", "legacy_mode", "reviewed",
      "short_yes",
    ]
    let texts = keys.map { value(node, $0)?.scalar?.text }
    #expect(texts == ["No", "No", "NO", "on", "off", "yes", "y"])
    #expect(keys.allSatisfy { value(node, $0)?.scalar?.resolved == .string })
  }

  @Test func case04AliasBombFailsFastInSmallMemory() throws {
    let file = try #require(try realFile("cases/case04-alias-expansion-bomb.yaml"))
    let started = Date()
    do {
      _ = try YAMLLoader.load(file)
      Issue.record("the alias bomb loaded")
    } catch {
      #expect(summary(error.diagnostics).first?.hasPrefix("9:45: expanding alias '*l5'") == true)
    }
    #expect(Date().timeIntervalSince(started) < 1)
  }

  @Test func case06TabIndentationIsNamed() throws {
    let file = try #require(try realFile("cases/case06-tab-indentation.yaml"))
    do {
      _ = try YAMLLoader.load(file)
      Issue.record("a tab-indented file loaded")
    } catch {
      #expect(
        summary(error.diagnostics) == [
          "4:1: a tab character is used for indentation; indent with spaces"
        ])
    }
  }

  @Test func dsommActivityFileLoadsWithFloatLikeIdsKeptAsText() throws {
    let file = try #require(try realFile("dsomm/TestKPI.yaml"))
    let node = try #require(try YAMLLoader.load(file))
    var texts: [String] = []
    collectScalars(node, into: &texts)
    #expect(texts.contains("5.10"))
    #expect(texts.contains("16.1.4"))
  }

  @Test func dsommGeneratedModelIsTwoDocumentsAndSaysSo() throws {
    let file = try #require(try realFile("dsomm/model.yaml"))
    do {
      _ = try YAMLLoader.load(file)
      Issue.record("a two-document stream loaded as one")
    } catch {
      #expect(
        summary(error.diagnostics).first?.hasSuffix(
          "expected a single YAML document, found a second one") == true)
    }
  }

  @Test func sammAnswerSetKeepsNoAsText() throws {
    let file = try #require(try realFile("samm/A.yml"))
    let node = try #require(try YAMLLoader.load(file))
    var texts: [String] = []
    collectScalars(node, into: &texts)
    #expect(texts.contains("No"))
  }

  @Test func sammBusinessFunctionColorIsNull() throws {
    let file = try #require(try realFile("samm/Implementation.yml"))
    let node = try #require(try YAMLLoader.load(file))
    #expect(value(node, "color")?.scalar?.resolved == .null)
  }

  @Test(arguments: ["2JQS", "4QFQ", "6KGN", "SU74", "Y79Y"])
  func yamlTestSuiteCases(id: String) throws {
    let file = try #require(try realFile("yaml-test-suite/\(id).yaml"))
    let cases = try #require(try YAMLLoader.load(file)?.sequence)
    for (index, testCase) in cases.enumerated() {
      guard let visible = value(testCase, "yaml")?.scalar?.text else { continue }
      let suiteSaysFail = value(testCase, "fail")?.scalar?.resolved == .bool(true)
      let mustFail = Self.ourRules["\(id)#\(index)"] ?? suiteSaysFail
      let source = SourceFile(path: "\(id)#\(index)", bytes: Array(Self.raw(visible).utf8))
      let failed = (try? YAMLLoader.load(source)) == nil
      let known = Self.knownDifferences["\(id)#\(index)"]
      if let known {
        withKnownIssue(Comment(rawValue: known)) {
          #expect(failed == mustFail, "\(id) case \(index)")
        }
      } else {
        #expect(
          failed == mustFail, "\(id) case \(index): expected \(mustFail ? "failure" : "success")")
      }
    }
  }

  /// Cases where our rules deliberately differ from the suite: two empty (null) keys in
  /// one mapping are duplicate keys, which our formats reject.
  static let ourRules: [String: Bool] = ["2JQS#0": true]

  /// Where the system libyaml 0.2.5 differs from the suite.
  static let knownDifferences: [String: String] = [
    "Y79Y#1": "libyaml 0.2.5 rejects a tab-only line inside a literal block scalar",
    "Y79Y#3": "libyaml 0.2.5 accepts a tab before a flow sequence entry",
    "Y79Y#10": "libyaml 0.2.5 rejects a tab between nested block sequence indicators",
  ]

  /// The suite's visible notation turned into the bytes it stands for.
  static func raw(_ visible: String) -> String {
    var text = visible
    while let range = text.range(of: "—*»", options: .regularExpression) {
      text.replaceSubrange(range, with: "\t")
    }
    text = text.replacingOccurrences(of: "␣", with: " ")
      .replacingOccurrences(of: "←", with: "\r")
      .replacingOccurrences(of: "⇔", with: "\u{FEFF}")
      .replacingOccurrences(of: "↵", with: "")
    if text.hasSuffix("∎\n") { text = String(text.dropLast(2)) }
    return text
  }

  private func collectScalars(_ node: YAMLNode, into texts: inout [String]) {
    switch node.content {
    case .scalar(let scalar): texts.append(scalar.text)
    case .sequence(let items): items.forEach { collectScalars($0, into: &texts) }
    case .mapping(let pairs):
      for pair in pairs {
        collectScalars(pair.key, into: &texts)
        collectScalars(pair.value, into: &texts)
      }
    }
  }
}

import Foundation
import Testing

@testable import MaturityKit

@Suite struct YAMLLoaderTests {
  @Test func keepsLineAndColumnOfEveryNode() throws {
    let node = root(loadYAML("a: 1\nlist:\n  - x\n  - {k: v}\n"))
    #expect(value(node, "a").map { "\($0.line):\($0.column)" } == "1:4")
    let list = try #require(value(node, "list")?.sequence)
    #expect(list.map { "\($0.line):\($0.column)" } == ["3:5", "4:5"])
    #expect(value(list[1], "k").map { "\($0.line):\($0.column)" } == "4:9")
  }

  @Test func rejectsDuplicateKeysNamingBothLines() {
    let text = "practice: build\nstatus: implemented\nowner: team\nstatus: planned\n"
    let result = loadYAML(text)
    #expect(
      failure(result) == [
        "4:1: duplicate key 'status' (first written on line 2); a mapping's keys must be unique"
      ])
    if case .failure(let error) = result {
      #expect(summary(error.diagnostics[0].notes) == ["2:1: 'status' first written here"])
    }
  }

  @Test func reportsEveryDuplicateKeyInAFile() {
    let result = loadYAML("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n")
    #expect(failure(result).map { $0.prefix(5) } == ["2:1: ", "5:3: "])
  }

  @Test func namesATabUsedForIndentation() {
    let text = "activity:\n\tlevel: 2\nnote: \"a\tb\"\n"
    #expect(
      failure(loadYAML(text)) == [
        "2:1: a tab character is used for indentation; indent with spaces"
      ])
  }

  @Test func acceptsATabInsideAQuotedValue() {
    let node = root(loadYAML("note: \"a\tb\"\n"))
    #expect(value(node, "note")?.scalar?.text == "a\tb")
  }

  @Test func stopsAnAliasBombWithinTheBudget() throws {
    var text = "l0: &l0 [z, z, z, z, z, z, z, z, z]\n"
    for level in 1...8 {
      let items = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
      text += "l\(level): &l\(level) [\(items)]\n"
    }
    let started = Date()
    let messages = failure(loadYAML(text))
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(
      messages == [
        "7:45: expanding alias '*l5' takes the document past the limit of 5000000 nodes;"
          + " aliases must not multiply content without bound"
      ])
  }

  @Test func aliasBudgetCanBeLowered() {
    let text = "a: &a [x, y, z]\nb: [*a, *a]\n"
    let limits = YAMLLimits(maxNodes: 8)
    // 8 nodes are counted before the first alias, which adds the 4 of its list.
    #expect(
      failure(loadYAML(text, limits: limits)).first?.hasPrefix("2:5: expanding alias '*a'")
        == true)
    #expect(root(loadYAML(text, limits: YAMLLimits(maxNodes: 20))) != nil)
  }

  @Test func resolvesAnchorsAliasesAndMergeKeys() throws {
    let text = """
      base: &base
        status: met
        reviewer: Li
      claim:
        <<: *base
        reviewer: Wang
        note: n
      """
    let claim = value(root(loadYAML(text)), "claim")
    #expect(claim?.mapping?.map { $0.key.scalar?.text ?? "" } == ["reviewer", "note", "status"])
    #expect(value(claim, "reviewer")?.scalar?.text == "Wang")
    #expect(value(claim, "status")?.scalar?.text == "met")
  }

  @Test func mergesAListOfMappingsEarlierFirst() {
    let text = "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n"
    let c = value(root(loadYAML(text)), "c")
    #expect(value(c, "x")?.scalar?.text == "1")
    #expect(value(c, "y")?.scalar?.text == "2")
  }

  @Test func rejectsAMergeOfAScalar() {
    #expect(
      failure(loadYAML("a: &a text\nb:\n  <<: *a\n")) == [
        "3:7: a merge key '<<' expects a mapping or a list of mappings, found text"
      ])
  }

  @Test func rejectsAnUndefinedAlias() {
    #expect(failure(loadYAML("a: *nowhere\n")).first?.contains("nowhere") == true)
  }

  @Test func acceptsAByteOrderMarkAndCRLF() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id: x\r\nname: y\r\n".utf8)
    let node = try YAMLLoader.load(SourceFile(path: "bom.yaml", bytes: bytes))
    #expect(value(node, "id")?.scalar?.text == "x")
    #expect(value(node, "name").map { "\($0.line):\($0.column)" } == "2:7")
  }

  @Test func rejectsInvalidUTF8WithItsPosition() {
    let bytes: [UInt8] = Array("a: 1\nb: caf".utf8) + [0xE9] + Array("\n".utf8)
    #expect(throws: YAMLLoader.Failure.self) {
      try YAMLLoader.load(SourceFile(path: "latin1.yaml", bytes: bytes))
    }
    do {
      _ = try YAMLLoader.load(SourceFile(path: "latin1.yaml", bytes: bytes))
    } catch {
      #expect(summary(error.diagnostics) == ["2:7: invalid UTF-8 byte 0xE9; expected UTF-8 text"])
    }
  }

  @Test(arguments: [
    ([0xFF, 0xFE, 0x61, 0x00] as [UInt8], "1:1: file is encoded as UTF-16; expected UTF-8"),
    (Array("a: b\u{0}c\n".utf8), "1:5: NUL byte (0x00)"),
  ])
  func rejectsOtherEncodings(bytes: [UInt8], expected: String) {
    do {
      _ = try YAMLLoader.load(SourceFile(path: "x.yaml", bytes: bytes))
      Issue.record("expected an error")
    } catch {
      #expect(summary(error.diagnostics).first?.hasPrefix(expected) == true)
    }
  }

  @Test(arguments: [1, 7, 8, 9, 16, 17, 40])
  func findsABadByteAtAnyOffsetOfALongASCIIRun(offset: Int) {
    let prefix = String(repeating: "x", count: offset)
    for (bad, message) in [(UInt8(0), "NUL byte (0x00)"), (0xFF, "invalid UTF-8 byte 0xFF")] {
      let bytes = Array("key: \(prefix)".utf8) + [bad] + Array("tail\n".utf8)
      do {
        _ = try YAMLLoader.load(SourceFile(path: "x.yaml", bytes: bytes))
        Issue.record("expected an error")
      } catch {
        #expect(summary(error.diagnostics).first?.hasPrefix("1:\(offset + 6): \(message)") == true)
      }
    }
  }

  @Test func rejectsASecondDocument() {
    #expect(
      failure(loadYAML("a: 1\n---\nb: 2\n")) == [
        "2:1: expected a single YAML document, found a second one"
      ])
  }

  @Test func limitsNestingDepth() {
    let text = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
    #expect(
      failure(loadYAML(text, limits: YAMLLimits(maxDepth: 20))) == [
        "1:21: nesting is deeper than the limit of 20 levels"
      ])
  }

  @Test func limitsFileSize() {
    #expect(
      failure(loadYAML("a: 1234567890\n", limits: YAMLLimits(maxFileBytes: 8))) == [
        "1:1: file is 14 bytes, over the limit of 8 bytes"
      ])
  }

  @Test func reportsASyntaxErrorWithItsPlace() {
    let messages = failure(loadYAML("a: [1, 2\nb: 3\n"))
    #expect(messages.count == 1)
    #expect(messages.first?.hasPrefix("2:2: ") == true)
  }

  @Test func clampsAnEndOfInputErrorToTheLastLine() {
    let result = loadYAML("a: \"open\n")
    if case .failure(let error) = result {
      #expect(error.diagnostics[0].location?.line == 1)
      #expect(error.diagnostics[0].sourceLine == "a: \"open")
    } else {
      Issue.record("expected an error")
    }
  }

  @Test func emptyFileHasNoRoot() throws {
    #expect(try YAMLLoader.load(SourceFile(path: "e.yaml", text: "")) == nil)
    #expect(try YAMLLoader.load(SourceFile(path: "e.yaml", text: "# only a comment\n")) == nil)
  }
}

import Foundation
import Testing

@testable import MaturityKit

/// The streaming JSON reader: events and their positions, strings, numbers, the grammar's
/// errors, limits, and the same events whatever the chunk size.
@Suite struct JSONEventReaderTests {
  /// Chunk sizes that split every token somewhere, and the default.
  static let chunkSizes = [1, 2, 3, 7, 1 << 16]

  @Test(arguments: chunkSizes)
  func givesEveryEventKindWithItsPosition(chunkSize: Int) {
    let text = "{\"a\": [1, -2.5e3, true, false, null],\n \"b\": {\"c\": \"d\"}, \"\": []}"
    #expect(
      events(text, chunkSize: chunkSize) == [
        "1:1 {", "1:2 key a", "1:7 [", "1:8 number 1", "1:11 number -2.5e3", "1:19 true",
        "1:25 false", "1:32 null", "1:36 ]", "2:2 key b", "2:7 {", "2:8 key c", "2:13 string d",
        "2:16 }", "2:19 key ", "2:23 [", "2:24 ]", "2:25 }",
      ])
  }

  @Test(arguments: chunkSizes)
  func countsColumnsInCharactersAcrossChunks(chunkSize: Int) {
    #expect(
      events("[\"é中😀\",\n\t\"x\", 1]", chunkSize: chunkSize) == [
        "1:1 [", "1:2 string é中😀", "2:2 string x", "2:7 number 1", "2:8 ]",
      ])
  }

  @Test(arguments: chunkSizes)
  func skipsAByteOrderMarkWithoutCountingIt(chunkSize: Int) throws {
    let reader = try JSONEventReader(memory("\u{FEFF}{\"a\": 1}"), chunkSize: chunkSize)
    let first = try #require(try reader.next())
    #expect((first.line, first.column, first.offset) == (1, 1, 3))
    #expect(try reader.next().map { "\($0.line):\($0.column) \($0.offset)" } == "1:2 4")
    #expect(try JSONEventReader(memory("\u{FEFF} \n")).firstByte() == nil)
  }

  // MARK: - Strings

  @Test(arguments: chunkSizes)
  func decodesEscapesAndSurrogatePairs(chunkSize: Int) {
    let text = #"["\"\\\/\b\f\n\r\t", "\u00e9\u00C9\u4E2D", "\uD83D\uDE00!", "\u0000"]"#
    #expect(
      events(text, chunkSize: chunkSize) == [
        "1:1 [", "1:2 string \"\\/\u{8}\u{C}\n\r\t", "1:22 string éÉ中", "1:44 string 😀!",
        "1:61 string \u{0}", "1:69 ]",
      ])
  }

  /// A lone surrogate half becomes U+FFFD; the escape after it is still read.
  @Test(arguments: [
    (#""\uD800x""#, "\u{FFFD}x"),
    (#""\uDC00""#, "\u{FFFD}"),
    (#""\uD800\uD800\uDC00""#, "\u{FFFD}\u{10000}"),
    (#""\uD83D\n""#, "\u{FFFD}\n"),
    (#""a\uDBFF""#, "a\u{FFFD}"),
  ])
  func readsALoneSurrogateAsTheReplacementCharacter(text: String, expected: String) {
    #expect(events(text, chunkSize: 1) == ["1:1 string \(expected)"])
  }

  // MARK: - Numbers

  @Test func keepsNumbersAsWritten() {
    #expect(
      events("[0, -0, 10, 1.5, 1e5, 1E+5, 1e-5, -12.34e+10, 0.0]").dropFirst().dropLast()
        .map { $0.split(separator: " ").last.map(String.init) ?? "" } == [
          "0", "-0", "10", "1.5", "1e5", "1E+5", "1e-5", "-12.34e+10", "0.0",
        ])
  }

  @Test(arguments: [
    ("01", "1:2: expected '.', 'e' or the end of the number after a leading 0, found '1'"),
    ("[-01]", "1:4: expected '.', 'e' or the end of the number after a leading 0, found '1'"),
    (
      "1.", "1:3: expected a digit after the decimal point, found the end of the file; \(truncated)"
    ),
    ("[1.]", "1:4: expected a digit after the decimal point, found ']'"),
    ("-", "1:2: expected a digit after '-', found the end of the file; \(truncated)"),
    ("[-a]", "1:3: expected a digit after '-', found 'a'"),
    ("1e", "1:3: expected a digit in the exponent, found the end of the file; \(truncated)"),
    ("[1e+]", "1:5: expected a digit in the exponent, found ']'"),
    (".5", "1:1: expected a JSON value, found '.'"),
    ("+1", "1:1: expected a JSON value, found '+'"),
    ("[1.5.2]", "1:5: expected ',' or ']' after an array element, found '.'"),
  ])
  func refusesNumbersOutsideTheGrammar(text: String, expected: String) {
    #expect(events(text).last == "error \(expected)")
  }

  // MARK: - Grammar

  @Test(arguments: [
    ("", "1:1: expected a JSON value, found the end of the file; \(truncated)"),
    ("[1,]", "1:4: expected a value after ',', found ']'"),
    ("{\"a\": 1,}", "1:9: expected a key string after ',', found '}'"),
    ("[1 2]", "1:4: expected ',' or ']' after an array element, found '2'"),
    ("{\"a\" 1}", "1:6: expected ':' after the key \"a\", found '1'"),
    ("{\"a\": 1]", "1:8: expected ',' or '}' after an object member, found ']'"),
    ("{1: 2}", "1:2: expected a key string or '}' after '{', found '1'"),
    ("{'a': 2}", "1:2: expected a key string or '}' after '{', found '''"),
    ("// note\n{}", "1:1: expected a JSON value, found '/'"),
    ("[/* c */]", "1:2: expected a value or ']' after '[', found '/'"),
    ("tru", "1:4: expected 'true', found the end of the file; \(truncated)"),
    ("[nul!]", "1:5: expected 'null', found '!'"),
    ("{} x", "1:4: expected the end of the file after the JSON value, found 'x'"),
    ("[]\n[]", "2:1: expected the end of the file after the JSON value, found '['"),
    (
      "[\"a\tb\"]",
      "1:4: expected printable text or an escape such as \\t in a string, found "
        + "the control character U+0009"
    ),
    (#"["\x"]"#, #"1:4: expected one of " \ / b f n r t u after '\' in a string, found 'x'"#),
    (#"["\u12G4"]"#, #"1:7: expected four hexadecimal digits after '\u', found 'G'"#),
    (
      "\"abc",
      "1:5: expected '\"' to end the string from 1:1, found the end of the file; "
        + truncated
    ),
    ("[\u{7}]", "1:2: expected a value or ']' after '[', found the control character U+0007"),
  ])
  func refusesWhatTheGrammarDoesNotAllow(text: String, expected: String) {
    #expect(events(text).last == "error \(expected)")
  }

  /// Every proper prefix of a document is truncated, and says so where it ends.
  @Test(arguments: [1, 3])
  func aDocumentCutAnywhereSaysItIsTruncatedAtItsEnd(chunkSize: Int) {
    let text = #"{"a": [1, -2.5, "x\u00e9\\", {"b": null}, [true, false]], "c": "é"}"#
    let bytes = Array(text.utf8)
    for length in 0..<bytes.count {
      let prefix = Array(bytes.prefix(length))
      let end = "1:\(String(decoding: prefix, as: UTF8.self).count + 1)"
      let last = events(prefix, chunkSize: chunkSize).last ?? ""
      #expect(last.hasPrefix("error \(end): "), "\(length) bytes")
      #expect(last.hasSuffix("found the end of the file; \(truncated)"), "\(length) bytes")
    }
    #expect(events(bytes, chunkSize: chunkSize).last == "1:67 }")
  }

  // MARK: - Limits and encoding

  @Test func refusesNestingDeeperThanTheLimit() {
    let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(events(deepest).count == 1024)
    let deeper = "[" + deepest + "]"
    #expect(
      events(deeper).last
        == "error 1:513: expected at most 512 nested arrays and objects, found one more; "
        + "is the file hostile?")
    #expect(
      events("[{\"a\": {}}]", maxDepth: 2).last
        == "error 1:8: expected at most 2 nested arrays and objects, found one more; "
        + "is the file hostile?")
  }

  @Test(
    arguments: [
      (
        [0x22, 0x61, 0xFF, 0x22],
        "1:3: expected UTF-8 text in a string, found the byte 0xFF, which is not UTF-8"
      ),
      (
        [0x22, 0xC0, 0xAF, 0x22],
        "1:2: expected UTF-8 text in a string, found the byte 0xC0, which is not UTF-8"
      ),
      (
        [0x22, 0xED, 0xA0, 0x80, 0x22],
        "1:3: expected a UTF-8 continuation byte from 0x80 to 0x9F, found the byte 0xA0"
      ),
      (
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
        "1:3: expected a UTF-8 continuation byte from 0x80 to 0x8F, found the byte 0x90"
      ),
      (
        [0x22, 0xE2, 0x82, 0x41, 0x22],
        "1:3: expected a UTF-8 continuation byte from 0x80 to 0xBF, found the byte 0x41"
      ),
    ] as [([UInt8], String)])
  func refusesInvalidUTF8WhereItIs(bytes: [UInt8], expected: String) {
    #expect(events(bytes, chunkSize: 1).last == "error \(expected)")
  }

  @Test(arguments: chunkSizes)
  func namesTheCharacterFoundOutsideAString(chunkSize: Int) {
    // With small chunks the character runs on into the next chunk.
    #expect(
      events("[é]", chunkSize: chunkSize).last
        == "error 1:2: expected a value or ']' after '[', found 'é'")
    #expect(
      events("[1, 😀]", chunkSize: chunkSize).last
        == "error 1:5: expected a value after ',', found '😀'")
    #expect(
      events([0x22, 0xE2, 0x82]).last
        == "error 1:3: expected the rest of a UTF-8 character, found the end of the file; "
        + truncated)
  }

  // MARK: - Values

  @Test(arguments: chunkSizes)
  func skipsOneValueAndReadsTheNextIntoATree(chunkSize: Int) throws {
    let text = """
      {"skip": {"deep": ["x", {"y": "\\u00e9"}], "n": 1},
       "keep": {"n": 2.50, "i": 3.0, "s": "t", "l": [true, null], "z": "last"}}
      """
    let reader = try JSONEventReader(memory(text), chunkSize: chunkSize)
    #expect(try reader.next()?.kind == .objectStart)
    #expect(try reader.nextKey()?.key == "skip")
    try reader.skipValue()
    #expect(try reader.nextKey().map { "\($0.line):\($0.column)" } == "2:2")
    let node = try reader.readNode()
    #expect((node.line, node.column) == (2, 10))
    #expect(node["n"]?.number == 2.5)
    #expect(node["n"]?.integer == nil)
    #expect(node["i"]?.integer == 3)
    #expect(node["s"]?.string == "t")
    #expect(node["z"]?.string == "last")
    #expect(node["l"]?.elements?.map(\.isNull) == [false, true])
    #expect(node["l"]?.elements?.last.map { "\($0.line):\($0.column)" } == "2:54")
    #expect(try reader.nextKey() == nil)
    #expect(try reader.next() == nil)
  }
}

private let truncated = "is it truncated?"

private func memory(_ text: String) -> ArtifactFile {
  ArtifactFile(SourceFile(path: "t.json", text: text))
}

/// Every event of the text as "line:col kind text", then "error line:col: message" if the
/// reader stopped at an error.
private func events(_ text: String, chunkSize: Int = 1 << 16, maxDepth: Int = 512) -> [String] {
  events(Array(text.utf8), chunkSize: chunkSize, maxDepth: maxDepth)
}

private func events(_ bytes: [UInt8], chunkSize: Int = 1 << 16, maxDepth: Int = 512)
  -> [String]
{
  var found: [String] = []
  do {
    let file = ArtifactFile(SourceFile(path: "t.json", bytes: bytes))
    let reader = try JSONEventReader(file, chunkSize: chunkSize, maxDepth: maxDepth)
    while let event = try reader.next() { found.append(describe(event)) }
  } catch {
    found.append("error " + summary([error]).joined())
  }
  return found
}

private func describe(_ event: JSONEvent) -> String {
  let text =
    switch event.kind {
    case .objectStart: "{"
    case .objectEnd: "}"
    case .arrayStart: "["
    case .arrayEnd: "]"
    case .key(let name): "key \(name)"
    case .string(let text): "string \(text)"
    case .number(let text): "number \(text)"
    case .bool(let flag): "\(flag)"
    case .null: "null"
    }
  return "\(event.line):\(event.column) \(text)"
}

/// A key written twice in an object a reader looks into is an error at the second, never a
/// silent choice: a second `runs` could otherwise hide a log's findings.
@Suite struct DuplicateKeyTests {
  @Test(arguments: [
    (
      "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"a\"}}, "
        + "\"results\": [{\"level\": \"error\"}]}],\n\"runs\": []}",
      "2:1: expected each key once in an object, found \"runs\" again (first at 1:22)"
    ),
    (
      "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"level\": \"error\", "
        + "\"level\": \"note\"}]}]}",
      "1:63: expected each key once in an object, found \"level\" again (first at 1:45)"
    ),
  ])
  func aRepeatedKeyInARunOrResultIsAnError(text: String, expected: String) {
    do {
      _ = try SARIFReader.read(SourceFile(path: "d.sarif", text: text))
      Issue.record("read a log with a repeated key")
    } catch {
      #expect(summary([error]) == [expected])
    }
  }

  /// Inside a part that is stepped over (a message's properties), repeats are not looked at.
  @Test func aRepeatedKeyInsideASkippedValueIsRead() throws {
    let text =
      "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"level\": \"error\", "
      + "\"message\": {\"text\": \"a\", \"text\": \"b\"}}]}]}"
    let reading = try SARIFReader.read(SourceFile(path: "d.sarif", text: text))
    #expect(reading.metrics["open_critical_findings"] == 1)
  }

  @Test func aRepeatedComponentsListInAnSBOMIsAnError() {
    let text =
      "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [], "
      + "\"components\": []}"
    #expect(throws: Diagnostic.self) {
      _ = try SBOMReader.read(SourceFile(path: "b.json", text: text))
    }
  }
}

/// Text a reader keeps (keys, names, numbers) is at most 1 MB; skipped text is not kept at
/// all, however long.
@Suite struct LongTextTests {
  static let long = String(repeating: "a", count: JSONEventReader.maxTextBytes + 1)

  @Test func aKeyOverTheLimitIsAnErrorAtItsStart() {
    let text = "{\"version\": \"2.1.0\",\n  \"\(Self.long)\": 1, \"runs\": []}"
    #expect(throws: Diagnostic.self) { _ = try SARIFReader.read(SourceFile(path: "k", text: text)) }
    do {
      _ = try SARIFReader.read(SourceFile(path: "k", text: text))
    } catch {
      #expect(
        summary([error]) == [
          "2:3: expected a string of at most 1 MB where one is read, found a longer one; is the "
            + "file hostile?"
        ])
    }
  }

  @Test func aToolNameOverTheLimitIsAnError() {
    let text =
      "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"\(Self.long)\"}}, "
      + "\"results\": []}]}"
    #expect(throws: Diagnostic.self) { _ = try SARIFReader.read(SourceFile(path: "n", text: text)) }
  }

  @Test func aLongNumberOrMessageInsideASkippedValueIsRead() throws {
    let digits = String(repeating: "7", count: JSONEventReader.maxTextBytes * 2)
    let text =
      "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"level\": \"error\", "
      + "\"message\": {\"text\": \"\(Self.long)\(Self.long)\"}, \"rank\": \(digits)}]}]}"
    let reading = try SARIFReader.read(SourceFile(path: "s", text: text))
    #expect(reading.metrics["open_critical_findings"] == 1)
  }
}

/// What a reader reads whole (a result's `rule`) and the keys it remembers are bounded.
@Suite struct ReadWholeLimitTests {
  @Test func aValueReadWholeOverItsBudgetIsAnErrorAtItsStart() {
    let items = Array(repeating: "1", count: JSONEventReader.maxNodeItems).joined(separator: ",")
    let text =
      "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [\n  {\"rule\": {\"id\": [\(items)]}}]}]}"
    #expect(
      readErrors(.sarif, SourceFile(path: "r.sarif", text: text)) == [
        "2:12: expected a small value here (at most 10000 items and 1 MB of text), found a "
          + "larger one; is the file hostile?"
      ])
  }

  @Test func tooManyKeysInAnObjectThatIsReadIsAnError() {
    let keys = (0...JSONEventReader.maxKeysPerObject).map { "\"k\($0)\": 0" }
    let text =
      "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{"
      + keys.joined(separator: ", ") + "}]}]}"
    let errors = readErrors(.sarif, SourceFile(path: "r.sarif", text: text))
    #expect(errors.count == 1)
    #expect(
      errors.first?.hasSuffix(
        "expected at most 10000 keys in an object that is read, found more; is the file hostile?")
        == true)
  }
}

import Foundation

/// Writes realistic large artifacts piece by piece, never holding the whole file.
enum ArtifactGenerator {
  /// A JUnit report of suites of 50 cases; one case in 20 fails with a message and a stack.
  /// Returns the number of test cases.
  static func writeJUnit(to handle: FileHandle, bytes: Int) -> Int {
    var written = 0
    var cases = 0
    var suite = 0
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"generated\">\n"
    handle.write(Data(head.utf8))
    while written < bytes {
      var text = "  <testsuite name=\"com.example.payments.Suite\(suite)Test\" tests=\"50\">\n"
      for index in 0..<50 {
        let name = "settlesBatch\(index)WithCurrency\(index % 7)"
        text += "    <testcase classname=\"com.example.payments.Suite\(suite)Test\" "
        text += "name=\"\(name)\" time=\"0.\(100 + index)\""
        if (cases + index) % 20 == 0 {
          text += ">\n      <failure message=\"expected 100.00 but was 99.99\" "
          text += "type=\"java.lang.AssertionError\">java.lang.AssertionError: expected 100.00"
          text += "\n\tat com.example.payments.Suite\(suite)Test.\(name)(Suite.java:\(index))"
          text += "\n</failure>\n    </testcase>\n"
        } else {
          text += "/>\n"
        }
      }
      text += "  </testsuite>\n"
      handle.write(Data(text.utf8))
      written += text.utf8.count
      cases += 50
      suite += 1
    }
    handle.write(Data("</testsuites>\n".utf8))
    return cases
  }

  /// A SARIF log with one run of a code scanner: ten rules, results with a message, a
  /// location and a fingerprint; one in ten suppressed. Returns the number of results.
  static func writeSARIF(to handle: FileHandle, bytes: Int) -> Int {
    let rules = (0..<10).map { index in
      """
      {"id": "PAY\(1000 + index)", "name": "Rule\(index)", "shortDescription": {"text": \
      "Generated rule \(index)"}, "defaultConfiguration": {"level": \
      "\(["error", "warning", "note"][index % 3])"}, "properties": {"security-severity": \
      "\(Double(index) + 0.5)", "tags": ["security"]}}
      """
    }
    var text = """
      {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", \
      "runs": [{"tool": {"driver": {"name": "GeneratedScanner", "version": "1.0.0", \
      "rules": [\(rules.joined(separator: ", "))]}}, "results": [

      """
    handle.write(Data(text.utf8))
    var written = text.utf8.count
    var results = 0
    while written < bytes {
      text = ""
      for _ in 0..<100 {
        let rule = results % 10
        let suppressed = results % 10 == 3 ? ", \"suppressions\": [{\"kind\": \"inSource\"}]" : ""
        text += results == 0 ? "  " : ",\n  "
        text += """
          {"ruleId": "PAY\(1000 + rule)", "ruleIndex": \(rule), "message": {"text": \
          "Possible tainted value reaches a sink in handler \(results)."}, "locations": \
          [{"physicalLocation": {"artifactLocation": {"uri": \
          "src/main/java/com/example/payments/Handler\(results % 500).java"}, "region": \
          {"startLine": \(results % 900 + 1), "startColumn": 5}}}], \
          "partialFingerprints": {"primaryLocationLineHash": "\(results * 7919)"}\(suppressed)}
          """
        results += 1
      }
      handle.write(Data(text.utf8))
      written += text.utf8.count
    }
    handle.write(Data("\n]}]}\n".utf8))
    return results
  }

  /// A Cobertura report of classes of 200 lines, one in eight a branch; three in four lines
  /// hit. Returns the number of `<line>` records.
  static func writeCobertura(to handle: FileHandle, bytes: Int) -> Int {
    let head = """
      <?xml version="1.0" ?>
      <coverage line-rate="0.75" branch-rate="0.5" version="7.4" timestamp="1733300000">
      <sources><source>/src</source></sources>
      <packages><package name="payments" line-rate="0.75" branch-rate="0.5">
      <classes>

      """
    handle.write(Data(head.utf8))
    var written = head.utf8.count
    var lines = 0
    var file = 0
    while written < bytes {
      var text = "<class name=\"Handler\(file)\" filename=\"payments/handler_\(file).py\" "
      text += "line-rate=\"0.75\" branch-rate=\"0.5\"><methods/><lines>\n"
      for number in 1...200 {
        let hits = number % 4 == 0 ? 0 : number % 9 + 1
        if number % 8 == 0 {
          text += "<line number=\"\(number)\" hits=\"\(hits)\" branch=\"true\" "
          text += "condition-coverage=\"50% (1/2)\"/>\n"
        } else {
          text += "<line number=\"\(number)\" hits=\"\(hits)\"/>\n"
        }
      }
      text += "</lines></class>\n"
      handle.write(Data(text.utf8))
      written += text.utf8.count
      lines += 200
      file += 1
    }
    handle.write(Data("</classes></package></packages></coverage>\n".utf8))
    return lines
  }

  /// An LCOV tracefile of records of 200 `DA:` lines and 25 `BRDA:` pairs. Returns the
  /// number of `DA:` lines.
  static func writeLCOV(to handle: FileHandle, bytes: Int) -> Int {
    var written = 0
    var lines = 0
    var file = 0
    while written < bytes {
      var text = "TN:\nSF:/src/payments/handler_\(file).c\n"
      for number in 1...200 {
        text += "DA:\(number),\(number % 4 == 0 ? 0 : number % 9 + 1)\n"
      }
      for number in stride(from: 8, through: 200, by: 8) {
        text += "BRDA:\(number),0,0,1\nBRDA:\(number),0,1,-\n"
      }
      text += "LF:200\nLH:150\nBRF:50\nBRH:25\nend_of_record\n"
      handle.write(Data(text.utf8))
      written += text.utf8.count
      lines += 200
      file += 1
    }
    return lines
  }
}

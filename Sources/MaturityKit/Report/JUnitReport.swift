/// The assessment as JUnit XML for CI dashboards: one test suite per domain and standard,
/// one test case per requirement the target needs (failed when it does not pass, with the
/// reason as the message), and a suite for the gate's checks.
public struct JUnitReport: Sendable {
  /// Minimum level per domain that the gate asks for; it overrides the scope's target.
  public var gateLevels: [String: Int]

  public init(gateLevels: [String: Int] = [:]) {
    self.gateLevels = gateLevels
  }

  /// - Parameter inputErrors: problems reading the input; each becomes an errored test
  ///   case, so a CI dashboard shows them even when a bundle could not be read at all.
  public func render(
    _ items: [(assessment: Assessment, gate: GateResult?)], inputErrors: [Diagnostic] = []
  ) -> String {
    var suites: [String] = []
    var tests = 0
    var failures = 0
    var skipped = 0
    var errors = 0
    for (assessment, gate) in items {
      for domain in assessment.domains {
        for result in domain.standards {
          let suite = self.suite(result, domain: domain, assessment: assessment)
          suites.append(suite.xml)
          tests += suite.tests
          failures += suite.failures
          skipped += suite.skipped
        }
      }
      if let gate {
        let suite = gateSuite(gate, assessment: assessment)
        suites.append(suite.xml)
        tests += suite.tests
        failures += suite.failures
      }
    }
    if !inputErrors.isEmpty {
      var cases = ""
      for problem in inputErrors {
        let name = problem.location.map(\.description) ?? "input"
        cases += "    <testcase classname=\"input\" name=\"\(Self.escape(name))\" time=\"0\">\n"
        cases += "      <error type=\"input\" message=\"\(Self.escape(problem.message))\"/>\n"
        cases += "    </testcase>\n"
      }
      var xml = "  <testsuite name=\"maturity input\" tests=\"\(inputErrors.count)\" failures=\"0\""
      xml += " errors=\"\(inputErrors.count)\" skipped=\"0\" time=\"0\">\n"
      suites.append(xml + cases + "  </testsuite>\n")
      tests += inputErrors.count
      errors = inputErrors.count
    }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"maturity\" tests=\"\(tests)\" failures=\"\(failures)\""
    xml += " errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0\">\n"
    xml += suites.joined()
    xml += "</testsuites>\n"
    return xml
  }

  private struct Suite {
    var xml: String
    var tests: Int
    var failures: Int
    var skipped = 0
  }

  private func suite(_ result: StandardResult, domain: DomainResult, assessment: Assessment)
    -> Suite
  {
    let strict = assessment.options.isStrict
    let target = gateLevels[domain.id] ?? domain.target ?? result.standard.maxLevel
    let needed = result.requirements.filter { gap in
      gap.requirement.isRequired && (gap.requirement.level ?? 0) <= target
    }
    var cases = ""
    var failures = 0
    var skipped = 0
    let className = Self.escape(result.standard.id).replacingOccurrences(of: "-", with: "_")
    for requirement in needed {
      let level = requirement.requirement.level.map { " (L\($0))" } ?? ""
      cases +=
        "    <testcase classname=\"\(className).\(Self.escape(requirement.subItemID))\""
      cases += " name=\"\(Self.escape(requirement.id + level))\" time=\"0\">\n"
      if requirement.status == .notApplicable {
        skipped += 1
        cases += "      <skipped message=\"\(Self.escape(requirement.reason))\"/>\n"
      } else if !requirement.status.passes(strict: strict) {
        failures += 1
        cases += "      <failure type=\"\(requirement.status.rawValue)\""
        cases +=
          " message=\"\(Self.escape(requirement.status.words + ": " + requirement.reason))\">"
        cases += Self.escape(requirement.requirement.text) + "</failure>\n"
      } else if requirement.status == .waived {
        cases += "      <system-out>\(Self.escape(requirement.reason))</system-out>\n"
      }
      cases += "    </testcase>\n"
    }
    let name = "\(assessment.bundlePath) · \(domain.id) · \(result.standard.id)"
    var xml = "  <testsuite name=\"\(Self.escape(name))\" tests=\"\(needed.count)\""
    xml += " failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\">\n"
    xml += cases + "  </testsuite>\n"
    return Suite(xml: xml, tests: needed.count, failures: failures, skipped: skipped)
  }

  private func gateSuite(_ gate: GateResult, assessment: Assessment) -> Suite {
    var cases = ""
    for check in gate.checks {
      cases += "    <testcase classname=\"gate\" name=\"\(Self.escape(check.name))\" time=\"0\">\n"
      if !check.passed {
        cases += "      <failure type=\"gate\" message=\"\(Self.escape(check.detail))\"/>\n"
      }
      cases += "    </testcase>\n"
    }
    let failures = gate.checks.filter { !$0.passed }.count
    let name = "\(assessment.bundlePath) · gate"
    var xml = "  <testsuite name=\"\(Self.escape(name))\" tests=\"\(gate.checks.count)\""
    xml += " failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
    xml += cases + "  </testsuite>\n"
    return Suite(xml: xml, tests: gate.checks.count, failures: failures)
  }

  /// Escapes text for XML attributes and content; characters XML 1.0 cannot hold at all
  /// become U+FFFD.
  static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\n": result += "&#10;"
      case "\r": result += "&#13;"
      case "\t": result += "&#9;"
      default:
        let value = scalar.value
        let allowed =
          value >= 0x20 && !(0xD800...0xDFFF).contains(value) && value != 0xFFFE
          && value != 0xFFFF
        result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return result
  }
}

import Foundation

extension CoberturaReader {
  /// Line or branch coverage, and the root attributes that summarise it.
  enum Kind {
    case lines, branches

    var noun: String { self == .lines ? "line" : "branch" }
    var rateAttribute: String { self == .lines ? "line-rate" : "branch-rate" }
    var validAttribute: String { self == .lines ? "lines-valid" : "branches-valid" }
    var coveredAttribute: String { self == .lines ? "lines-covered" : "branches-covered" }
  }

  /// The root `<coverage>` element's attributes, and where warnings about them point.
  struct Root {
    var attributes: [String: String]
    var file: ArtifactFile
    var at: (line: Int, column: Int)
    /// The text of line `at.line`, quoted in warnings.
    var text: String?

    func warning(_ message: String) -> Diagnostic {
      let location = SourceLocation(file: file.path, line: at.line, column: at.column)
      return Diagnostic(.warning, message, at: location, sourceLine: text)
    }
  }

  /// The share to report for `kind`: the records' counts with the root's rate when it has
  /// one; the root's own counts and rate when no record measures `kind`; nil when neither
  /// does ("not measured").
  static func share(
    _ kind: Kind, counted: CoverageTotals.Share, root: Root, warnings: inout [Diagnostic]
  ) -> CoverageTotals.Share? {
    let rate = rootRate(kind, root, &warnings)
    if counted.total > 0 {
      warnings += disagreements(kind, rate: rate, counted: counted, root: root)
      return CoverageTotals.Share(
        covered: counted.covered, total: counted.total, percent: rate.map { $0 * 100 })
    }
    guard let rate, let claimed = rootCounts(kind, root), claimed.total > 0 else { return nil }
    warnings.append(
      root.warning(
        "no <line> record carries \(kind.noun) data, so \(kind.rateAttribute)=\""
          + "\(root.attributes[kind.rateAttribute] ?? "")\" on <coverage> is reported unchecked"))
    return CoverageTotals.Share(
      covered: claimed.covered, total: claimed.total, percent: rate * 100)
  }

  /// The root's rate for `kind` from 0 to 1, or nil when it is missing, empty or NaN (said
  /// nothing) or is not such a number (warned).
  private static func rootRate(_ kind: Kind, _ root: Root, _ warnings: inout [Diagnostic])
    -> Double?
  {
    guard let text = root.attributes[kind.rateAttribute], !isUnmeasured(text) else {
      return nil
    }
    if let rate = number(text), rate >= 0, rate <= 1 { return rate }
    warnings.append(
      root.warning(
        "expected \(kind.rateAttribute) on <coverage> to be a number from 0 to 1, found "
          + "\"\(text)\"; \(kind.noun) coverage is recomputed from the records"))
    return nil
  }

  /// The root's covered and valid counts for `kind`, when both are whole numbers.
  private static func rootCounts(_ kind: Kind, _ root: Root) -> CoverageTotals.Share? {
    guard let covered = count(root.attributes[kind.coveredAttribute]),
      let total = count(root.attributes[kind.validAttribute]), covered <= total
    else { return nil }
    return CoverageTotals.Share(covered: covered, total: total)
  }

  /// Warnings where the root's rate or counts contradict the records.
  private static func disagreements(
    _ kind: Kind, rate: Double?, counted: CoverageTotals.Share, root: Root
  ) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let records = "\(counted.covered) of \(counted.total) \(kind.noun)s covered"
    let ratio = Double(counted.covered) / Double(counted.total)
    if let rate, let text = root.attributes[kind.rateAttribute],
      abs(rate - ratio) > roundingAllowance(text)
    {
      found.append(
        root.warning(
          "\(kind.rateAttribute)=\"\(text)\" on <coverage> disagrees with the records "
            + "(\(records)); the root's rate is reported"))
    }
    let valid = count(root.attributes[kind.validAttribute])
    let covered = count(root.attributes[kind.coveredAttribute])
    if valid.map({ $0 != counted.total }) == true || covered.map({ $0 != counted.covered }) == true
    {
      found.append(
        root.warning(
          "\(kind.validAttribute) and \(kind.coveredAttribute) on <coverage> disagree with "
            + "the records (\(records)); the records are counted"))
    }
    return found
  }

  /// Half a unit in the last decimal written, so "0.97" matches 350 of 362 (0.9669).
  private static func roundingAllowance(_ text: String) -> Double {
    let decimals = text.split(separator: ".").dropFirst().first?.prefix { $0.isNumber }.count
    var allowance = 0.05
    for _ in 1..<max(decimals ?? 1, 1) { allowance /= 10 }
    return allowance + 1e-9
  }

  /// True for an attribute that says "not measured": empty or NaN.
  static func isUnmeasured(_ text: String) -> Bool {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || trimmed.lowercased() == "nan"
  }

  /// A finite decimal number in plain or exponent notation; nil for anything else.
  static func number(_ text: String) -> Double? {
    // The common case, digits and nothing else, without Foundation's trimming: this runs
    // for every `<line>` of a report.
    let isPlain = !text.isEmpty && text.utf8.allSatisfy(NumberText.isNumberByte)
    let trimmed = isPlain ? text : text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, trimmed.utf8.allSatisfy(NumberText.isNumberByte),
      let value = Double(trimmed),
      value.isFinite
    else { return nil }
    return value
  }

  /// A whole number of 0 or more, also when written as a float ("1.0").
  static func count(_ text: String?) -> Int? {
    guard let text, let value = number(text), value >= 0, value == value.rounded(),
      value < 1e15
    else { return nil }
    return Int(value)
  }

  /// The counts in `condition-coverage="50% (1/2)"`: 1 of 2 branches taken.
  static func conditionCounts(_ text: String) -> (covered: Int, total: Int)? {
    guard let open = text.lastIndex(of: "("), let close = text.lastIndex(of: ")"),
      open < close
    else { return nil }
    let parts = text[text.index(after: open)..<close].split(separator: "/")
    guard parts.count == 2, let covered = count(String(parts[0])),
      let total = count(String(parts[1])), total > 0, covered <= total
    else { return nil }
    return (covered, total)
  }
}

extension LCOVReader {
  /// One record, from `SF:` to `end_of_record`: its lines, branches and summary claims.
  struct Record {
    /// A summary line (`LF:12`) and where it was written.
    struct Claim {
      var value: Int
      var line: Line
    }

    var path: String
    /// The line of the `SF:` that opened the record.
    var line: Int
    /// Line number → covered by one of this record's `DA:` lines.
    var lines: [Int: Bool] = [:]
    /// `line,block,branch` → taken by one of this record's `BRDA:` lines.
    var branches: [BranchKey: Bool] = [:]
    /// `LF`, `LH`, `BRF`, `BRH` → the claim.
    var claims: [String: Claim] = [:]

    mutating func addLine(_ number: Int, isCovered: Bool) {
      lines[number] = lines[number] == true || isCovered
    }

    mutating func addBranch(_ key: BranchKey, isTaken: Bool) {
      branches[key] = branches[key] == true || isTaken
    }

    /// Adds this record's lines and branches to `totals`.
    func add(to totals: inout CoverageTotals) {
      totals.addFile(path)
      for (number, isCovered) in lines {
        totals.addLine(number, isCovered: isCovered, in: path)
      }
      for (key, isTaken) in branches {
        totals.addBranches(key, covered: isTaken ? 1 : 0, total: 1, in: path)
      }
    }

    /// A warning for each summary line that disagrees with the records, in line order.
    func disagreements(in file: ArtifactFile) -> [Diagnostic] {
      let counted = [
        ("LF", lines.count), ("LH", lines.values.count(where: { $0 })),
        ("BRF", branches.count), ("BRH", branches.values.count(where: { $0 })),
      ]
      return counted.compactMap { key, value -> (Int, Diagnostic)? in
        guard let claim = claims[key], claim.value != value else { return nil }
        let message =
          "\(key):\(claim.value) disagrees with the records, whose "
          + records(key, value) + "; the records are counted"
        return (claim.line.number, claim.line.diagnostic(.warning, message, in: file, column: 1))
      }
      .sorted { $0.0 < $1.0 }
      .map(\.1)
    }

    /// What the records say for the summary `key`.
    private func records(_ key: String, _ value: Int) -> String {
      switch key {
      case "LF": return "DA lines name \(value) distinct lines"
      case "LH": return "DA lines cover \(value) distinct lines"
      case "BRF": return "BRDA lines name \(value) distinct branches"
      default: return "BRDA lines show \(value) branches taken"
      }
    }
  }
}

/// Which branch of a source file a record counts: a line with LCOV's block and branch
/// numbers (Cobertura has one entry a line, block and branch 0), or the text of fields that
/// are not whole numbers.
enum BranchKey: Hashable, Sendable {
  case numbers(line: Int, block: Int, branch: Int)
  case text(String)

  /// The key of `fields` (`line`, `block`, `branch`, …), numeric when all three are.
  init(_ fields: ArraySlice<Substring>) {
    let numbers = fields.compactMap { LCOVReader.Line.wholeNumber($0) }
    if fields.count == 3, numbers.count == 3 {
      self = .numbers(line: numbers[0], block: numbers[1], branch: numbers[2])
    } else {
      self = .text(fields.joined(separator: ","))
    }
  }
}

/// The branches of one source file: covered and present behind each key, the common keys
/// (line below 2^40, block and branch below 2^12) packed into one word with their counts,
/// so that millions of branches cost some 40 bytes each with the dictionary's room.
struct BranchSet: Sendable {
  private var packed: [UInt64: UInt64] = [:]
  private var others: [BranchKey: UInt64] = [:]

  /// Records `covered` of `total` branches behind `key`; a key seen again keeps the larger
  /// counts.
  mutating func add(_ key: BranchKey, covered: Int, total: Int) {
    let counts = UInt64(UInt32(clamping: covered)) << 32 | UInt64(UInt32(clamping: total))
    if case .numbers(let line, let block, let branch) = key, line < 1 << 40, block < 1 << 12,
      branch < 1 << 12
    {
      let word = UInt64(line) << 24 | UInt64(block) << 12 | UInt64(branch)
      packed[word] = Self.larger(packed[word], counts)
    } else {
      others[key] = Self.larger(others[key], counts)
    }
  }

  /// Branches covered and present, summed over the keys.
  var share: (covered: Int, total: Int) {
    let add = { (sum: (covered: Int, total: Int), counts: UInt64) in
      (sum.covered + Int(counts >> 32), sum.total + Int(counts & 0xFFFF_FFFF))
    }
    return others.values.reduce(packed.values.reduce((0, 0), add), add)
  }

  private static func larger(_ old: UInt64?, _ new: UInt64) -> UInt64 {
    guard let old else { return new }
    let covered = max(old >> 32, new >> 32)
    let total = max(old & 0xFFFF_FFFF, new & 0xFFFF_FFFF)
    return covered << 32 | total
  }
}

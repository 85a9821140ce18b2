/// The distinct line numbers of one source file and whether each was covered, in two bits a
/// line while the numbers are dense and in a dictionary for numbers far beyond the count, so
/// a coverage report of millions of lines stays small and a hostile `DA:999999999,1` costs
/// one entry, not a bitmap that long.
struct LineSet: Sendable {
  /// Two bits a line, 32 lines a word: bit 2n says line n was seen, bit 2n+1 covered.
  private var bits: [UInt64] = []
  /// Lines whose numbers were too far beyond the bitmap when first seen.
  private var sparse: [Int: Bool] = [:]
  /// Distinct lines, and those covered by at least one record.
  private(set) var count = 0
  private(set) var covered = 0

  /// Records line `number` (0 or more); a line seen again stays covered once covered.
  mutating func add(_ number: Int, isCovered: Bool) {
    if !sparse.isEmpty, let old = sparse[number] {
      if isCovered, !old {
        sparse[number] = true
        covered += 1
      }
      return
    }
    let word = number / 32
    if word >= bits.count {
      // Grow while the bitmap stays within a few bytes a line seen so far.
      guard word < max(128, 2 * (count + 1)) else {
        sparse[number] = isCovered
        count += 1
        covered += isCovered ? 1 : 0
        return
      }
      bits += repeatElement(0, count: max(word + 1, bits.count * 2) - bits.count)
    }
    let seen: UInt64 = 1 << UInt64(2 * (number % 32))
    let hit = seen << 1
    if bits[word] & seen == 0 {
      bits[word] |= seen
      count += 1
    }
    if isCovered, bits[word] & hit == 0 {
      bits[word] |= hit
      covered += 1
    }
  }
}

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
/// so that millions of branches cost some 24 bytes each.
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
    let all = packed.values.lazy.map { $0 } + others.values.lazy.map { $0 }
    return all.reduce((0, 0)) { ($0.0 + Int($1 >> 32), $0.1 + Int($1 & 0xFFFF_FFFF)) }
  }

  private static func larger(_ old: UInt64?, _ new: UInt64) -> UInt64 {
    guard let old else { return new }
    let covered = max(old >> 32, new >> 32)
    let total = max(old & 0xFFFF_FFFF, new & 0xFFFF_FFFF)
    return covered << 32 | total
  }
}

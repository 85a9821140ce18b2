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

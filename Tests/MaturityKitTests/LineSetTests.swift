import Testing

@testable import MaturityKit

@Suite struct LineSetTests {
  /// Lines seen twice count once, and a line covered by any record stays covered.
  @Test func repeatedLinesCountOnceAndCoverageSticks() {
    var set = LineSet()
    for (number, isCovered) in [(1, false), (2, true), (1, true), (2, false), (0, false)] {
      set.add(number, isCovered: isCovered)
    }
    #expect(set.count == 3)
    #expect(set.covered == 2)
  }

  /// Numbers far past the lines seen go to the dictionary; one seen again there, or after
  /// the bitmap has grown past it, is still one line.
  @Test func sparseAndDenseNumbersStayDistinct() {
    var set = LineSet()
    set.add(999_999_999_999, isCovered: false)
    set.add(5_000, isCovered: false)
    for number in 0..<10_000 { set.add(number, isCovered: number % 2 == 0) }
    set.add(5_000, isCovered: true)
    set.add(999_999_999_999, isCovered: true)
    #expect(set.count == 10_001)
    #expect(set.covered == 5_001)
  }

  /// Every number from 0 to 300 lands on its own two bits, across word boundaries.
  @Test func eachNumberHasItsOwnBits() {
    var set = LineSet()
    for number in stride(from: 300, through: 0, by: -1) {
      set.add(number, isCovered: number % 31 == 0)
    }
    for number in 0...300 { set.add(number, isCovered: false) }
    #expect(set.count == 301)
    #expect(set.covered == 10)
  }

  @Test func branchKeysAreNumericWhenAllThreeFieldsAre() {
    #expect(BranchKey(["12", "0", "3"]) == .numbers(line: 12, block: 0, branch: 3))
    #expect(BranchKey(["12", "0", "e1"]) == .text("12,0,e1"))
    #expect(BranchKey(["12", "0", "1", "x"]) == .text("12,0,1,x"))
  }
}

@Suite struct BranchSetTests {
  /// A key seen again keeps the larger counts; packed and unpacked keys never mix.
  @Test func repeatedKeysKeepTheLargerCounts() {
    var set = BranchSet()
    set.add(.numbers(line: 3, block: 0, branch: 1), covered: 0, total: 1)
    set.add(.numbers(line: 3, block: 0, branch: 1), covered: 1, total: 1)
    set.add(.numbers(line: 3, block: 1, branch: 0), covered: 0, total: 1)
    set.add(.numbers(line: 1 << 41, block: 0, branch: 0), covered: 1, total: 2)
    set.add(.numbers(line: 1 << 41, block: 0, branch: 0), covered: 0, total: 3)
    set.add(.text("3,0,e1"), covered: 1, total: 1)
    set.add(.numbers(line: 9, block: 4095, branch: 4096), covered: 2, total: 4)
    #expect(set.share.covered == 1 + 0 + 1 + 1 + 2)
    #expect(set.share.total == 1 + 1 + 3 + 1 + 4)
  }

  /// Lines, blocks and branches each have their own bits in a packed key.
  @Test func packedKeysDoNotCollide() {
    var set = BranchSet()
    let keys: [(Int, Int, Int)] = [(1, 0, 0), (0, 1, 0), (0, 0, 1), (4096, 0, 0), (0, 4095, 4095)]
    for (line, block, branch) in keys {
      set.add(.numbers(line: line, block: block, branch: branch), covered: 1, total: 1)
    }
    #expect(set.share.total == 5)
  }
}

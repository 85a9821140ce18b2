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

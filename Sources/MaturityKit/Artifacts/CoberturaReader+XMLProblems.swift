extension CoberturaReader {
  /// libxml2's code for a reference to an entity that an unread external DTD may declare;
  /// the parser reports it and goes on, so it is a warning, not a failure.
  static let undeclaredEntityWarning = 27

  /// What a libxml2 error code means, said as expected and found. The parser on Linux
  /// gives only the code, no message.
  static func xmlProblem(_ code: Int, isRootClosed: Bool) -> String {
    switch code {
    case 4: return "expected an XML element, found none"
    case 5 where isRootClosed: return "expected nothing after </coverage>, found more content"
    case 5, 77: return "expected the open elements to be closed, found the end of the file"
    case 9: return "found a character that is not allowed in XML or is not UTF-8"
    case 26: return "found a reference to an entity that is not declared"
    case 39: return "expected an attribute value in quotes"
    case 40: return "expected the closing quote of an attribute value"
    case 41: return "expected '=' and a value after an attribute name"
    case 42: return "found an attribute written twice on one element"
    case 45: return "expected '-->' to close a comment"
    case 65, 73: return "expected '>' to close a tag"
    case 76: return "expected the end tag of the open element, found another name"
    case 89: return "found entities that expand too far"
    default: return XMLSyntax.problem(code)
    }
  }

  /// The lines searched for the start of a tag that ends at `line`: attributes may wrap.
  static func linesSearched(endingAt line: Int) -> ClosedRange<Int> {
    max(line - 99, 1)...max(line, 1)
  }

  /// The start of the tag whose last character is at `line`, `column`: the nearest `<`
  /// before it, on that line or up to 100 lines above, found in `lines` (number → text).
  static func tagStart(in lines: [Int: String], line: Int, column: Int)
    -> (line: Int, column: Int)
  {
    var number = line
    var limit = column
    while number >= 1, number > line - 100, let text = lines[number] {
      if let index = text.prefix(limit).lastIndex(of: "<") {
        return (number, text.distance(from: text.startIndex, to: index) + 1)
      }
      number -= 1
      limit = Int.max
    }
    return (line, column)
  }
}

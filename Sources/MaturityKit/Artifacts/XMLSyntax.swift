/// What libxml2's syntax error codes mean, said as expected and found: FoundationXML on Linux
/// passes on only the code. The codes are libxml2's `xmlParserErrors`.
enum XMLSyntax {
  static let problems: [Int: String] = [
    4: "expected an XML element, found none",
    5: "expected nothing after the root element, found more",
    9: "expected characters XML allows, found one it does not (or bytes that are not UTF-8)",
    23: "expected ';' to end an entity reference, found none",
    26: "expected declared entities, found a reference to one that is not declared",
    29: "expected no reference to an external entity, found one",
    31: "expected an encoding this parser knows, found another",
    32: "expected an encoding this parser supports, found another",
    38: "expected no '<' inside an attribute value, found one",
    39: "expected an attribute value in quotes, found none",
    40: "expected the closing quote of an attribute value, found none",
    41: "expected '=' and a value after an attribute name, found none",
    42: "expected each attribute once in an element, found one written twice",
    43: "expected a quoted value, found none",
    44: "expected the closing quote of a value, found none",
    45: "expected '-->' to close a comment, found none",
    47: "expected '?>' to close a processing instruction, found none",
    57: "expected '?>' to close the XML declaration, found none",
    61: "expected '>' to close the DOCTYPE, found none",
    63: "expected ']]>' to close a CDATA section, found none",
    64: "expected a name not reserved for XML, found one starting with 'xml'",
    65: "expected a space, found none",
    68: "expected a name, found none (an '&' or '<' that should be written &amp; or &lt;?)",
    73: "expected '>' to close a tag, found none",
    76: "expected the end tag of the open element, found another name",
    77: "expected the open elements to be closed, found the end of the file",
    80: "expected no '--' inside a comment, found one",
    85: "expected every start tag closed in order, found them out of balance",
    86: "expected nothing more, found extra content",
    89: "expected entities of a bounded size, found ones that loop or grow too far",
    96: "expected a version in the XML declaration, found none",
  ]

  /// The problem `code` names, or a sentence naming the code when it is not in the table.
  static func problem(_ code: Int) -> String {
    problems[code] ?? "expected well-formed XML, found a syntax error (libxml2 code \(code))"
  }
}

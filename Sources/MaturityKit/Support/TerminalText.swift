/// Makes untrusted text safe to print on a terminal.
public enum TerminalText {
  /// Replaces control characters (escape sequences, carriage returns, bells) with
  /// visible `\u{..}` escapes, keeping tabs, so a note cannot recolour or clear a
  /// terminal.
  public static func neutralised(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value == 0x09 { return false }
    return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
  }
}

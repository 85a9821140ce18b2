/// Formats numbers the same way on every machine and in every locale.
public enum NumberText {
  /// A byte a decimal number may be written with: a digit, `.`, `e`, `E`, `+` or `-`. Readers
  /// check attribute text byte by byte with it before parsing, far faster than Foundation's
  /// trimming, for the millions of numbers of a large report.
  static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"),
      UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
      return true
    default: return false
    }
  }

  /// Up to `decimals` decimals, trailing zeros dropped: 30, 0.5, 2.67.
  public static func format(_ value: Double, decimals: Int = 2) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    var text = fixed(rounded, decimals: decimals)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// A measured value with enough digits that rounding cannot hide how it compares with a
  /// threshold: four decimals below 10, two above (0.1989, 0.2, 42, 1205.25).
  public static func measured(_ value: Double) -> String {
    format(value, decimals: abs(value) < 10 ? 4 : 2)
  }

  /// Exactly `decimals` decimals: 2.60. Values too large for integer arithmetic use
  /// Swift's own shortest form (1e+17).
  public static func fixed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    guard value.isFinite, abs(value) * scale < 9e15 else { return "\(value)" }
    let scaled = Int((abs(value) * scale).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    let whole = scaled / Int(scale)
    guard decimals > 0 else { return sign + String(whole) }
    var fraction = String(scaled % Int(scale))
    fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
    return "\(sign)\(whole).\(fraction)"
  }
}

/// `--band-year YEAR` of `assess`, `explain` and `metrics`: the report year whose bands a metric is
/// placed in.
enum BandYearOption {
  static let option = CommandSpec.Option(
    name: "band-year", short: nil, value: "year",
    help: "The report year whose bands a metric is placed in (default: each band set's"
      + " latest).",
    isRepeatable: false)

  /// The year asked for, or nil for each band set's latest.
  ///
  /// - Throws: A usage error of `command` when the value is not a number or no loaded set
  ///   has a report of that year.
  static func year(
    _ arguments: ParsedArguments, sets: [BandSet], command: CommandSpec
  ) throws(UsageError) -> Int? {
    guard let text = arguments.value(option.name) else { return nil }
    guard let year = Int(text) else {
      throw UsageError("expected a year for '--band-year', found '\(text)'", command: command)
    }
    do {
      _ = try BandPlacer(sets: sets, year: year)
    } catch {
      throw UsageError(error.description, command: command)
    }
    return year
  }
}

/// A unit a metric may be given in; values convert between units of the same kind.
public enum MetricUnit: String, Sendable, CaseIterable {
  case seconds, minutes, hours, days, weeks
  case perHour = "per_hour"
  case perDay = "per_day"
  case perWeek = "per_week"
  case perMonth = "per_month"
  case perYear = "per_year"
  case percent
  case ratio
  case count

  public enum Kind: String, Sendable {
    case duration, rate, percentage, count
  }

  /// Also accepts `%` for percent.
  public init?(spelling: String) {
    if spelling == "%" {
      self = .percent
    } else {
      self.init(rawValue: spelling)
    }
  }

  public var kind: Kind {
    switch self {
    case .seconds, .minutes, .hours, .days, .weeks: return .duration
    case .perHour, .perDay, .perWeek, .perMonth, .perYear: return .rate
    case .percent, .ratio: return .percentage
    case .count: return .count
    }
  }

  /// The size of one unit in the kind's base (seconds, per day, percent, one).
  private var size: Double {
    switch self {
    case .seconds: return 1
    case .minutes: return 60
    case .hours: return 3600
    case .days: return 86_400
    case .weeks: return 604_800
    case .perHour: return 24
    case .perDay: return 1
    case .perWeek: return 1 / 7
    case .perMonth: return 12 / 365.25
    case .perYear: return 1 / 365.25
    case .percent: return 1
    case .ratio: return 100
    case .count: return 1
    }
  }

  /// `value` in this unit expressed in `other`, which must be of the same kind.
  public func convert(_ value: Double, to other: MetricUnit) -> Double {
    value * size / other.size
  }

  /// How the unit is shown after a number.
  public var symbol: String {
    switch self {
    case .seconds: return "s"
    case .minutes: return "min"
    case .hours: return "h"
    case .days: return "days"
    case .weeks: return "weeks"
    case .perHour: return "per hour"
    case .perDay: return "per day"
    case .perWeek: return "per week"
    case .perMonth: return "per month"
    case .perYear: return "per year"
    case .percent: return "%"
    case .ratio: return "(ratio)"
    case .count: return ""
    }
  }
}

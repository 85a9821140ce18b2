/// Gives requirements without evidence of their own a status through the crosswalks,
/// from the other side's statuses decided on that side's own evidence.
struct CrosswalkResolver {
  /// For each requirement id, the other sides it is related to, and how this
  /// requirement's side relates to that other side.
  private var links: [String: [(other: [String], kind: CrosswalkRelation.Kind)]] = [:]

  init(crosswalks: [Crosswalk]) {
    for crosswalk in crosswalks {
      for relation in crosswalk.relations {
        for id in relation.from { links[id, default: []].append((relation.to, relation.kind)) }
        for id in relation.to {
          links[id, default: []].append((relation.from, relation.kind.inverse))
        }
      }
    }
  }

  /// Every requirement id that some crosswalk relates.
  var relatedIDs: Dictionary<String, [(other: [String], kind: CrosswalkRelation.Kind)]>.Keys {
    links.keys
  }

  /// The best status the crosswalks give `id`, with the partner ids; nil if none.
  func derive(_ id: String, direct: [String: RequirementResult])
    -> (status: RequirementStatus, partners: [String], kind: CrosswalkRelation.Kind)?
  {
    var best: (status: RequirementStatus, partners: [String], kind: CrosswalkRelation.Kind)?
    for (other, kind) in links[id] ?? [] {
      let isOtherMet = other.allSatisfy { partner in
        guard let result = direct[partner] else { return false }
        return result.status == .met && result.basis != .crosswalk
      }
      guard isOtherMet else { continue }
      // Meeting the other side meets this one when this side asks the same or less.
      let status: RequirementStatus = [.equivalent, .subset].contains(kind) ? .met : .partlyMet
      if best == nil || (status == .met && best?.status != .met) {
        best = (status, other, kind)
      }
    }
    return best
  }

  /// "met through the crosswalk: asks less than ITU-CD-08, which is met", where `kind` is
  /// how this requirement's side relates to the partners' side.
  static func reason(
    _ status: RequirementStatus, _ kind: CrosswalkRelation.Kind, _ partners: [String]
  ) -> String {
    let relation = phrase(kind)
    let names = partners.joined(separator: " + ")
    let verb = partners.count == 1 ? "is" : "are"
    return "\(status.words) through the crosswalk: \(relation) \(names), which \(verb) met"
  }

  /// How this requirement relates to a partner side, in words.
  static func phrase(_ kind: CrosswalkRelation.Kind) -> String {
    switch kind {
    case .equivalent: return "equivalent to"
    case .subset: return "asks less than"
    case .superset: return "asks more than"
    case .intersects: return "overlaps"
    }
  }

  /// The other sides `id` is related to, and how.
  func partners(of id: String) -> [(other: [String], kind: CrosswalkRelation.Kind)] {
    links[id] ?? []
  }
}

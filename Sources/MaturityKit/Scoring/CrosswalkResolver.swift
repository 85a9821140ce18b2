/// Gives requirements without evidence of their own a status through the crosswalks,
/// from the other side's statuses decided on that side's own evidence.
struct CrosswalkResolver {
  let crosswalks: [Crosswalk]

  /// The best status the crosswalks give `id`, with the partner ids; nil if none.
  func derive(_ id: String, direct: [String: RequirementResult])
    -> (status: RequirementStatus, partners: [String], kind: CrosswalkRelation.Kind)?
  {
    var best: (status: RequirementStatus, partners: [String], kind: CrosswalkRelation.Kind)?
    for crosswalk in crosswalks {
      for relation in crosswalk.relations {
        let other: [String]
        let kind: CrosswalkRelation.Kind
        if relation.from.contains(id) {
          (other, kind) = (relation.to, relation.kind)
        } else if relation.to.contains(id) {
          (other, kind) = (relation.from, relation.kind.inverse)
        } else {
          continue
        }
        let isOtherMet = other.allSatisfy { partner in
          guard let result = direct[partner] else { return false }
          return result.status == .met && result.basis != .crosswalk
        }
        guard isOtherMet else { continue }
        // `kind` says how this requirement's side relates to the other side.
        let status: RequirementStatus = [.equivalent, .subset].contains(kind) ? .met : .partlyMet
        if best == nil || (status == .met && best?.status != .met) {
          best = (status, other, kind)
        }
      }
    }
    return best
  }
}

extension Assessment {
  /// A requirement's result, in any domain in scope.
  public func result(_ id: String) -> RequirementResult? {
    for domain in domains {
      for standard in domain.standards {
        if let result = standard.requirements.first(where: { $0.id == id }) { return result }
      }
    }
    return nil
  }

  public func status(_ id: String) -> RequirementStatus? { result(id)?.status }

  public func standard(_ id: String) -> StandardResult? {
    domains.flatMap(\.standards).first { $0.standard.id == id }
  }

  public func subItem(_ id: String) -> SubItemResult? {
    domains.flatMap(\.standards).flatMap(\.subItems).first { $0.id == id }
  }
}

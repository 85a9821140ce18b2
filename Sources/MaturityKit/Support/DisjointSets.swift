/// Union-find over string keys, for grouping related gaps.
struct DisjointSets {
  private var parent: [String: String]
  private let order: [String]

  init(_ keys: [String]) {
    order = keys.sorted()
    parent = Dictionary(uniqueKeysWithValues: keys.map { ($0, $0) })
  }

  mutating func find(_ key: String) -> String {
    var root = key
    while let next = parent[root], next != root { root = next }
    var node = key
    while let next = parent[node], next != root {
      parent[node] = root
      node = next
    }
    return root
  }

  mutating func union(_ lhs: String, _ rhs: String) {
    let (a, b) = (find(lhs), find(rhs))
    guard a != b else { return }
    if a < b { parent[b] = a } else { parent[a] = b }
  }

  /// The sets, each sorted, in the order of their smallest key.
  mutating func groups() -> [[String]] {
    var byRoot: [String: [String]] = [:]
    var roots: [String] = []
    for key in order {
      let root = find(key)
      if byRoot[root] == nil { roots.append(root) }
      byRoot[root, default: []].append(key)
    }
    return roots.compactMap { byRoot[$0] }
  }
}

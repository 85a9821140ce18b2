import Foundation

@testable import MaturityKit

/// Small standards whose results can be worked out by hand.
enum Fixture {
  static let provenance =
    "provenance: {summary: true, structure: s, wording: w, confidence: low, sources: [x]}"

  /// Sub-item A has levels 1–3; sub-item B has no level-1 requirement.
  static let levelled = """
    id: demo
    title: Demo domestic
    kind: levelled
    \(provenance)
    levels:
      - {level: 1, name: One}
      - {level: 2, name: Two}
      - {level: 3, name: Three}
    rollup: {rule: minimum}
    domain:
      id: continuous-delivery
      name: Continuous delivery
      groups:
        - id: G
          name: Group
          groups:
            - id: A
              name: Sub-item A
              requirements:
                - {id: A-1, level: 1, text: a one}
                - {id: A-2a, level: 2, text: a two a}
                - {id: A-2b, level: 2, text: a two b}
                - id: A-3
                  level: 3
                  text: a three
                  metric: {name: ci_feedback_minutes, at_most: 30}
                - {id: A-3r, level: 3, text: a three recommended, obligation: recommended}
            - id: B
              name: Sub-item B
              requirements:
                - {id: B-2, level: 2, text: b two}
                - {id: B-3, level: 3, text: b three}

    """

  static let conformance = """
    id: demo-itu
    title: Demo international
    kind: conformance
    \(provenance)
    domain:
      id: continuous-delivery
      name: Continuous delivery
      groups:
        - id: I
          name: International
          requirements:
            - {id: I-1, text: i one}
            - {id: I-2, text: i two}
            - {id: I-3, text: i three}
            - {id: I-4, text: i four}
            - {id: I-5, text: i five, obligation: recommended}
            - {id: I-6, text: i six without a crosswalk partner}

    """

  /// I-1 = A-1; I-2 ⊂ {A-2a, A-2b}; I-3 ⊃ B-2; I-4 ∩ B-3.
  static let crosswalk = """
    crosswalk:
      id: demo-walk
      from: demo-itu
      to: demo
      \(provenance)
    relations:
      - {from: I-1, to: A-1, relation: equivalent}
      - {from: I-2, to: [A-2a, A-2b], relation: subset}
      - {from: I-3, to: B-2, relation: superset}
      - {from: I-4, to: B-3, relation: intersects}

    """

  static func library(
    _ texts: [String] = [levelled, conformance, crosswalk]
  ) -> StandardsLoader.Result {
    let files = texts.enumerated().map { SourceFile(path: "s\($0.offset).yaml", text: $0.element) }
    return StandardsLoader().load(sources: [files])
  }

  static func demoLibrary() -> StandardsLibrary { library().library }

  static let scope = """
    scope:
      organisation: Org
      name: App
      kind: application
      assessed_on: 2026-11-20
      targets: {continuous-delivery: 2}

    """

  /// Writes a bundle folder with `files` (name → text) and returns its path.
  static func bundle(_ files: [String: String]) throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-test-\(UUID().uuidString)")
    for (name, text) in files {
      let url = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return folder.path
  }

  /// Loads a one-file bundle with the standard scope and `evidence` after it.
  static func load(_ evidence: String, library: StandardsLibrary = demoLibrary()) throws
    -> BundleLoader.Result
  {
    BundleLoader(library: library).load(try bundle(["evidence.yaml": scope + evidence]))
  }

  /// Assesses a one-file bundle against the demo standards.
  static func assess(_ evidence: String, strict: Bool = false) throws -> Assessment {
    let library = demoLibrary()
    let loaded = try load(evidence, library: library)
    guard let bundle = loaded.bundle, !loaded.hasErrors else {
      throw FixtureError(diagnostics: loaded.diagnostics)
    }
    return Assessor(library: library, options: AssessmentOptions(isStrict: strict)).assess(bundle)
  }

  struct FixtureError: Error {
    var diagnostics: [Diagnostic]
  }
}

// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// `MATURITY_FUZZ=1` (set by Fuzz/run) builds the library and the fuzz target with
/// libFuzzer and AddressSanitizer; the build plugin's tool stays uninstrumented.
let isFuzzing = ProcessInfo.processInfo.environment["MATURITY_FUZZ"] != nil
let fuzzFlags: [SwiftSetting] = isFuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

let package = Package(
  name: "maturity",
  products: [
    .executable(name: "maturity", targets: ["MaturityCLI"]),
    .library(name: "MaturityKit", targets: ["MaturityKit"]),
  ],
  targets: [
    .systemLibrary(
      name: "CYaml",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .executableTarget(
      name: "EmbedStandards",
      path: "Sources/EmbedStandards"
    ),
    .plugin(
      name: "EmbedStandardsPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedStandards"]
    ),
    .target(
      name: "MaturityKit",
      dependencies: ["CYaml"],
      swiftSettings: fuzzFlags,
      plugins: ["EmbedStandardsPlugin"]
    ),
    .executableTarget(
      name: "MaturityCLI",
      dependencies: ["MaturityKit"]
    ),
    .executableTarget(
      name: "FuzzYAML",
      dependencies: ["MaturityKit"],
      path: "Fuzz/FuzzYAML",
      swiftSettings: fuzzFlags + (isFuzzing ? [.define("FUZZING")] : []),
      linkerSettings: isFuzzing
        ? [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])] : []
    ),
    .executableTarget(
      name: "MaturityBenchmark",
      dependencies: ["MaturityKit", "CYaml"],
      path: "Benchmarks/MaturityBenchmark"
    ),
    .testTarget(
      name: "MaturityKitTests",
      dependencies: ["MaturityKit"],
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "MaturityCLITests",
      dependencies: ["MaturityCLI"]
    ),
  ]
)

// swift-tools-version: 6.0
import PackageDescription

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
      plugins: ["EmbedStandardsPlugin"]
    ),
    .executableTarget(
      name: "MaturityCLI",
      dependencies: ["MaturityKit"]
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

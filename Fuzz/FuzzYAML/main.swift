import Foundation

// Testable, for the JSON event reader, which is internal: Fuzz/run builds in debug mode,
// where testing is enabled. A release build of the package compiles this file too.
#if FUZZING
  @testable import MaturityKit
#else
  import MaturityKit
#endif

// A libFuzzer target: every input goes through every artifact reader (JUnit, Cobertura,
// LCOV, SARIF, SBOM, deployment log) and the YAML loader, then through the standards and
// evidence decoders, the scorer and the reports, which must report problems and never
// crash. Build and run it with Fuzz/run, which sets MATURITY_FUZZ=1 so that the package
// adds -sanitize=fuzzer,address and -D FUZZING.

private let library = StandardsLoader().load(paths: []).library
private let scratch = FileManager.default.temporaryDirectory
  .appendingPathComponent("maturity-fuzz-\(getpid())")

private func fuzzOne(_ bytes: [UInt8]) {
  // Every artifact reader sees every input too: they must throw or read, never crash.
  let artifact = SourceFile(path: "fuzz.artifact", bytes: bytes)
  for format in ArtifactFormat.allCases { _ = try? format.read(artifact) }
  // Again in tiny chunks, so that every token and line also falls across a chunk boundary.
  let chunked = ArtifactFile(artifact, chunkSize: 5)
  for format in ArtifactFormat.allCases { _ = try? format.read(chunked) }
  #if FUZZING
    if let events = try? JSONEventReader(chunked, chunkSize: 3) {
      while (try? events.next()) != nil {}
    }
  #endif
  let file = SourceFile(path: "fuzz.yaml", bytes: bytes)
  let limits = YAMLLimits(maxFileBytes: 1 << 20, maxNodes: 200_000, maxDepth: 64)
  guard (try? YAMLLoader.load(file, limits: limits)) != nil else { return }
  _ = StandardsLoader(limits: limits).load(sources: [[file]])
  _ = try? SnapshotReader.readAll(file)
  _ = GatePolicyDecoder(library: library).decode(file)
  try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  try? Data(bytes).write(to: scratch.appendingPathComponent("e.yaml"))
  let result = BundleLoader(library: library, limits: limits).load(scratch.path)
  if let bundle = result.bundle {
    let assessment = Assessor(library: library).assess(bundle)
    _ = JSONReport(toolVersion: "fuzz").render(assessment)
    _ = TextReport().render(assessment)
    _ = MarkdownReport().render(assessment)
  }
  _ = DiagnosticRenderer().render(result.diagnostics)
}

#if FUZZING
  /// The entry point libFuzzer's own objects refer to.
  @_cdecl("LLVMFuzzerTestOneInput")
  func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }

  @_silgen_name("LLVMFuzzerRunDriver")
  private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  exit(
    runDriver(&argc, &argv) { data, size in testOneInput(data, size) })
#else
  // Without the fuzzer, replay the files given on the command line (handy for crashes).
  for path in CommandLine.arguments.dropFirst() {
    fuzzOne([UInt8]((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()))
  }
#endif

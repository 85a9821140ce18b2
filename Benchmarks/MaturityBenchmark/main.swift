internal import CYaml
import Foundation
import MaturityKit

// Times loading and scoring a large generated bundle against the time libyaml alone takes
// to parse the same bytes. Run in release mode:
//   swift run -c release MaturityBenchmark [sub-items] [repeats]
// It generates a standard with `sub-items` × 5 levels × 4 requirements and a bundle with a
// claim for every requirement, in a temporary folder.
//
//   swift run -c release MaturityBenchmark artifacts [megabytes] [junit|sarif|cobertura|lcov…]
// instead reads generated JUnit, SARIF, Cobertura and LCOV files of about that size
// (default 200 MB).

switch CommandLine.arguments.dropFirst().first {
case "artifacts":
  let rest = CommandLine.arguments.dropFirst(2)
  try ArtifactBenchmark.run(
    megabytes: rest.first.flatMap { Int($0) } ?? 200,
    formats: Set(rest.filter { Int($0) == nil }))
  exit(0)
case "read-artifact" where CommandLine.arguments.count == 4:
  ArtifactBenchmark.readOne(format: CommandLine.arguments[2], path: CommandLine.arguments[3])
  exit(0)
default: break
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let subItems = arguments.first ?? 500
let repeats = arguments.dropFirst().first ?? 5

let folder = FileManager.default.temporaryDirectory
  .appendingPathComponent("maturity-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
let bundleFolder = folder.appendingPathComponent("bundle")
try FileManager.default.createDirectory(at: bundleFolder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let generated = Generator(subItems: subItems)
let standardText = generated.standard()
let evidenceText = generated.evidence()
try Data(evidenceText.utf8).write(to: bundleFolder.appendingPathComponent("evidence.yaml"))
let standardFile = SourceFile(path: "bench-standard.yaml", text: standardText)

/// Parses `bytes` with libyaml's event parser and nothing else.
func libyamlOnly(_ bytes: [UInt8]) -> Int {
  var parser = yaml_parser_t()
  var event = yaml_event_t()
  yaml_parser_initialize(&parser)
  defer { yaml_parser_delete(&parser) }
  var events = 0
  bytes.withUnsafeBufferPointer { buffer in
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    while yaml_parser_parse(&parser, &event) == 1 {
      let type = event.type
      yaml_event_delete(&event)
      events += 1
      if type == YAML_STREAM_END_EVENT { break }
    }
  }
  return events
}

func fail(_ diagnostics: [Diagnostic]) -> Never {
  FileHandle.standardError.write(Data(DiagnosticRenderer().render(diagnostics).utf8))
  exit(1)
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

func time(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let allBytes = Array(standardText.utf8) + Array(evidenceText.utf8)
var parseTimes: [Double] = []
var treeTimes: [Double] = []
var loadTimes: [Double] = []
var scoreTimes: [Double] = []
var renderTimes: [Double] = []
var claims = 0
var requirements = 0
for _ in 0..<repeats {
  parseTimes.append(
    time {
      _ = libyamlOnly(Array(standardText.utf8))
      _ = libyamlOnly(Array(evidenceText.utf8))
    })
  treeTimes.append(
    time {
      _ = try? YAMLLoader.load(standardFile)
      _ = try? YAMLLoader.load(SourceFile(path: "evidence.yaml", text: evidenceText))
    })
  var library: StandardsLibrary?
  var bundle: EvidenceBundle?
  loadTimes.append(
    time {
      let loaded = StandardsLoader().load(sources: [[standardFile]])
      if loaded.hasErrors { fail(loaded.diagnostics) }
      library = loaded.library
      let result = BundleLoader(library: loaded.library).load(bundleFolder.path)
      if result.hasErrors { fail(result.diagnostics) }
      bundle = result.bundle
    })
  guard let library, let bundle else { fatalError("nothing loaded") }
  claims = bundle.claims.count
  requirements = library.standards.map(\.requirements.count).reduce(0, +)
  var assessment: Assessment?
  scoreTimes.append(time { assessment = Assessor(library: library).assess(bundle) })
  guard let assessment else { fatalError("nothing scored") }
  renderTimes.append(time { _ = JSONReport(toolVersion: "bench").render(assessment) })
}

let parse = median(parseTimes)
func ms(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }
func row(_ name: String, _ values: [Double]) -> String {
  name.padding(toLength: 26, withPad: " ", startingAt: 0) + ms(median(values))
    + "  (min \(ms(values.min() ?? 0).trimmingCharacters(in: .whitespaces)))"
}
print("input: \(requirements) requirements, \(claims) claims, \(allBytes.count) bytes of YAML")
print("median of \(repeats) runs")
let totals = zip(loadTimes, scoreTimes).map { $0 + $1 }
print(row("libyaml events only", parseTimes))
print(row("YAML node tree only", treeTimes))
print(row("load (standard + bundle)", loadTimes))
print(row("score", scoreTimes))
print(row("load + score", totals))
print(row("JSON report", renderTimes))
print(
  String(
    format: "ratio (load + score) / libyaml: median %.2f, best runs %.2f",
    median(totals) / parse, (totals.min() ?? 0) / (parseTimes.min() ?? 1)))

import Foundation
import MaturityKit

/// Times reading large generated artifacts and measures the reader's peak memory, each read in
/// a child process of its own so that one file's peak does not hide another's:
///   swift run -c release MaturityBenchmark artifacts [megabytes] [format…]
enum ArtifactBenchmark {
  /// The formats measured, with the generator that writes about `bytes` of each.
  static let generators: [(format: ArtifactFormat, write: @Sendable (FileHandle, Int) -> Int)] = [
    (.junit, ArtifactGenerator.writeJUnit),
    (.sarif, ArtifactGenerator.writeSARIF),
    (.cobertura, ArtifactGenerator.writeCobertura),
    (.lcov, ArtifactGenerator.writeLCOV),
  ]

  /// Generates each format in a temporary folder, reads it in a child, prints one row each.
  static func run(megabytes: Int, formats: Set<String>) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("maturity-artifacts-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    print("format  file size   items       read time  peak memory (child process)")
    for (format, write) in generators where formats.isEmpty || formats.contains(format.rawValue) {
      let path = folder.appendingPathComponent("big.\(format.rawValue)").path
      guard FileManager.default.createFile(atPath: path, contents: nil),
        let handle = FileHandle(forWritingAtPath: path)
      else { fatalError("cannot write") }
      let items = write(handle, megabytes << 20)
      try handle.close()
      let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      let child = try measure(format: format, path: path)
      print(
        format.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
          + String(format: "%6.1f MB  %9d  ", Double(size) / 1_048_576, items) + child)
      try FileManager.default.removeItem(atPath: path)
    }
  }

  /// Runs this executable as `read-artifact FORMAT PATH` and returns what it printed.
  private static func measure(format: ArtifactFormat, path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["read-artifact", format.rawValue, path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      return "failed: the reading process ended with status \(process.terminationStatus)"
    }
    return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
  }

  /// The child: reads one file, then prints the time, the process's peak resident memory
  /// and the reading's figures, so the row shows that the file was really read.
  static func readOne(format name: String, path: String) {
    guard let format = ArtifactFormat(rawValue: name) else { fatalError("no format \(name)") }
    let start = DispatchTime.now().uptimeNanoseconds
    let reading: ArtifactReading
    do {
      reading = try format.read(ArtifactFile(path: path, readingFrom: path))
    } catch {
      print("failed: \(error.message)")
      return
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let figures = reading.figures.prefix(4).map { "\($0.name) \($0.value)" }
    print(
      String(format: "%7.2f s  %7.1f MB", seconds, Double(usage.ru_maxrss) / 1024) + "  ("
        + figures.joined(separator: ", ") + ")")
  }
}

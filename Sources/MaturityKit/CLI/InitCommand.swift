import Foundation

/// `maturity init`: write a new evidence bundle with a questionnaire.
package enum InitCommand {
  package static let spec = CommandSpec(
    name: "init",
    overview: "Write a new evidence bundle: a scope file and a questionnaire per domain.",
    arguments: [
      .init(
        name: "folder", help: "The new bundle folder; it must not exist yet.", isRepeatable: false)
    ],
    options: [
      .init(
        name: "domain", short: "d", value: "domain=level",
        help: "A domain and its target level, e.g. continuous-delivery=3. Repeatable.",
        isRepeatable: true),
      .init(name: "organisation", short: nil, value: "name", help: "The organisation's name."),
      .init(name: "scope", short: nil, value: "name", help: "The assessed scope's name."),
      .init(
        name: "date", short: nil, value: "YYYY-MM-DD",
        help: "The assessment date (default: today, UTC)."),
      .init(
        name: "lang", short: nil, value: "language",
        help: "Language of the requirement texts: en (default) or zh.", choices: ["en", "zh"]),
      .extraStandards,
    ],
    examples: [
      "maturity init my-team --domain continuous-delivery=3 --organisation \"Acme\" --scope Shop",
      "maturity init my-team -d continuous-delivery=2 -d security-risk=2 --lang zh",
    ],
    discussion: """
      The questionnaire lists every required requirement up to the target, grouped as the \
      standard groups them, with its text as a comment and an empty status to fill in; it \
      validates as written. The tool refuses to write into an existing folder.
      """)

  package static func run(_ arguments: ParsedArguments, _ context: MaturityCommand.Context)
    -> MaturityCommand.Result
  {
    let request: (folder: String, targets: [String: Int], date: Day)
    do {
      request = try parse(arguments)
    } catch {
      return MaturityCommand.usage(error)
    }
    let (loaded, failure) = context.loadStandards(arguments)
    if let failure { return failure }
    var problems = request.targets.sorted { $0.key < $1.key }.compactMap { target in
      loaded.library.levelProblem(domain: target.key, level: target.value)
        .map { Diagnostic(.error, $0) }
    }
    if FileManager.default.fileExists(atPath: request.folder) {
      problems.append(
        Diagnostic(
          .error,
          "'\(request.folder)' already exists; init writes a new folder and never"
            + " overwrites one"))
    }
    guard problems.isEmpty else {
      return MaturityCommand.Result(
        stderr: context.renderer.render(problems), exitCode: ExitCode.invalidInput)
    }
    let files = Questionnaire(
      library: loaded.library, targets: request.targets,
      language: arguments.value("lang") ?? "en",
      organisation: arguments.value("organisation") ?? "Your organisation",
      scopeName: arguments.value("scope") ?? "Your application", assessedOn: request.date
    ).files()
    if let problem = write(files, into: request.folder) {
      return MaturityCommand.Result(
        stderr: context.renderer.render(problem), exitCode: ExitCode.invalidInput)
    }
    let names = files.map(\.name).filter { !$0.hasPrefix(".") }.joined(separator: ", ")
    return MaturityCommand.Result(
      stdout: "wrote \(request.folder)/ (\(names))\nnext: fill in the statuses, then run"
        + " 'maturity validate \(request.folder)' and 'maturity assess \(request.folder)'\n")
  }

  /// The folder, the targets and the assessment date from the command line.
  private static func parse(_ arguments: ParsedArguments) throws(UsageError)
    -> (folder: String, targets: [String: Int], date: Day)
  {
    guard arguments.positionals.count == 1, let given = arguments.positionals.first,
      !given.isEmpty
    else { throw UsageError("expected one <folder> to create", command: spec) }
    let folder = given.count > 1 && given.hasSuffix("/") ? String(given.dropLast()) : given
    var targets: [String: Int] = [:]
    for entry in arguments.all("domain") {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let level = Int(parts[1]) else {
        throw UsageError("expected domain=level for '--domain', found '\(entry)'", command: spec)
      }
      guard targets[parts[0]] == nil else {
        throw UsageError("'--domain \(parts[0])' is given twice", command: spec)
      }
      targets[parts[0]] = level
    }
    guard !targets.isEmpty else {
      throw UsageError("missing '--domain <domain=level>' (at least one)", command: spec)
    }
    guard let text = arguments.value("date") else {
      return (folder, targets, Day(ordinal: Int(Date().timeIntervalSince1970 / 86_400)))
    }
    guard let date = Day(text) else {
      throw UsageError("expected a date YYYY-MM-DD for '--date', found '\(text)'", command: spec)
    }
    return (folder, targets, date)
  }

  /// Writes into a temporary sibling folder, then renames it into place, so a failure
  /// leaves nothing half-written.
  ///
  /// - Returns: A diagnostic when the folder could not be created.
  private static func write(_ files: [(name: String, text: String)], into folder: String)
    -> Diagnostic?
  {
    let target = URL(fileURLWithPath: folder)
    let parent = target.deletingLastPathComponent()
    guard FileReader.isDirectory(parent.path) else {
      return Diagnostic(
        .error, "cannot create '\(folder)': its parent folder '\(parent.path)' does not exist")
    }
    let temporary = parent.appendingPathComponent(
      ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      for file in files {
        let url = temporary.appendingPathComponent(file.name)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.text.utf8).write(to: url)
      }
      try FileManager.default.moveItem(at: temporary, to: target)
      return nil
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      return Diagnostic(.error, "cannot create '\(folder)': it cannot be written there")
    }
  }
}

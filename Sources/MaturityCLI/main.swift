import Foundation
import MaturityKit

// The executable only connects the process to the library: arguments and environment
// in, text and an exit code out.
let context = MaturityCommand.Context(
  environment: ProcessInfo.processInfo.environment,
  isStdoutTerminal: isatty(STDOUT_FILENO) == 1,
  isStderrTerminal: isatty(STDERR_FILENO) == 1)
let result = MaturityCommand.run(Array(CommandLine.arguments.dropFirst()), context: context)
FileHandle.standardOutput.write(Data(result.stdout.utf8))
FileHandle.standardError.write(Data(result.stderr.utf8))
exit(result.exitCode)

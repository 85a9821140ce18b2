import Foundation
import PackagePlugin

/// Embeds the YAML files of the package's `Standards/` folder into the library, so the
/// built binary carries its default standards wherever it is copied.
///
/// The folder itself is the command's input: the build system then re-runs the command
/// when a file in it is added, removed or edited, and the tool lists the folder itself.
@main
struct EmbedStandardsPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let standards = context.package.directoryURL.appending(path: "Standards")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedStandards.swift")
    return [
      .buildCommand(
        displayName: "Embedding the standards in Standards/",
        executable: try context.tool(named: "EmbedStandards").url,
        arguments: [output.path, standards.path],
        inputFiles: [standards],
        outputFiles: [output]
      )
    ]
  }
}

import Foundation
import PackagePlugin

/// Embeds the YAML files of the package's `Standards/` folder and the JSON Schemas of
/// `docs/schema/` into the library, so the built binary carries its default standards (and
/// the schemas `init` writes beside a questionnaire) wherever it is copied.
///
/// The folder itself is the command's input: the build system then re-runs the command
/// when a file in it is added, removed or edited, and the tool lists the folder itself.
@main
struct EmbedStandardsPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let standards = context.package.directoryURL.appending(path: "Standards")
    let schemas = context.package.directoryURL.appending(path: "docs/schema")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedStandards.swift")
    return [
      .buildCommand(
        displayName: "Embedding Standards/ and docs/schema/",
        executable: try context.tool(named: "EmbedStandards").url,
        arguments: [output.path, standards.path, schemas.path],
        inputFiles: [standards, schemas],
        outputFiles: [output]
      )
    ]
  }
}

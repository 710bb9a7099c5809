import Foundation
import PackagePlugin

/// `swift package check-schema [--schema PATH] [--exclude DIR]...`: checks the package's schema.graphql and validates
/// every `.graphql` operation file of the package against it, through `strata schema check`. Problems are reported as
/// `file:line:column` diagnostics and fail the command.
///
/// Skipped while looking for files: hidden directories, `.build*` scratch directories, `Benchmarks/`, directories
/// named `Fixtures` (parser fixtures written for other schemas) or `Cases` (golden cases, some deliberately invalid,
/// checked by their own tests), and any `--exclude` directory (relative to the package root). Files holding only type-system definitions are parsed but not validated as operations.
@main
struct StrataSchemaCheck: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let root = context.package.directoryURL
        let schemaArgument = extractor.extractOption(named: "schema").last
        let excluded = extractor.extractOption(named: "exclude")
        let schema = schemaArgument.map { root.appendingPathComponent($0) } ?? root.appendingPathComponent("schema.graphql")
        guard FileManager.default.fileExists(atPath: schema.path) else {
            Diagnostics.error("no schema found at \(schema.path) (pass --schema PATH)")
            throw CheckFailed()
        }

        let files = Self.graphQLFiles(under: root, excluding: Set(excluded))
            .filter { $0.standardizedFileURL.path != schema.standardizedFileURL.path }
        let tool = try context.tool(named: "strata")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["schema", "check", "--schema", schema.path] + files.map(\.path)
        process.currentDirectoryURL = root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        let lines = String(decoding: outputData, as: UTF8.self).split(separator: "\n")
        for line in lines { Self.report(String(line)) }
        let summary = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            if lines.isEmpty { Diagnostics.error(summary.isEmpty ? "strata schema check failed" : summary) }
            throw CheckFailed()
        }
        print(summary.isEmpty ? "schema check passed (\(files.count) operation files)" : summary)
    }

    /// `path:line:column: error: message` → a located diagnostic; anything else is reported as is.
    static func report(_ line: String) {
        let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        if parts.count == 5, let lineNumber = Int(parts[1]), Int(parts[2]) != nil, parts[3].trimmingCharacters(in: .whitespaces) == "error" {
            Diagnostics.error(
                parts[4].trimmingCharacters(in: .whitespaces) + " (column \(parts[2]))", file: String(parts[0]),
                line: lineNumber)
        } else {
            Diagnostics.error(line)
        }
    }

    static func graphQLFiles(under root: URL, excluding excluded: Set<String>) -> [URL] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(
            at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else { return [] }
        let rootPath = root.standardizedFileURL.path
        var files: [URL] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            if isDirectory {
                let relative = String(url.standardizedFileURL.path.dropFirst(rootPath.count + 1))
                if name.hasPrefix(".build") || relative == "Benchmarks" || name == "Fixtures" || name == "Cases"
                    || excluded.contains(relative)
                {
                    enumerator.skipDescendants()
                }
                continue
            }
            if name.hasSuffix(".graphql") { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}

struct CheckFailed: Error, CustomStringConvertible {
    var description: String { "schema check failed" }
}

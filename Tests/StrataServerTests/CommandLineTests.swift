import Foundation
import StrataServer
import StrataTesting
import Testing

/// Runs the built `strata` executable (it sits next to the test bundle in the build directory).
@Suite("strata command line")
struct CommandLineTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemaPath = repositoryRoot.appendingPathComponent("schema.graphql").path

    static var executable: URL? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("strata")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static func strata(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Run {
        guard let executable else {
            throw CommandUnavailable()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("STRATA_") }
        env["STRATA_SCHEMA"] = schemaPath
        env["STRATA_BACKEND"] = "memory"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            error: String(decoding: err, as: UTF8.self))
    }

    struct CommandUnavailable: Error, CustomStringConvertible {
        var description: String { "the strata executable was not found next to the test bundle (build the strata product)" }
    }

    @Test("query prints the response and exits 0 when it has no errors")
    func querySucceeds() throws {
        let run = try Self.strata(["query", "query($n: Int) { users(first: $n) { email } }", "--variables", #"{"n": 2}"#])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output == #"{"data":{"users":[{"email":"alice.martin1@example.com"},{"email":"bruno.tanaka2@example.com"}]}}"# + "\n")
    }

    @Test("query reads the operation from standard input and from --file")
    func queryInputs() throws {
        let fromInput = try Self.strata(["query"], input: "{ usersConnection(first: 1) { totalCount } }")
        #expect(fromInput.status == 0, "\(fromInput.error)")
        #expect(fromInput.output.contains(#""totalCount":20"#))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("strata-op-\(UUID().uuidString).graphql")
        try Data("query Two { users(first: 1) { name } } query One { users(first: 1) { email } }".utf8).write(to: file)
        let fromFile = try Self.strata(["query", "--file", file.path, "--operation-name", "One"])
        #expect(fromFile.status == 0, "\(fromFile.error)")
        #expect(fromFile.output == #"{"data":{"users":[{"email":"alice.martin1@example.com"}]}}"# + "\n")
    }

    @Test("query exits 1 when the response has errors, still printing it")
    func queryWithErrors() throws {
        let run = try Self.strata(["query", "{ users { nope } }"])
        #expect(run.status == 1)
        let json = try #require(try? JSONParser.parse(run.output))
        #expect(json["errors"] != nil)
    }

    @Test("query --statements adds the statement report")
    func queryStatements() throws {
        let run = try Self.strata(["query", "--statements", "{ users(first: 1) { email } }"])
        #expect(run.status == 0)
        #expect(run.output.contains(#""extensions":{"statements":{"default":{"count":1"#))
    }

    @Test("usage and configuration errors exit 2", arguments: [
        (["query", "--bogus"], [:]),
        (["query", "{ users { email } }", "--variables", "[1]"], [:]),
        (["query", "{ users { email } }"], ["STRATA_BACKEND": "oracle"]),
        (["query", "{ users { email } }", "--schema", "/nonexistent.graphql"], [:]),
    ] as [([String], [String: String])])
    func usageErrors(_ arguments: [String], _ environment: [String: String]) throws {
        let run = try Self.strata(arguments, environment: environment)
        #expect(run.status == 2, "\(arguments): \(run.error)")
        #expect(!run.error.isEmpty)
    }

    @Test("--version prints the version")
    func version() throws {
        let run = try Self.strata(["--version"])
        #expect(run.status == 0)
        #expect(run.output.trimmingCharacters(in: .whitespacesAndNewlines) == StrataVersion.current)
    }

    @Test("schema print prints the derived SDL, with the generated API")
    func schemaPrint() throws {
        let run = try Self.strata(["schema", "print"])
        #expect(run.status == 0)
        #expect(run.output.contains("type Query"))
        #expect(run.output.contains("usersConnection"))
        #expect(run.output.contains("input UserWhere"))
    }

    @Test("schema check reports path:line:column errors in operation files and exits 1")
    func schemaCheck() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strata-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let good = directory.appendingPathComponent("good.graphql")
        let bad = directory.appendingPathComponent("bad.graphql")
        try Data("query { users { email } }\n".utf8).write(to: good)
        try Data("query {\n  users {\n    nope\n  }\n}\n".utf8).write(to: bad)
        let ok = try Self.strata(["schema", "check", good.path])
        #expect(ok.status == 0, "\(ok.output)\(ok.error)")
        let failed = try Self.strata(["schema", "check", good.path, bad.path])
        #expect(failed.status == 1)
        #expect(failed.output.hasPrefix("\(bad.path):3:5: error: Cannot query field \"nope\" on type \"User\"."))
        #expect(failed.output.split(separator: "\n").count == 1)
    }

    @Test("migrate and seed work on a SQLite file; seeding again is refused without --force")
    func migrateAndSeed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strata-db-\(UUID().uuidString)")
        let database = directory.appendingPathComponent("nested/strata.sqlite").path
        let environment = ["STRATA_BACKEND": "sqlite", "STRATA_DATABASE_URL": database, "STRATA_SEED_IF_EMPTY": "false"]
        let migrate = try Self.strata(["migrate"], environment: environment)
        #expect(migrate.status == 0, "\(migrate.error)")
        #expect(migrate.output == "default: migrated (sqlite)\n")
        let again = try Self.strata(["migrate"], environment: environment)
        #expect(again.status == 0, "migrate is idempotent: \(again.error)")
        let empty = try Self.strata(["query", "{ usersConnection { totalCount } }"], environment: environment)
        #expect(empty.output.contains(#""totalCount":0"#))
        let seed = try Self.strata(["seed"], environment: environment)
        #expect(seed.status == 0, "\(seed.error)")
        let seeded = try Self.strata(["query", "{ usersConnection { totalCount } }"], environment: environment)
        #expect(seeded.output.contains(#""totalCount":20"#))
        let refused = try Self.strata(["seed"], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.error.contains("--force"))
        try? FileManager.default.removeItem(at: directory)
    }
}

import Foundation
import Testing

/// A PostgreSQL cluster of one test's own (initdb into a temporary directory, from `STRATA_TEST_PG_BIN_DIR`),
/// for tests that stop and start the server without disturbing the shared test server.
final class PostgresScratchCluster {
    let binDirectory: String
    let root: URL
    let port: Int
    private let runAsPostgres = getuid() == 0

    var dataDirectory: String { root.appendingPathComponent("data").path }
    var url: String { "postgresql://postgres@127.0.0.1:\(port)/postgres" }

    static var isAvailable: Bool {
        PostgresTestServer.environment("STRATA_TEST_PG_BIN_DIR") != nil || PostgresTestServer.environment("CI") != nil
    }

    init() throws {
        binDirectory = try #require(
            PostgresTestServer.environment("STRATA_TEST_PG_BIN_DIR"), "STRATA_TEST_PG_BIN_DIR must be set on CI")
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("strata-pg-\(UUID().uuidString)")
        port = Int.random(in: 41_000..<49_000)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try run("chmod", ["0777", root.path], asPostgres: false)
        try run(
            binDirectory + "/initdb",
            ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale"])
        let settings = """
            listen_addresses = '127.0.0.1'
            port = \(port)
            unix_socket_directories = '\(root.path)'
            fsync = off

            """
        let configuration = URL(fileURLWithPath: dataDirectory).appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: configuration)
        handle.seekToEndOfFile()
        handle.write(Data(settings.utf8))
        try handle.close()
        try start()
    }

    func start() throws {
        try run(binDirectory + "/pg_ctl", ["-D", dataDirectory, "-l", root.appendingPathComponent("pg.log").path, "-w", "start"])
    }

    func stop() throws {
        try run(binDirectory + "/pg_ctl", ["-D", dataDirectory, "-w", "stop"])
    }

    /// Stops the server (if running) and removes the directory.
    func destroy() {
        try? run(binDirectory + "/pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: root)
    }

    private func run(_ executable: String, _ arguments: [String], asPostgres: Bool = true) throws {
        let process = Process()
        if asPostgres && runAsPostgres {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "postgres", "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
            process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        }
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(executable) \(arguments) exited with \(process.terminationStatus)")
    }
}

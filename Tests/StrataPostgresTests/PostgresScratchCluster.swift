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

    /// Runs a command to completion with `posix_spawn` + `waitpid`. (Foundation's `Process` waits for a
    /// descriptor every descendant inherits, so it would hang until the daemonized postmaster exits.)
    private func run(_ executable: String, _ arguments: [String], asPostgres: Bool = true) throws {
        let argv: [String] =
            asPostgres && runAsPostgres
            // From the cluster's directory: postgres may not be allowed into the current one.
            ? ["/usr/sbin/runuser", "-u", "postgres", "--", "/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", root.path, executable]
                + arguments
            : [executable.hasPrefix("/") ? executable : "/usr/bin/\(executable)"] + arguments
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&fileActions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &fileActions, nil, cArguments, environ)
        try #require(spawned == 0, "could not start \(argv[0]): \(spawned)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        try #require(exited && code == 0, "\(argv.joined(separator: " ")) failed with status \(status)")
    }
}

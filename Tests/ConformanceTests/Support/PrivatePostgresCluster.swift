import Foundation

/// A throwaway PostgreSQL cluster of this test process only (its own data directory and port), so a test can
/// stop and restart the server without disturbing other suites that share `STRATA_TEST_POSTGRES_URL`.
///
/// Uses the server binaries in `STRATA_TEST_PG_BIN_DIR` (set by scripts/with-postgres.sh) or the newest
/// `/usr/lib/postgresql/*/bin`. As root, the cluster belongs to the `postgres` user (`runuser`).
struct PrivatePostgresCluster: Sendable {
    let binDirectory: String
    let root: URL
    let port: Int

    var dataDirectory: String { root.appendingPathComponent("data").path }
    var logFile: String { root.appendingPathComponent("pg.log").path }
    var url: String { "postgresql://postgres@127.0.0.1:\(port)/postgres" }

    static var binDirectory: String? {
        if let dir = ProcessInfo.processInfo.environment["STRATA_TEST_PG_BIN_DIR"], !dir.isEmpty { return dir }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let newest = versions.compactMap { Int($0) }.max()
        return newest.map { "/usr/lib/postgresql/\($0)/bin" }
    }

    static var isRoot: Bool { getuid() == 0 }

    /// initdb + start on a free port.
    static func start() async throws -> PrivatePostgresCluster {
        guard let bin = binDirectory, FileManager.default.isExecutableFile(atPath: bin + "/initdb") else {
            throw ConformanceFailure("no PostgreSQL server binaries (STRATA_TEST_PG_BIN_DIR)")
        }
        let root = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("strata-conformance-pg-" + UUID().uuidString.prefix(8).lowercased())
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path)
        let log = root.appendingPathComponent("pg.log").path
        guard FileManager.default.createFile(atPath: log, contents: nil) else {
            throw ConformanceFailure("could not create \(log)")
        }
        if isRoot {
            _ = try await run("/usr/bin/chown", ["-R", "postgres:", root.path])
        }
        var cluster = PrivatePostgresCluster(binDirectory: bin, root: root, port: 0)
        let initdb = try await cluster.asOwner(
            bin + "/initdb", ["-D", cluster.dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale"])
        guard initdb == 0 else { throw ConformanceFailure("initdb failed (\(initdb)); see \(root.path)") }
        for _ in 0..<8 {
            let port = Int.random(in: 40_000...54_000)
            cluster = PrivatePostgresCluster(binDirectory: bin, root: root, port: port)
            let conf = """
                listen_addresses = '127.0.0.1'
                port = \(port)
                unix_socket_directories = '\(root.path)'
                fsync = off
                synchronous_commit = off
                full_page_writes = off

                """
            try conf.write(
                toFile: cluster.dataDirectory + "/postgresql.auto.conf", atomically: false, encoding: .utf8)
            if try await cluster.startServer() { return cluster }
        }
        await cluster.destroy()
        throw ConformanceFailure("could not start a private PostgreSQL cluster; see \(root.path)")
    }

    /// `pg_ctl start -w` (always with a log file, so pg_ctl does not keep our output open).
    func startServer() async throws -> Bool {
        try await asOwner(binDirectory + "/pg_ctl", ["-D", dataDirectory, "-l", logFile, "-w", "-t", "30", "start"]) == 0
    }

    /// `pg_ctl stop -m fast -w`.
    func stopServer() async throws -> Bool {
        try await asOwner(binDirectory + "/pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "-t", "30", "stop"]) == 0
    }

    /// Stops the server (if running) and removes the directory.
    func destroy() async {
        if FileManager.default.fileExists(atPath: dataDirectory + "/postmaster.pid") {
            _ = try? await asOwner(binDirectory + "/pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
        }
        try? FileManager.default.removeItem(at: root)
    }

    private func asOwner(_ executable: String, _ arguments: [String]) async throws -> Int32 {
        if Self.isRoot {
            return try await Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments, in: root)
        }
        return try await Self.run(executable, arguments, in: root)
    }

    /// Runs a program to completion on a thread of its own (never a cooperative one) with `posix_spawn` +
    /// `waitpid`; its output is appended to `output.log` in `directory`. Foundation's `Process` is not used: it
    /// waits for the end of a pipe every descendant inherits, so it never reports the end of `pg_ctl start` while
    /// the daemonized postmaster runs.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) async throws -> Int32 {
        // `cd` through the shell: the postgres user may not be allowed into the test's working directory.
        let argv =
            ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory?.path ?? "/", executable] + arguments
        let output = directory?.appendingPathComponent("output.log").path ?? "/dev/null"
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try spawnAndWait(argv, output: output) })
            }
            thread.start()
        }
    }

    private static func spawnAndWait(_ argv: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw ConformanceFailure("could not start \(argv[4]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw ConformanceFailure("waitpid failed for \(argv[4]): errno \(errno)") }
        }
        let exited = status & 0x7f == 0
        return exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

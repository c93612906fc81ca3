import Foundation
import XCTest

/// A real PostgreSQL 15 server with PostGIS (Debian's `postgresql-15-postgis-3`, which `make deps`
/// installs) in a fresh temporary folder, listening on a free loopback port, for the tests of
/// `release --database`. PostgreSQL refuses to run as root, so under root (CI) the cluster belongs to
/// the `postgres` user and runs as it. `stop()` stops the server and removes the folder.
final class PostgresServer {
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    static let binaries = URL(fileURLWithPath: "/usr/lib/postgresql/15/bin")
    static let postgisControl = "/usr/share/postgresql/15/extension/postgis.control"

    let directory: URL
    let port: Int
    /// The password of the `postgres` login over TCP (the socket in `directory` needs none).
    let password = "pw-\(UUID().uuidString.prefix(12))"
    private var running = false

    /// The URL of `database` with the password in it.
    func url(database: String = "postgres") -> String {
        "postgresql://postgres:\(password)@127.0.0.1:\(port)/\(database)"
    }

    /// The certificate authority that signed the server's certificate, when it speaks TLS.
    private(set) var certificateAuthority: URL?

    /// Makes a cluster and starts it. With `tls`, the server has a certificate for `localhost` signed by a
    /// certificate authority made for it with openssl (`certificateAuthority`), and refuses TCP
    /// connections without TLS.
    /// - Throws: `Unavailable` naming what is missing when PostgreSQL 15 or PostGIS is not installed.
    init(tls: Bool = false) throws {
        for path in [Self.binaries.appendingPathComponent("initdb").path, "/usr/bin/psql", Self.postgisControl]
        where !FileManager.default.fileExists(atPath: path) {
            throw Unavailable(description: "\(path) is missing: install postgresql-15-postgis-3 (make deps does)")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try Self.freePort()
        if getuid() == 0 {
            guard let account = getpwnam("postgres") else { throw Unavailable(description: "no postgres user (the server package makes it)") }
            chown(directory.path, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        let passwordFile = directory.appendingPathComponent("password")
        try password.write(to: passwordFile, atomically: true, encoding: .utf8)
        if getuid() == 0, let account = getpwnam("postgres") { chown(passwordFile.path, account.pointee.pw_uid, account.pointee.pw_gid) }
        let data = directory.appendingPathComponent("data").path
        try runAsServer("initdb", ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=\(passwordFile.path)", "-E", "UTF8", "--locale=C", "--no-sync"])
        var options = "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        if tls { options += try makeCertificates(data: data) }
        try runAsServer("pg_ctl", ["-D", data, "-l", directory.appendingPathComponent("server.log").path, "-w", "-t", "60", "-o", options, "start"])
        running = true
    }

    deinit { stop() }

    /// A certificate authority and the server's key and certificate (for `localhost` only), and TCP
    /// connections allowed with TLS alone; returns the server's options that turn TLS on.
    private func makeCertificates(data: String) throws -> String {
        let openssl = URL(fileURLWithPath: "/usr/bin/openssl")
        guard FileManager.default.fileExists(atPath: openssl.path) else { throw Unavailable(description: "openssl is missing (make deps installs it)") }
        let folder = directory.appendingPathComponent("tls")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        _ = try Self.run(openssl, [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Lumpini test CA", "-keyout", path("ca.key"), "-out", path("ca.pem"),
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
        _ = try Self.run(openssl, ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", path("server.key"), "-out", path("server.csr")])
        try "subjectAltName=DNS:localhost\n".write(toFile: path("server.ext"), atomically: true, encoding: .utf8)
        _ = try Self.run(openssl, [
            "x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"), "-CAcreateserial", "-days", "2",
            "-extfile", path("server.ext"), "-out", path("server.pem"),
        ])
        chmod(path("server.key"), 0o600)
        if getuid() == 0, let account = getpwnam("postgres") {
            for name in ["", "/server.key", "/server.pem"] { chown(folder.path + name, account.pointee.pw_uid, account.pointee.pw_gid) }
        }
        certificateAuthority = folder.appendingPathComponent("ca.pem")
        let hba = URL(fileURLWithPath: data).appendingPathComponent("pg_hba.conf")
        let rules = try String(contentsOf: hba, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("host ") ? "hostssl" + $0.dropFirst(4) : String($0) }
        try rules.joined(separator: "\n").write(to: hba, atomically: false, encoding: .utf8)
        return " -c ssl=on -c ssl_cert_file=\(path("server.pem")) -c ssl_key_file=\(path("server.key"))"
    }

    /// Stops the server (immediately: tests keep nothing) and removes its folder.
    func stop() {
        if running {
            running = false
            _ = try? runAsServer("pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// A new, empty database with PostGIS not yet installed (a release installs it).
    func createDatabase() throws -> String {
        let name = "test_\(UUID().uuidString.prefix(8).lowercased())"
        _ = try psql("CREATE DATABASE \(name)")
        return name
    }

    /// Runs SQL with `psql` over the socket and returns its rows, fields split at `|`.
    @discardableResult
    func psql(_ sql: String, database: String = "postgres") throws -> [[String]] {
        let output = try Self.run(URL(fileURLWithPath: "/usr/bin/psql"), [
            "-h", directory.path, "-p", "\(port)", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t", "-q", "-c", "SET client_min_messages TO warning", "-c", sql,
        ])
        return output.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    /// One value: the first field of the first row.
    func value(_ sql: String, database: String) throws -> String? {
        try psql(sql, database: database).first?.first
    }

    private func runAsServer(_ tool: String, _ arguments: [String]) throws {
        let path = Self.binaries.appendingPathComponent(tool)
        if getuid() == 0 {
            _ = try Self.run(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "postgres", "--", path.path] + arguments)
        } else {
            _ = try Self.run(path, arguments)
        }
    }

    /// Runs a tool to its end and returns its output. Spawned and awaited with `posix_spawn` and
    /// `waitpid`: Foundation's `Process` never saw `pg_ctl start` end (under `runuser`), its server
    /// still running, and waited for ever.
    private static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-pg-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Unavailable(description: "cannot start \(executable.path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        // Exited normally with 0: the low 7 bits hold no signal and the next 8 bits the exit code.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw Unavailable(description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// A port nobody listens on now: the kernel's pick for a socket bound to port 0.
    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Unavailable(description: "cannot open a socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Unavailable(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

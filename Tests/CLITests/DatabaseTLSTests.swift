import Foundation
import XCTest

/// `release --database` against a PostgreSQL server that accepts TCP connections with TLS alone, its
/// certificate made by openssl for this run: the URL's `sslmode` and `sslrootcert` reach libpq as given,
/// a certificate for another host fails the dataset with one line, and the password shows nowhere.
final class DatabaseTLSTests: XCTestCase {
    nonisolated(unsafe) private static var sharedServer: PostgresServer?
    private var server: PostgresServer!
    private var space: ReleaseWorkspace!

    override class func tearDown() {
        sharedServer?.stop()
        sharedServer = nil
    }

    override func setUpWithError() throws {
        if Self.sharedServer == nil { Self.sharedServer = try PostgresServer(tls: true) }
        server = Self.sharedServer
        space = try ReleaseWorkspace()
        try space.addDataset("air-stations", points: 5)
    }

    override func tearDown() {
        space?.remove()
    }

    private func release(_ url: String) throws -> (CLIRunner.Result, [String: Any]) {
        let result = try space.lumpini(["release", "--json", "--database", url])
        XCTAssertFalse((result.stdout + result.stderr).contains(server.password), "the password was printed: \(result.stdout) \(result.stderr)")
        let json = try XCTUnwrap(try? result.json() as? [String: Any], "\(result.stdout)\n\(result.stderr)")
        return (result, try XCTUnwrap(json["database"] as? [String: Any], result.stdout))
    }

    private func reasons(_ summary: [String: Any]) -> [String] {
        ((summary["failed"] as? [[String: Any]]) ?? []).compactMap { $0["reason"] as? String }
    }

    func testSSLModeRequireLoadsAndAConnectionWithoutTLSIsRefused() throws {
        let database = try server.createDatabase()
        let url = server.url(database: database)
        let (plain, plainSummary) = try release(url + "?sslmode=disable")
        XCTAssertEqual(plain.status, 1, "the server takes TLS only, so the test's connections below used it")
        XCTAssertTrue(reasons(plainSummary).first?.contains("no encryption") == true, "\(reasons(plainSummary))")

        let (loaded, summary) = try release(url + "?sslmode=require")
        XCTAssertEqual(loaded.status, 0, loaded.stdout + loaded.stderr)
        XCTAssertEqual((summary["loaded"] as? [[String: Any]])?.count, 1, "\(summary)")
        XCTAssertEqual(try server.value("SELECT count(*) FROM opendata.air_stations", database: database), "5")
    }

    func testVerifyFullChecksTheCertificateAgainstTheHostAndAWrongHostFailsWithOneLine() throws {
        let authority = try XCTUnwrap(server.certificateAuthority).path
        let database = try server.createDatabase()
        let url = server.url(database: database)
        // The certificate names localhost; 127.0.0.1 is the same server under a name it does not carry.
        let (wrongHost, wrongSummary) = try release(url + "?sslmode=verify-full&sslrootcert=\(authority)")
        XCTAssertEqual(wrongHost.status, 1)
        let reason = try XCTUnwrap(reasons(wrongSummary).first, "\(wrongSummary)")
        XCTAssertTrue(reason.contains("does not match host name \"127.0.0.1\""), reason)
        XCTAssertFalse(reason.contains("\n"), "one line: \(reason)")
        XCTAssertNil(try server.value("SELECT to_regclass('opendata.air_stations')", database: database).flatMap { $0.isEmpty ? nil : $0 },
                     "nothing was loaded over an unverified connection")

        let localhost = url.replacingOccurrences(of: "@127.0.0.1:", with: "@localhost:")
        let (verified, summary) = try release(localhost + "?sslmode=verify-full&sslrootcert=\(authority)")
        XCTAssertEqual(verified.status, 0, verified.stdout + verified.stderr)
        XCTAssertEqual((summary["loaded"] as? [[String: Any]])?.count, 1, "\(summary)")
        XCTAssertEqual(try server.value("SELECT count(*) FROM opendata.air_stations", database: database), "5")

        try server.psql("DROP SCHEMA opendata CASCADE", database: database)
        let (unknown, unknownSummary) = try release(localhost + "?sslmode=verify-full&sslrootcert=\(space.root.path)/no-such-ca.pem")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(reasons(unknownSummary).first?.contains("no-such-ca.pem") == true, "\(reasons(unknownSummary))")
    }
}

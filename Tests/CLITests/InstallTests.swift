import Foundation
import XCTest

/// `make install` into a DESTDIR, with the executables of this test run's build, then the installed
/// executables run from there: both side by side, man pages made from `--help`, completions, the docs and
/// the systemd unit pointing at where they were installed.
final class InstallTests: XCTestCase {
    func testMakeInstallPutsEverythingInPlaceAndTheInstalledExecutablesRun() throws {
        let destination = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: destination) }
        let prefix = "/opt/lumpini"
        let install = try CLIRunner.run(
            ["install", "DESTDIR=\(destination.path)", "PREFIX=\(prefix)", "BUILD_DIR=\(CLIRunner.binary.deletingLastPathComponent().path)"],
            in: CLIRunner.packageRoot, timeout: 600, executable: URL(fileURLWithPath: "/usr/bin/make"))
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        let root = destination.appendingPathComponent(String(prefix.dropFirst()))
        func file(_ path: String) -> URL { root.appendingPathComponent(path) }
        for path in ["bin/lumpini", "bin/lumpini-engine"] {
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: file(path).path), path)
        }
        for path in ["share/man/man1/lumpini.1.gz", "share/man/man1/lumpini-serve.1.gz", "share/man/man1/lumpini-release.1.gz",
                     "share/bash-completion/completions/lumpini", "share/zsh/vendor-completions/_lumpini", "share/fish/vendor_completions.d/lumpini.fish",
                     "share/doc/lumpini/README.md", "share/doc/lumpini/serve.md", "share/doc/lumpini/examples/nginx-lumpini.conf"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: file(path).path), path)
        }
        let page = try CLIRunner.run(["-c", file("share/man/man1/lumpini-serve.1.gz").path], executable: URL(fileURLWithPath: "/usr/bin/zcat"))
        XCTAssertTrue(page.stdout.contains(".TH LUMPINI-SERVE"), String(page.stdout.prefix(300)))
        XCTAssertTrue(page.stdout.contains("\\-\\-port"), "the page holds the command's options")
        XCTAssertTrue(try String(contentsOf: file("share/bash-completion/completions/lumpini"), encoding: .utf8).contains("serve"))
        let unit = try String(contentsOf: file("lib/systemd/system/lumpini-serve.service"), encoding: .utf8)
        XCTAssertTrue(unit.contains("ExecStart=\(prefix)/bin/lumpini serve "), unit)

        // The installed launcher finds the installed engine beside it, with nothing of the repository around.
        let installed = file("bin/lumpini")
        let workspace = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let version = try CLIRunner.run(["--version"], in: workspace, executable: installed)
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertTrue(version.stdout.contains("GDAL"), "the engine answered: \(version.stdout)")
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("datasets"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("datasets/pm25-readings-sample"),
            to: workspace.appendingPathComponent("datasets/pm25-readings-sample"))
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("schemas"), to: workspace.appendingPathComponent("schemas"))
        let release = try CLIRunner.run(["release", "--public", "public"], in: workspace, timeout: 300, executable: installed)
        XCTAssertEqual(release.status, 0, release.stdout + release.stderr)
        let list = try CLIRunner.run(["catalog", "list", "--public", "public"], in: workspace, executable: installed)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("pm25-readings-sample"), list.stdout)
    }
}

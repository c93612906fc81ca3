import Foundation
import XCTest

/// The reference tools that conformance tests hold Lumpini's output against (frictionless, pyshacl,
/// jsonschema), from the Python virtual environment `make test` creates.
///
/// The environment is `LUMPINI_VENV`, else the package's `.venv` when it exists. Without one a test that
/// needs a tool is skipped, so `swift test` works on a machine without Python — unless
/// `LUMPINI_REQUIRE_REFERENCE_TOOLS` is set (`make test` and CI set it): then a missing environment or
/// tool fails the test, and a green run never hides a conformance check that did not happen.
public enum ReferenceTools {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The virtual environment's folder.
    public static func environment() throws -> URL {
        let variables = ProcessInfo.processInfo.environment
        if let path = variables["LUMPINI_VENV"], !path.isEmpty { return URL(fileURLWithPath: path, isDirectory: true) }
        let local = packageRoot.appendingPathComponent(".venv", isDirectory: true)
        if FileManager.default.fileExists(atPath: local.appendingPathComponent("bin/python").path) { return local }
        let reason = "no Python environment with the reference tools (LUMPINI_VENV unset, no .venv): `make test` creates it"
        if variables["LUMPINI_REQUIRE_REFERENCE_TOOLS"] != nil { throw Missing(description: reason) }
        throw XCTSkip(reason)
    }

    /// `bin/<name>` of the environment; a failure, never a skip, when the environment lacks it.
    public static func tool(_ name: String) throws -> URL {
        let url = try environment().appendingPathComponent("bin/\(name)")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw Missing(description: "\(url.path) is missing: the reference environment is incomplete; remove it and run `make test` again")
        }
        return url
    }
}

import ArgumentParser
import Foundation
import LumpiniCore

/// An error the command line reports as its description on one line, with the exit code of its kind.
public protocol ReportableError: Error, CustomStringConvertible {
    var kind: FailureKind { get }
}

extension LumpiniError: ReportableError {}

/// Runs a command's body and turns any error into one clear line on stderr and the documented
/// exit code: 1 data problems, 2 usage or input errors, 3 internal errors.
public func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ExitCode {
        throw error
    } catch let error as any ReportableError {
        Terminal.error(error.description)
        throw ExitCode(exitCode(for: error.kind))
    } catch let error as CocoaError where error.code == .fileReadNoSuchFile || error.code == .fileNoSuchFile {
        Terminal.error("\(error.filePath ?? "file"): no such file")
        throw ExitCode(2)
    } catch {
        Terminal.error("internal error: \(error)")
        throw ExitCode(3)
    }
}

func exitCode(for kind: FailureKind) -> Int32 {
    switch kind {
    case .data: return 1
    case .input: return 2
    case .internal: return 3
    }
}

extension CocoaError {
    var filePath: String? { (userInfo[NSFilePathErrorKey] as? String) ?? (userInfo[NSURLErrorKey] as? URL)?.path }
}

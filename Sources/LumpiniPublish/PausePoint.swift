import Foundation

/// Named moments of a release where a crash test can stop the process: with
/// `LUMPINI_TEST_PAUSE_AT=<phase>` the process prints `paused at <phase>` on stderr and sleeps
/// until killed, so a test can `SIGKILL` it exactly there. Without the variable this does nothing,
/// and release builds (`-c release`, what is installed) ignore it: a stray variable in a production
/// environment must never make a release wait for ever holding the lock.
package enum PausePoint: String, Sendable, CaseIterable {
    /// While records stream into the data files.
    case writing
    /// The data files are complete in staging; metadata not yet.
    case dataWritten = "data-written"
    /// The whole version is in staging, manifest included; not yet renamed.
    case staged
    /// The version folder is in the public tree; `latest` not yet switched.
    case renamed
    /// `latest` leads to the new version.
    case switched
    /// A version's rows are in its database table; its key, index and comments not yet, and the view
    /// still leads to the previous table.
    case databaseRowsCopied = "database-rows-copied"

    #if DEBUG
    private static let requested = ProcessInfo.processInfo.environment["LUMPINI_TEST_PAUSE_AT"]
    #endif

    package func reach() {
        #if DEBUG
        guard Self.requested == rawValue else { return }
        FileHandle.standardError.write(Data("paused at \(rawValue)\n".utf8))
        while true { sleep(60) }
        #endif
    }
}

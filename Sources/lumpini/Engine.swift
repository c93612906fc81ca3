import Foundation
import LumpiniCommandLine

/// `lumpini-engine`, the executable beside `lumpini` that links GDAL and holds every command.
enum Engine {
    static let executableName = "lumpini-engine"

    /// Replaces this process with the engine, given the same arguments: it keeps the process id, the
    /// environment, the working directory and the open standard input, output and error, so that
    /// scripts, pipes and signals see one `lumpini` process.
    static func run(_ arguments: [String]) -> Never {
        let path = location()
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv(path, &argv)
        let reason = String(cString: strerror(errno))
        Terminal.error("\(path): cannot start \(executableName): \(reason) — install it in the same folder as lumpini")
        exit(3)
    }

    /// Beside this executable, with symbolic links resolved, so a linked `lumpini` (say in
    /// `/usr/local/bin`) finds the engine where both were installed. Foundation knows the executable's
    /// path on every platform (`/proc/self/exe` on Linux, the loader's record on macOS).
    static func location() -> String {
        let own = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return own.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(executableName).path
    }
}

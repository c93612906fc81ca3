import Foundation
import LumpiniCore

/// Printing for people: colour only on a terminal and when NO_COLOR is unset (https://no-color.org).
public enum Terminal {
    /// Whether standard output and standard error are terminals (else colour is never used there).
    public static let stdoutIsTerminal = isatty(STDOUT_FILENO) != 0
    public static let stderrIsTerminal = isatty(STDERR_FILENO) != 0
    /// False when NO_COLOR is set to anything but the empty text.
    public static let colorAllowed = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true

    public enum Style: String, Sendable {
        case bold = "1", red = "31", green = "32", yellow = "33", dim = "2"
    }

    /// `text` (its control characters made visible) in `style` when colour is allowed on that stream.
    public static func styled(_ text: String, _ style: Style, stderr: Bool = false) -> String {
        guard colorAllowed, stderr ? stderrIsTerminal : stdoutIsTerminal else { return text.printable }
        return "\u{1B}[\(style.rawValue)m\(text.printable)\u{1B}[0m"
    }

    /// `error: message` on stderr, on one line, as documented: every error and warning of both
    /// executables goes through here. Messages that GDAL, PROJ or a parser wrote over several lines
    /// have their lines joined with "; ", and an escape sequence in a message (from a file name, a cell,
    /// a GDAL message quoting the file) is shown, not obeyed.
    public static func error(_ message: String) {
        line(styled("error:", .red, stderr: true), message)
    }

    /// `warning: message` on stderr, on one line.
    public static func warning(_ message: String) {
        line(styled("warning:", .yellow, stderr: true), message)
    }

    private static func line(_ label: String, _ message: String) {
        FileHandle.standardError.write(Data((label + " " + message.joiningLines(with: "; ").printable + "\n").utf8))
    }
}

/// "1 dataset", "7 datasets": a count and its noun, for the lines people read.
public func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

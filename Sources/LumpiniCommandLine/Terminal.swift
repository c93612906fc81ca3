import Foundation

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

    /// `text` in `style` when colour is allowed on that stream, else `text` as it is.
    public static func styled(_ text: String, _ style: Style, stderr: Bool = false) -> String {
        guard colorAllowed, stderr ? stderrIsTerminal : stdoutIsTerminal else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m"
    }

    /// `error: message` on stderr.
    public static func error(_ message: String) {
        let line = styled("error:", .red, stderr: true) + " " + message + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// `warning: message` on stderr.
    public static func warning(_ message: String) {
        let line = styled("warning:", .yellow, stderr: true) + " " + message + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// "1 dataset", "7 datasets": a count and its noun, for the lines people read.
public func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

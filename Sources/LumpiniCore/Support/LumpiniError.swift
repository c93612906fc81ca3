import Foundation

/// What kind of failure an error is; it decides the exit code.
public enum FailureKind: Sendable, Equatable {
    /// The data has problems (invalid rows, a failed check): exit code 1.
    case data
    /// The user's input cannot be used (missing file, bad option, malformed YAML): exit code 2.
    case input
    /// Lumpini itself failed (a bug, an I/O failure it did not expect): exit code 3.
    case `internal`
}

/// An error of Lumpini's own, with the context a data officer needs to act on it.
///
/// `code` is stable (kebab-case) so scripts can match it; `message` says what is wrong in plain
/// words and `hint` what to do about it.
public struct LumpiniError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var kind: FailureKind
    public var file: String?
    public var row: Int?
    public var field: String?
    public var hint: String?

    public init(
        _ code: String, _ message: String, kind: FailureKind = .input,
        file: String? = nil, row: Int? = nil, field: String? = nil, hint: String? = nil
    ) {
        self.code = code
        self.message = message
        self.kind = kind
        self.file = file
        self.row = row
        self.field = field
        self.hint = hint
    }

    /// One line: `file:row: field "x": message (hint)`.
    public var description: String {
        var location = file ?? ""
        if let row { location += location.isEmpty ? "row \(row)" : ":\(row)" }
        var text = location.isEmpty ? "" : location + ": "
        if let field { text += "field \"\(field)\": " }
        text += message
        if let hint { text += " — \(hint)" }
        return text
    }
}

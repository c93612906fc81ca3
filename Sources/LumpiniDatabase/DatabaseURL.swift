import Foundation
import LumpiniPublish

/// Where the GIS database is: a libpq URI (`postgresql://user@host:5432/db?sslmode=verify-full`) or
/// key/value connection string (`host=… dbname=…`), handed to libpq as given, so `~/.pgpass`,
/// `PG*` variables and TLS options work as in `psql`.
///
/// It may hold a password: `description` and `masking(_:)` are what messages, logs and summaries use.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// The connection as given, password included: only for libpq.
    package let connection: String
    private let passwords: [String]

    /// - Throws: `LumpiniError` (exit 2) when the text is neither a PostgreSQL URI nor a key/value string.
    public init(_ connection: String) throws {
        let text = connection.trimmingCharacters(in: .whitespaces)
        let isURI = text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
        guard isURI || text.contains("=") else {
            throw LumpiniError(
                "database-url-invalid", "the database \"\(Self.mask(text, passwords: []))\" is not a PostgreSQL connection",
                kind: .input, hint: "give a URL such as postgresql://gis@db.example:5432/city?sslmode=require, or host=… dbname=…"
            )
        }
        self.connection = text
        var passwords: [String] = []
        if isURI, let password = URLComponents(string: text)?.percentEncodedPassword, !password.isEmpty {
            passwords.append(password)
            if let decoded = password.removingPercentEncoding, decoded != password { passwords.append(decoded) }
        }
        passwords += Self.passwordParameters(in: text)
        self.passwords = passwords
    }

    /// The connection with its password shown as `***`.
    public var description: String { masking(connection) }

    /// `text` with every appearance of the password shown as `***`: for messages from libpq and GDAL.
    public func masking(_ text: String) -> String {
        Self.mask(text, passwords: passwords)
    }

    private static func mask(_ text: String, passwords: [String]) -> String {
        var masked = text
        for password in passwords.sorted(by: { $0.count > $1.count }) {
            masked = masked.replacingOccurrences(of: password, with: "***")
        }
        // `user:secret@` in a URI and `password=secret` in either form, even where no password was parsed.
        masked = masked.replacingOccurrences(of: #"(://[^:/@\s]*):[^@/\s]*@"#, with: "$1:***@", options: .regularExpression)
        return masked.replacingOccurrences(
            of: #"(password\s*=\s*)('(?:\\.|[^'])*'|[^\s&]*)"#, with: "$1***", options: [.regularExpression, .caseInsensitive]
        )
    }

    /// Values of `password=` in a key/value string or a URI's query.
    private static func passwordParameters(in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: #"password\s*=\s*('(?:\\.|[^'])*'|[^\s&]*)"#, options: .caseInsensitive) else {
            return []
        }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]).trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
        }.filter { !$0.isEmpty }
    }
}

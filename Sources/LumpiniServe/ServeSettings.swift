import Foundation

/// What `lumpini serve` serves and where it listens.
public struct ServeSettings: Sendable {
    /// The public tree: `<id>/v<N>/…`, `<id>/latest`, and the site's pages.
    public var publicRoot: URL
    /// The catalogue index (and the feature indexes in its folder).
    public var catalogueFile: URL
    public var host: String
    public var port: Int
    /// Where clients reach the server, for the absolute URLs of answers (`https://data.example/opendata`);
    /// nil: from each request's `Host` header, as `http://<host>`.
    public var baseURL: String?
    /// Names of publishers and themes, when the workspace has its vocabularies.
    public var vocabularies: Vocabularies?

    public init(publicRoot: URL, catalogueFile: URL? = nil, host: String = "127.0.0.1", port: Int = 8080, baseURL: String? = nil, vocabularies: Vocabularies? = nil) {
        self.publicRoot = publicRoot.standardizedFileURL
        self.catalogueFile = catalogueFile ?? Catalogue.defaultFile(publicRoot: publicRoot)
        self.host = host
        self.port = port
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.vocabularies = vocabularies
    }
}

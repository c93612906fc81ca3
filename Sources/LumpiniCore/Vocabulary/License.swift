/// A licence a dataset may be published under.
public struct License: Sendable, Equatable, Codable {
    /// The code used as `license` in `dataset.yaml` (SPDX where one exists), for example `CC-BY-4.0`.
    public var code: String
    public var title: String
    public var url: String

    public init(code: String, title: String, url: String) {
        self.code = code
        self.title = title
        self.url = url
    }
}

/// A theme of the catalogue.
public struct Theme: Sendable, Equatable, Codable {
    /// The code used as `theme` in `dataset.yaml`, for example `environment`.
    public var code: String
    public var nameTH: String
    public var nameEN: String
    /// The EU data theme code it maps to in DCAT-AP exports, for example `ENVI`.
    public var euTheme: String

    public init(code: String, nameTH: String, nameEN: String, euTheme: String) {
        self.code = code
        self.nameTH = nameTH
        self.nameEN = nameEN
        self.euTheme = euTheme
    }
}

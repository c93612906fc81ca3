/// What `dataset.yaml`'s `source:` declares about reading a file. Each is optional: what is not
/// declared is read from the file itself (layer, encoding, CRS) or defaulted (header on row 1).
public struct SourceDeclarations: Sendable {
    /// The layer or sheet to read; the first when nil.
    public var layer: String?
    /// The text encoding; detected when nil.
    public var encoding: TextEncoding?
    /// The CRS of the coordinates (any definition PROJ accepts, e.g. "EPSG:32647"); overrides the file's.
    public var crs: String?
    /// The 1-based row holding the header of a table with title rows above it.
    public var headerRow: Int?
    /// How many rows the header takes (1 when nil); see `HeaderRows`.
    public var headerRows: Int?
    /// A CSV's delimiter other than a comma.
    public var delimiter: String?

    public init(
        layer: String? = nil, encoding: TextEncoding? = nil, crs: String? = nil, headerRow: Int? = nil, headerRows: Int? = nil,
        delimiter: String? = nil
    ) {
        self.layer = layer
        self.encoding = encoding
        self.crs = crs
        self.headerRow = headerRow
        self.headerRows = headerRows
        self.delimiter = delimiter
    }
}

/// A record that was not kept: where it came from, why, and its values as they were read.
public struct QuarantineEntry: Codable, Sendable, Equatable {
    /// The source file, relative to the dataset's folder (set when the dataset is read from its files).
    public var source: String?
    /// The source row number: the row of the file, the header's included (see `Record.rowNumber`).
    public var row: Int
    /// The record's position among the data rows of its file (the first is 1): the number an agency's
    /// own list gives it ("record 130" is row 131 under a one-row header); set with `source`.
    public var record: Int?
    /// A stable kebab-case reason code, for example `unmatched-district`.
    public var reason: String
    public var message: String
    /// The field concerned, if one.
    public var field: String?
    /// The record's values as read from the source, by the source's fields.
    public var values: [String?]
    /// The geometry as read, as WKT, when the record had one.
    public var geometryWKT: String?
}

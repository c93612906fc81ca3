/// A small table of a catalogue command (`show`, `stats`) as RFC 4180 CSV.
enum CatalogueCSV {
    static func render(headers: [String], rows: [[String]]) -> String {
        var bytes: [UInt8] = []
        for row in [headers] + rows {
            bytes.csvRecord(row)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

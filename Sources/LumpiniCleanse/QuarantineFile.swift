import Foundation

/// `<root>/.lumpini/quarantine/<id>/quarantine.csv`: one line per row set aside, in one layout whichever
/// stage set it aside: where it came from (`source`, its `row` in the file and its `record` number among
/// the data rows), why (`stage`, `reason`, `message`, `field`),
/// then its values as read, under the source's own header, and its geometry as read. A data officer
/// sees every row that was not published as the agency wrote it, and can fix it at the source.
/// Written beside its final name and moved there on `commit()`.
package final class QuarantineFile {
    private let file: StreamingCSVFile
    private let sourceFieldCount: Int

    package init(_ url: URL, sourceFields: [String]) throws {
        sourceFieldCount = sourceFields.count
        file = try StreamingCSVFile(url, byteOrderMark: true)
        try file.write(record: ["source", "row", "record", "stage", "reason", "message", "field"] + sourceFields + ["geometry_wkt"])
    }

    /// A row set aside by `stage`, with the values it was read with.
    package func write(_ entry: QuarantineEntry, stage: QuarantineReasons.Stage) throws {
        let values = (0..<sourceFieldCount).map { $0 < entry.values.count ? entry.values[$0] : nil }
        try file.write(record: [entry.source, String(entry.row), entry.record.map(String.init), stage.rawValue, entry.reason, entry.message, entry.field] + values + [entry.geometryWKT])
    }

    package func commit() throws {
        try file.commit()
    }

    package func discard() {
        file.discard()
    }
}

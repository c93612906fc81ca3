import Foundation
import GDAL

/// The first rows of a table (CSV or spreadsheet sheet) as text, with no row taken as the header,
/// numbered as `source.headerRow` counts them: what header detection reads.
enum TablePreview {
    static func rows(path: String, format: SourceFormat, layer: String, count: Int = HeaderDetection.rowsRead) throws -> [[String]] {
        format == .csv ? try csvRows(path: path, count: count) : try sheetRows(path: path, format: format, layer: layer, count: count)
    }

    /// The rows before the first the reader refuses (a bad byte, a NUL): the reader of the records
    /// then reports that row, naming its field, as the pipeline would.
    private static func csvRows(path: String, count: Int) throws -> [[String]] {
        let rows = CSVRows(reader: try CSVReader(path: path), header: [], path: path)
        var preview: [[String]] = []
        while preview.count < count, let row = try? rows.next() {
            preview.append(row.values.map { $0 ?? "" })
        }
        return preview
    }

    /// A sheet opened as `LayerRecordSource` opens one whose header is not on row 1.
    private static func sheetRows(path: String, format: SourceFormat, layer name: String, count: Int) throws -> [[String]] {
        do {
            let layer = try format.withSpreadsheetHeaders("DISABLE") {
                let dataset = try SourceFormat.openDataset(path, openOptions: format.openOptions(headerRow: 2))
                let layer = try dataset.layer(named: name)
                _ = try LayerRecordSource.loadFields(of: layer, path: path)
                return layer
            }
            var rows: [[String]] = []
            while rows.count < count, let feature = try layer.nextFeature() {
                rows.append((0..<feature.fieldCount).map { feature.bytes(at: $0).map { String(decoding: $0, as: UTF8.self) } ?? "" })
            }
            return rows
        } catch let error as GDALError {
            throw LumpiniError.gdal(error, file: path)
        }
    }
}

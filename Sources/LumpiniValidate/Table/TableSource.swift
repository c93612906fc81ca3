import Foundation
import GDAL

/// Rows of a table to validate, the header first (row 1).
protocol TableSource: AnyObject {
    /// Reads the next row into `row`; false after the last.
    /// - Throws: `CSVEncodingError` at an undecodable byte, `LumpiniError` when reading fails.
    func next(into row: inout CellRow) throws -> Bool
    /// The text encoding, when the source is text.
    var textEncoding: String? { get }
    /// Bytes read so far, when known.
    var bytesRead: Int? { get }
}

extension CSVReader: TableSource {
    var textEncoding: String? { encodingName }
    var bytesRead: Int? { byteCount }
}

/// A table GDAL reads (XLSX, ODS, a layer of any vector format): the field names as the header,
/// then each feature's values as text. A spreadsheet's first row is always taken as the header
/// (`HEADERS=FORCE`), and rows are numbered as the sheet numbers them.
final class GDALTableSource: TableSource {
    private let layer: Layer
    private let fieldCount: Int
    private var headerSent = false
    private var rowNumber = 1
    /// The geometry of the feature last read, when the layer has geometries.
    private(set) var geometry: Geometry?
    let labels: [String]

    init(path: String, layerName: String? = nil) throws {
        let dataset: Dataset
        do {
            dataset = try SourceFormat.openDataset(path, openOptions: ["HEADERS": "FORCE"])
        } catch let error as GDALError {
            throw LumpiniError.gdal(error, file: path)
        }
        do {
            layer = try layerName.map { try dataset.layer(named: $0) } ?? dataset.layer(at: 0)
        } catch let error as GDALError {
            throw LumpiniError.gdal(error, file: path)
        }
        labels = try LayerRecordSource.loadFields(of: layer, path: path).map(\.name)
        fieldCount = labels.count
        try layer.resetReading()
    }

    var textEncoding: String? { nil }
    var bytesRead: Int? { nil }

    func next(into row: inout CellRow) throws -> Bool {
        row.removeAll()
        if !headerSent {
            headerSent = true
            labels.forEach { row.append(text: $0) }
            row.number = 1
            return true
        }
        let feature: Feature?
        do {
            feature = try layer.nextFeature()
        } catch let error as GDALError {
            throw LumpiniError.gdal(error, file: layer.dataset.path)
        }
        guard let feature else { return false }
        rowNumber += 1
        // Spreadsheet drivers number features by their sheet row, which is what a user sees.
        row.number = feature.fid.map { Int($0) } ?? rowNumber
        for index in 0..<fieldCount {
            if let text = feature.string(at: index) { row.append(text: text) } else { row.appendNull() }
        }
        geometry = feature.geometry?.clone()
        return true
    }
}

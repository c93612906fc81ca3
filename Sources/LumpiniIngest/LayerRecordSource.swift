import Foundation
import GDAL

/// A layer (or sheet) read through GDAL, opened with the drivers `SourceFormat` allows. Text is decoded
/// by Lumpini, not GDAL: the declared encoding, else a shapefile's `.cpg`, else detected from the values.
/// A spreadsheet's header may sit below title rows and span several rows, merged cells included.
/// Not `Sendable`: it holds a GDAL dataset and belongs to the task that reads it.
package final class LayerRecordSource: RecordSource {
    let layer: Layer
    package let header: [String]
    package let fields: [FieldDefinition]
    package let encoding: TextEncoding
    package var fileSpatialReference: SpatialReference? { layer.spatialReference }
    package var geometryType: GeometryType { layer.geometryType }
    /// Why the declared header does not fit the sheet's merged cells, when told to read it anyway.
    let headerProblem: LumpiniError?
    /// The failure GDAL reported while reading the latest feature, if any.
    private(set) var lastReadFailure: (row: Int, message: String)?
    private let path: String
    private let format: SourceFormat
    private let decoder: TextDecoder
    private let stringFields: [Bool]
    private let firstDataRow: Int
    private var featureIndex = 0

    /// - Parameter refusingMergedHeaders: false to read a header whose merged cells the declared rows do
    ///   not cover anyway, with the problem in `headerProblem` (for `inspect`).
    init(path: String, format: SourceFormat, declared: SourceDeclarations, layout: HeaderRows, refusingMergedHeaders: Bool) throws {
        self.path = path
        self.format = format
        firstDataRow = layout.last + 1
        let singleHeaderRow = !format.isTable || (layout.first == 1 && layout.count == 1)
        let headers = singleHeaderRow ? "FORCE" : "DISABLE"
        do {
            // The layer keeps its dataset open.
            layer = try format.withSpreadsheetHeaders(headers) {
                let dataset = try SourceFormat.openDataset(path, openOptions: format.openOptions(headerRow: singleHeaderRow ? 1 : 2))
                return try declared.layer.map { try dataset.layer(named: $0) } ?? dataset.layer(at: 0)
            }
        } catch let error as GDALError {
            throw LumpiniError.gdal(error, file: path)
        }
        let layer = self.layer
        _ = try format.withSpreadsheetHeaders(headers) { try Self.loadFields(of: layer, path: path) }
        let merges = format == .spreadsheet && path.lowercased().hasSuffix(".xlsx") ? XLSXMergedCells(path: path, sheet: layer.name).ranges : []
        do {
            try layout.check(merges, path: path, sheet: layer.name)
            headerProblem = nil
        } catch let problem as LumpiniError where !refusingMergedHeaders {
            headerProblem = problem
        }
        let layerFields = layer.fields
        stringFields = layerFields.map { $0.type == .string }
        encoding = try declared.encoding ?? Self.encoding(of: path, format: format, layer: layer, stringFields: stringFields)
        let decoder = TextDecoder(encoding)
        self.decoder = decoder
        if singleHeaderRow {
            header = layerFields.map { Self.decodeName($0.name, decoder: decoder) }
            fields = zip(header, layerFields).map { name, field in
                var renamed = field
                renamed.name = name
                return renamed
            }
        } else {
            let rows = try Self.readHeader(layer: layer, rows: layout, decoder: decoder, path: path)
            header = rows.count == 1 ? rows[0] : layout.join(rows, merges: merges)
            fields = header.map { FieldDefinition(name: $0, type: .string) }
        }
    }

    package func next() throws -> Record? {
        let feature: Feature?
        do {
            feature = try layer.nextFeature()
        } catch let error as GDALError {
            throw Self.readFailure(error, after: featureIndex, path: path)
        }
        guard let feature else { return nil }
        featureIndex += 1
        var values: [String?] = []
        values.reserveCapacity(header.count)
        for index in 0..<min(header.count, feature.fieldCount) {
            if stringFields.indices.contains(index) ? stringFields[index] : true {
                let text = feature.bytes(at: index).map { decoder.decodeRepairing($0) }
                values.append(format == .spreadsheet ? text.map(NumberText.asSpreadsheetShows(text:)) : text)
            } else {
                let value = feature.value(at: index)
                values.append(format == .spreadsheet ? value.spreadsheetText : value.text)
            }
        }
        let rowNumber = format.isTable ? firstDataRow + featureIndex - 1 : featureIndex
        lastReadFailure = feature.readError.map { (rowNumber, $0.message) }
        return Record(rowNumber: rowNumber, values: values, geometry: feature.geometry)
    }

    /// The layer's fields, once GDAL has read the layer; a sheet GDAL could only read in part (its
    /// XML breaks off) is refused instead of being read as the rows before the break.
    package static func loadFields(of layer: Layer, path: String) throws -> [FieldDefinition] {
        do {
            return try layer.loadFields()
        } catch let error as GDALError {
            throw LumpiniError(
                "sheet-unreadable", "sheet \"\(layer.name)\" cannot be read: \(error.message.replacingOccurrences(of: "/vsizip/{\(path)}/", with: ""))",
                kind: .input, file: path, hint: "the workbook is damaged: open it in Excel or LibreOffice and save it again, or ask the agency for a new copy"
            )
        }
    }

    private static func decodeName(_ name: String, decoder: TextDecoder) -> String {
        (try? decoder.decode(Array(name.utf8))) ?? name
    }

    /// The cells of the header rows, read as features of a sheet opened without a header.
    private static func readHeader(layer: Layer, rows: HeaderRows, decoder: TextDecoder, path: String) throws -> [[String]] {
        try layer.resetReading()
        for _ in 1..<rows.first {
            guard try layer.nextFeature() != nil else {
                throw LumpiniError("header-row-missing", "the file has fewer than \(rows.first) rows, so row \(rows.first) cannot be the header", file: path, hint: "fix source.headerRow in dataset.yaml")
            }
        }
        return try (rows.first...rows.last).map { row in
            guard let feature = try layer.nextFeature() else {
                throw LumpiniError("header-row-missing", "row \(row) (a declared header row) does not exist", file: path, hint: "fix source.headerRow and source.headerRows in dataset.yaml")
            }
            return (0..<feature.fieldCount).map { index in
                feature.bytes(at: index).map { decoder.decodeRepairing($0) }?.trimmingCharacters(in: .whitespaces) ?? ""
            }
        }
    }

    /// The encoding for a file that did not declare one: a `.cpg` for shapefiles, else detected
    /// from the text values of the first features; other formats are UTF-8 by definition.
    private static func encoding(of path: String, format: SourceFormat, layer: Layer, stringFields: [Bool]) throws -> TextEncoding {
        guard format == .shapefile else { return .utf8 }
        if let cpg = ShapefileParts.codePage(path) {
            guard let encoding = TextEncoding(named: cpg) else {
                throw LumpiniError("unknown-encoding", "the .cpg file names an encoding Lumpini does not know: \"\(cpg)\"", file: path, hint: "declare source.encoding in dataset.yaml (UTF-8, TIS-620, Windows-874)")
            }
            return encoding == .utf8BOM ? .utf8 : encoding
        }
        do {
            return EncodingDetector.detect(try sampleTextBytes(layer: layer, stringFields: stringFields)).encoding
        } catch let error as GDALError {
            throw readFailure(error, after: 0, path: path)
        }
    }

    /// GDAL stopping part-way through the features (a truncated file, a DBF declaring more records than
    /// it holds): an input error, whichever command was reading.
    private static func readFailure(_ error: GDALError, after rows: Int, path: String) -> LumpiniError {
        LumpiniError(
            "read-failed", "reading stopped after \(rows) rows: \(error.message)", kind: .input, file: path,
            hint: "the file may be truncated or corrupt; ask the agency for a new copy")
    }

    /// Raw bytes of the text values of the first 500 features, for encoding detection.
    static func sampleTextBytes(layer: Layer, stringFields: [Bool]) throws -> [UInt8] {
        var sample: [UInt8] = []
        try layer.resetReading()
        var count = 0
        while count < 500, sample.count < 1 << 16, let feature = try layer.nextFeature() {
            for (index, isString) in stringFields.enumerated() where isString {
                if let bytes = feature.bytes(at: index) {
                    sample += bytes
                    sample.append(0x20)
                }
            }
            count += 1
        }
        try layer.resetReading()
        return sample
    }
}

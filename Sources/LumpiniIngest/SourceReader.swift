import Foundation
import GDAL

/// Reads one source file as a stream of `Record`s: the header (field names), then one record per
/// row or feature with values as text and the geometry as GDAL read it.
///
/// CSV files go through Lumpini's own streaming `CSVReader` (several times faster than GDAL's CSV
/// driver, and it keeps rows with extra cells visible); every other format through GDAL. Text is
/// decoded by Lumpini, not GDAL, so TIS-620 shapefiles without a `.cpg` and TIS-620 CSVs come out
/// as Thai: the encoding is the declared one, else the `.cpg`'s, else detected from the values.
/// Not `Sendable`: it holds a GDAL dataset and belongs to the task that reads it.
public final class SourceReader {
    public let path: String
    public let format: SourceFormat
    /// Field names, in the order of `Record.values`.
    public let header: [String]
    public let encoding: TextEncoding
    /// The CRS the geometries are in: the declared one, else the file's own; nil when neither says.
    public let spatialReference: SpatialReference?
    /// The GDAL layer read; nil for CSV files, which Lumpini reads itself.
    public let layer: Layer?
    /// The fields as the source types them (every CSV field is text).
    public let fields: [FieldDefinition]
    /// The geometry type the source declares (`none` for tables).
    public let geometryType: GeometryType
    private let decoder: TextDecoder
    private let stringFields: [Bool]
    private let firstDataRow: Int
    private var featureIndex = 0
    private let headerRow: Int
    /// A CSV's rows after the header; nil for other formats.
    private let csvRows: CSVRowStream?
    /// For a CSV, how its encoding was chosen (declared, or detected with a confidence); nil otherwise.
    public let csvEncodingDetection: EncodingDetector.Detection?
    /// Why the header as declared does not fit the sheet's merged cells, when the reader was told to
    /// read it anyway (`refusingMergedHeaders: false`); nil otherwise.
    public private(set) var headerProblem: LumpiniError?
    /// The failure GDAL reported while reading the latest feature, if any (see `unreadableGeometry`).
    private var lastReadFailure: (row: Int, message: String)?

    /// Opens `path` for reading.
    /// - Parameters:
    ///   - layer: the layer or sheet to read; the first when nil.
    ///   - encoding: the declared encoding; detected when nil.
    ///   - crs: the declared CRS (any definition GDAL accepts, e.g. "EPSG:32647"); overrides the file's.
    ///   - headerRow: the 1-based row holding the header in a table with title rows above it.
    ///   - headerRows: how many rows the header takes (1 when nil); see `HeaderRows`.
    ///   - refusingMergedHeaders: false to read a header whose merged cells the declared rows do not
    ///     cover anyway, with the problem in `headerProblem` (for `inspect`, which shows the file as it is).
    ///   - readingAhead: read and decode a CSV a batch ahead on a thread of its own. Worth it when each
    ///     record then takes real work (cleansing, publishing); a reader that only counts or checks
    ///     rows is faster without it, as handing strings between threads costs more than it saves.
    /// - Throws: `LumpiniError` naming the file when it cannot be read, when a sheet's XML is broken,
    ///   or when an XLSX header has merged cells the declared header rows do not cover.
    public init(
        path: String, layer layerName: String? = nil, encoding declared: TextEncoding? = nil, crs: String? = nil,
        headerRow: Int? = nil, delimiter: String? = nil, headerRows: Int? = nil, refusingMergedHeaders: Bool = true,
        readingAhead: Bool = false
    ) throws {
        self.path = path
        self.format = SourceFormat(path: path)
        try SourceReader.checkReadable(path)
        self.headerRow = format.isTable ? (headerRow ?? 1) : 0
        let headerLayout = HeaderRows(first: self.headerRow, count: format.isTable ? max(headerRows ?? 1, 1) : 1)
        firstDataRow = headerLayout.last + 1
        let declaredCRS = try crs.map { try SourceReader.declaredCRS($0, path: path) }
        if format == .csv {
            spatialReference = declaredCRS
            let dialect = try delimiter.map { try CSVDialect(delimiter: $0) } ?? CSVDialect()
            let reader = try CSVReader(path: path, dialect: dialect, encoding: declared?.name)
            csvEncodingDetection = reader.encodingDetection
            layer = nil
            geometryType = .none
            encoding = TextEncoding(named: reader.encodingName) ?? declared ?? .utf8
            decoder = TextDecoder(encoding)
            var headerCells = CellRow()
            while try reader.next(into: &headerCells), headerCells.number < self.headerRow {}
            guard headerCells.number == self.headerRow else {
                throw LumpiniError("header-row-missing", "the file has no row \(self.headerRow) to be the header", file: path, hint: "fix source.headerRow in dataset.yaml")
            }
            try Self.refuseNUL(in: headerCells, names: nil, path: path)
            var rows = [headerCells.strings.map { ($0 ?? "").trimmingWhitespace }]
            while rows.count < headerLayout.count {
                guard try reader.next(into: &headerCells) else {
                    throw LumpiniError("header-row-missing", "the file ends before row \(headerLayout.last), the last of the declared header rows", file: path, hint: "fix source.headerRows in dataset.yaml")
                }
                try Self.refuseNUL(in: headerCells, names: nil, path: path)
                rows.append(headerCells.strings.map { $0 ?? "" })
            }
            header = rows.count == 1 ? rows[0] : headerLayout.join(rows)
            fields = header.map { FieldDefinition(name: $0, type: .string) }
            stringFields = header.map { _ in true }
            let dataRows = CSVRows(reader: reader, header: header, path: path)
            csvRows = readingAhead ? .ahead(ReadAhead { try dataRows.next() }) : .direct(dataRows)
            return
        }
        csvRows = nil
        csvEncodingDetection = nil
        let layer: Layer
        let singleHeaderRow = !format.isTable || (self.headerRow == 1 && headerLayout.count == 1)
        let format = self.format
        do {
            // The layer keeps its dataset open.
            layer = try format.withSpreadsheetHeaders(singleHeaderRow ? "FORCE" : "DISABLE") {
                let dataset = try SourceFormat.openDataset(path, openOptions: format.openOptions(headerRow: singleHeaderRow ? 1 : 2))
                return try layerName.map { try dataset.layer(named: $0) } ?? dataset.layer(at: 0)
            }
        } catch let error as GDALError {
            throw LumpiniError.gdal(error, file: path)
        }
        _ = try format.withSpreadsheetHeaders(singleHeaderRow ? "FORCE" : "DISABLE") { try Self.loadFields(of: layer, path: path) }
        let merges = format == .spreadsheet && path.lowercased().hasSuffix(".xlsx") ? XLSXMergedCells(path: path, sheet: layer.name).ranges : []
        do {
            try headerLayout.check(merges, path: path, sheet: layer.name)
            headerProblem = nil
        } catch let problem as LumpiniError where !refusingMergedHeaders {
            headerProblem = problem
        }
        self.layer = layer
        geometryType = layer.geometryType
        let layerFields = layer.fields
        stringFields = layerFields.map { $0.type == .string }
        encoding = try declared ?? SourceReader.encoding(of: path, format: format, layer: layer, stringFields: stringFields)
        decoder = TextDecoder(encoding)
        spatialReference = declaredCRS ?? layer.spatialReference
        if !singleHeaderRow {
            let rows = try SourceReader.readHeader(layer: layer, rows: headerLayout, decoder: decoder, path: path)
            header = rows.count == 1 ? rows[0] : headerLayout.join(rows, merges: merges)
            fields = header.map { FieldDefinition(name: $0, type: .string) }
        } else {
            let decoder = self.decoder
            header = layerFields.map { SourceReader.decodeName($0.name, decoder: decoder) }
            fields = zip(header, layerFields).map { name, field in
                var renamed = field
                renamed.name = name
                return renamed
            }
        }
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

    private static func declaredCRS(_ definition: String, path: String) throws -> SpatialReference {
        do {
            return try SpatialReference(definition: definition)
        } catch {
            throw LumpiniError("unknown-crs", "the CRS \"\(definition)\" is not one PROJ knows", file: path, hint: "write it as EPSG:<code>, e.g. EPSG:32647 for UTM zone 47N")
        }
    }

    /// Why the geometry of `record` (read by this reader) cannot be trusted, or nil. GDAL reads a
    /// GeoJSON point whose coordinates are `NaN` or `Infinity` (not JSON) as an empty point, other
    /// shapes with such coordinates as NaN or infinite numbers, and `1e999` as infinite: publishing
    /// them would publish a feature without its place, or with an impossible one. A feature GDAL
    /// reported a failure for as it read it (coordinates written as text) is not trusted either.
    public func unreadableGeometry(_ record: Record) -> String? {
        if let failure = lastReadFailure, failure.row == record.rowNumber {
            return "feature \(record.rowNumber): GDAL could not read it whole (\(failure.message))"
        }
        guard let geometry = record.geometry else { return nil }
        if geometry.hasNonFiniteCoordinate {
            return "feature \(record.rowNumber): a coordinate of its \(geometry.typeName) is not a finite number (NaN, Infinity or too large)"
        }
        if format == .geojson, geometry.type == .point, geometry.isEmpty {
            return "feature \(record.rowNumber): its Point has no readable coordinates (NaN and Infinity are not JSON numbers)"
        }
        return nil
    }

    /// Refuses what GDAL should never be asked to open: remote paths, folders, empty files.
    package static func checkReadable(_ path: String) throws {
        if RemotePathPolicy.isRemote(path) {
            throw LumpiniError("remote-source", "remote sources are refused", file: path, hint: "download the file and put it in the dataset's source/ folder")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LumpiniError("file-not-found", "no such file", file: path, hint: "check the path")
        }
        if isDirectory.boolValue {
            throw LumpiniError("is-a-directory", "this is a folder, not a file", file: path, hint: "name one file inside it")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 {
            throw LumpiniError("empty-file", "the file is empty (0 bytes)", file: path, hint: "ask the agency to send the file again")
        }
        if SourceFormat(path: path) == .shapefile {
            try ShapefileParts.requireComplete(path)
        }
        if path.lowercased().hasSuffix(".xlsx"), let start = FileHandle(forReadingAtPath: path)?.readData(ofLength: 8),
           [UInt8](start) == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            throw LumpiniError(
                "spreadsheet-encrypted", "the workbook is password-protected (an encrypted OLE container, not an XLSX zip)", file: path,
                hint: "remove the password in Excel (File → Info → Protect Workbook) and save it again as .xlsx"
            )
        }
        if SourceFormat(path: path) == .spreadsheet {
            try WorkbookSizeLimits.check(path)
        }
        do {
            try IndirectSourcePolicy.requireSelfContained(path)
        } catch let error as GDALError {
            throw LumpiniError("indirect-source", error.message, file: path, hint: "send the data itself (CSV, XLSX, Shapefile, GeoJSON…), not a VRT pointing at it")
        }
        try SourceFileParts.requireContained(path)
        try SQLiteSchemaPolicy.requireNoForeignTables(path)
    }

    /// A NUL byte never belongs in text: it marks a damaged file or one in another encoding (UTF-16
    /// read as bytes), and many readers (GDAL's CSV driver among them) end a cell at it. Refused,
    /// not stripped, so the agency's file is looked at instead of silently changed.
    static func refuseNUL(in row: CellRow, names: [String]?, path: String) throws {
        guard let cell = row.firstCellHoldingNUL() else { return }
        let name = names.flatMap { cell < $0.count ? $0[cell] : nil }
        throw LumpiniError(
            "csv-nul-byte", "\(name == nil ? "column \(cell + 1)" : "the cell") holds a NUL byte (0x00), which text never contains",
            kind: .input, file: path, row: row.number, field: name,
            hint: "ask the agency for a clean export (NUL bytes mean a damaged file, or UTF-16 text: then declare source.encoding), or remove them (tr -d '\\000')"
        )
    }

    private static func decodeName(_ name: String, decoder: TextDecoder) -> String {
        let bytes = Array(name.utf8)
        if let text = try? decoder.decode(bytes) { return text }
        return name
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
    /// from the file's bytes (tables) or from the text values of the first features.
    private static func encoding(of path: String, format: SourceFormat, layer: Layer, stringFields: [Bool]) throws -> TextEncoding {
        switch format {
        case .shapefile:
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
        default:
            return .utf8
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

    /// The next record, or nil at the end. A CSV row keeps every cell it has: fewer than the header
    /// are padded with nulls, more are kept past the header's end for the recipe to quarantine.
    /// - Throws: `LumpiniError` when the file cannot be read on (a truncated file, bytes that are
    ///   not valid in the encoding).
    public func next() throws -> Record? {
        if let csvRows {
            return try csvRows.next().map { Record(rowNumber: $0.number, values: $0.values) }
        }
        guard let layer else { return nil }
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
                values.append(feature.bytes(at: index).map { decoder.decodeRepairing($0) })
            } else {
                values.append(feature.value(at: index).text)
            }
        }
        let rowNumber = format.isTable ? firstDataRow + featureIndex - 1 : featureIndex
        lastReadFailure = feature.readError.map { (rowNumber, $0.message) }
        return Record(rowNumber: rowNumber, values: values, geometry: feature.geometry)
    }
}

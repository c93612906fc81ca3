import Foundation
import GDAL

/// What a data officer runs first on a file that just arrived: format, layers, CRS, extent,
/// encoding, and per field the type the values really have and what is odd about them.
public enum Inspector {
    /// Reads the whole file once (streaming) and reports on it.
    /// - Parameter layerName: only this layer; every layer when nil.
    /// - Throws: `LumpiniError` naming the file when it cannot be read.
    public static func inspect(path: String, layer layerName: String? = nil) throws -> InspectionReport {
        let format = SourceFormat(path: path)
        if format == .csv {
            return try inspectCSV(path: path)
        }
        let dataset: Dataset
        do {
            dataset = try SourceFormat.openDataset(path, openOptions: format.openOptions(headerRow: nil))
        } catch let error as GDALError {
            throw LumpiniError.gdal(error, file: path)
        }
        var warnings = fileWarnings(path: path, format: format)
        let layers: [Layer]
        do {
            layers = try layerName.map { [try dataset.layer(named: $0)] } ?? dataset.layers()
        } catch let error as GDALError {
            throw LumpiniError("no-such-layer", error.message, file: path, hint: "run `lumpini inspect` without --layer to list the layers")
        }
        var encoding: EncodingDetector.Detection?
        var layerReports: [InspectionReport.LayerReport] = []
        for layer in layers {
            let header = try format.isTable ? findHeader(path: path, format: format, layer: layer.name) : nil
            let declared = SourceDeclarations(layer: layer.name, headerRow: header?.row, headerRows: header?.rows)
            let reader = try SourceReader(path: path, declared: declared, refusingMergedHeaders: false)
            if let problem = reader.headerProblem { warnings.append("\(problem.message): \(problem.hint ?? "")") }
            if encoding == nil { encoding = detection(for: reader, layer: layer, path: path) }
            var report = try inspect(
                reader: reader, layerName: layer.name, declaredType: layer.geometryType,
                gdalTypes: reader.fields.map(\.type), warnings: &warnings
            )
            report.header = header
            layerReports.append(report)
        }
        let detected = encoding ?? .init(encoding: .utf8, confidence: 1, reason: "no text")
        return InspectionReport(
            file: path, driver: dataset.driverName,
            encoding: .init(name: detected.encoding.name, confidence: (detected.confidence * 100).rounded() / 100, source: detected.reason),
            layers: layerReports, warnings: warnings
        )
    }

    /// A CSV is read as the pipeline reads it, by Lumpini's own reader (UTF-16 and TIS-620 included):
    /// one layer named after the file, every field text as written.
    private static func inspectCSV(path: String) throws -> InspectionReport {
        try SourceReader.checkReadable(path)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let header = try findHeader(path: path, format: .csv, layer: name)
        let reader = try SourceReader(path: path, declared: SourceDeclarations(headerRow: header.row, headerRows: header.rows))
        let detected = reader.csvEncodingDetection ?? .init(encoding: reader.encoding, confidence: 1, reason: "declared")
        var warnings: [String] = []
        var layer = try inspect(reader: reader, layerName: name, declaredType: .none, gdalTypes: [], warnings: &warnings)
        layer.header = header
        return InspectionReport(
            file: path, driver: "CSV",
            encoding: .init(name: detected.encoding.name, confidence: (detected.confidence * 100).rounded() / 100, source: detected.reason),
            layers: [layer], warnings: warnings
        )
    }

    /// Where the header of a CSV or a sheet sits, from its first rows and (XLSX) merged cells.
    private static func findHeader(path: String, format: SourceFormat, layer: String) throws -> InspectionReport.HeaderReport {
        let merges = path.lowercased().hasSuffix(".xlsx") ? XLSXMergedCells(path: path, sheet: layer).ranges : []
        return HeaderDetection.find(rows: try TablePreview.rows(path: path, format: format, layer: layer), merges: merges)
    }

    private static func detection(for reader: SourceReader, layer: Layer, path: String) -> EncodingDetector.Detection {
        switch reader.format {
        case .shapefile:
            if let cpg = ShapefileParts.codePage(path) {
                return .init(encoding: reader.encoding, confidence: 1, reason: "the .cpg file says \"\(cpg)\"")
            }
            let fields = layer.fields.map { $0.type == .string }
            let sample = (try? LayerRecordSource.sampleTextBytes(layer: layer, stringFields: fields)) ?? []
            let guess = EncodingDetector.detect(sample)
            return .init(encoding: guess.encoding, confidence: guess.confidence, reason: "no .cpg: guessed from the DBF's text (\(guess.reason))")
        default:
            return .init(encoding: .utf8, confidence: 1, reason: "\(reader.format.rawValue) text is UTF-8 by definition")
        }
    }

    private static func fileWarnings(path: String, format: SourceFormat) -> [String] {
        guard format == .shapefile else { return [] }
        var warnings: [String] = []
        if !ShapefileParts.hasPRJ(path) { warnings.append("no .prj: the CRS is unknown; declare source.crs in dataset.yaml") }
        if ShapefileParts.codePage(path) == nil { warnings.append("no .cpg: the text encoding of the .dbf was guessed") }
        if !ShapefileParts.hasDBF(path) { warnings.append("no .dbf: the features have no attributes") }
        return warnings
    }

    private static func inspect(
        reader: SourceReader, layerName: String, declaredType: GeometryType, gdalTypes: [GDAL.FieldType], warnings: inout [String]
    ) throws -> InspectionReport.LayerReport {
        var profiles = reader.header.enumerated().map { index, name in
            FieldProfile(FieldDefinition(name: name, type: index < gdalTypes.count ? gdalTypes[index] : .string))
        }
        var geometryTypes: [String: Int] = [:]
        var invalid = 0, empty = 0, count = 0
        var extent: Envelope?
        var rows = RowFindings()
        while let record = try reader.next() {
            count += 1
            rows.add(record)
            for (index, value) in record.values.enumerated() where index < profiles.count {
                profiles[index].add(value)
            }
            guard let geometry = record.geometry else { continue }
            geometryTypes[geometry.type.rawValue, default: 0] += 1
            if geometry.isEmpty {
                empty += 1
                continue
            }
            if geometry.type != .point && !geometry.isValid { invalid += 1 }
            extent = extent.map { $0.union(geometry.envelope) } ?? geometry.envelope
        }
        let crs = reader.spatialReference
        if crs == nil && !geometryTypes.isEmpty {
            warnings.append("layer \(layerName): no CRS declared: declare it (source.crs in dataset.yaml)")
        }
        return InspectionReport.LayerReport(
            name: layerName, featureCount: count, geometryType: declaredType.rawValue,
            geometryTypes: geometryTypes, invalidGeometries: invalid, emptyGeometries: empty,
            crs: .init(epsg: crs?.epsgCode, name: crs?.name),
            extent: extent, extentWGS84: try extent.flatMap { try wgs84(extent: $0, from: crs) },
            fields: profiles.map { $0.report() },
            coordinateHints: CoordinateHints.find(in: profiles), header: nil,
            duplicateRows: rows.duplicateRows, duplicateExamples: rows.duplicateExamples, totalRows: rows.totalRows, blankRows: rows.blankRows
        )
    }

    /// Reads every record of every layer (or of `layerName`) through `SourceReader`, as the pipeline
    /// reads them, and counts them: the floor under every command, with nothing profiled.
    public static func count(path: String, layer layerName: String? = nil) throws -> [(layer: String, records: Int)] {
        let names: [String?]
        if SourceFormat(path: path) == .csv {
            names = [nil]
        } else {
            do {
                let dataset = try SourceFormat.openDataset(path, openOptions: SourceFormat(path: path).openOptions(headerRow: nil))
                names = try layerName.map { [$0] } ?? dataset.layers().map(\.name)
            } catch let error as GDALError {
                throw LumpiniError.gdal(error, file: path)
            }
        }
        return try names.map { name in
            let reader = try SourceReader(path: path, declared: SourceDeclarations(layer: name))
            var records = 0
            while try reader.next() != nil { records += 1 }
            return (name ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension, records)
        }
    }

    /// The extent's corners (and edge midpoints, for curvature) transformed to WGS 84 lon/lat.
    static func wgs84(extent: Envelope, from crs: SpatialReference?) throws -> Envelope? {
        guard let crs else { return nil }
        let target = try SpatialReference.wgs84()
        if crs.isSame(as: target) { return extent }
        let transformation = try CoordinateTransformation(from: crs, to: target)
        let midX = (extent.minX + extent.maxX) / 2, midY = (extent.minY + extent.maxY) / 2
        var xs = [extent.minX, extent.maxX, extent.minX, extent.maxX, midX, midX, extent.minX, extent.maxX]
        var ys = [extent.minY, extent.minY, extent.maxY, extent.maxY, extent.minY, extent.maxY, midY, midY]
        let failed = transformation.transform(xs: &xs, ys: &ys)
        guard failed.isEmpty else { return nil }
        return Envelope(minX: xs.min()!, minY: ys.min()!, maxX: xs.max()!, maxY: ys.max()!)
    }
}

import Foundation
import GDAL

/// Writes GeoPackage, FlatGeobuf, zipped Shapefile (`.shp.zip`, with a `.cpg` saying UTF-8) or KML
/// through GDAL, with typed fields and the WGS 84 CRS.
///
/// Not `Sendable`: its GDAL dataset belongs to the task writing the version.
final class GDALFormatWriter {
    let format: PublishedFormat
    private let path: String
    private let dataset: Dataset
    private let layer: Layer
    private let table: OutputTable
    private let encodings: [ValueEncoding]
    private let canonical = ByteBuffer()

    init(format: PublishedFormat, path: String, id: String, table: OutputTable) throws {
        guard let driverName = format.gdalDriver else {
            preconditionFailure("\(format) is written by Lumpini itself")
        }
        guard table.hasGeometry || format.allowsNoGeometry else {
            throw LumpiniError(
                "format-needs-geometry", "\(format.rawValue) cannot hold a table without geometry", kind: .input,
                hint: "remove \(format.rawValue) from `outputs.formats` in dataset.yaml"
            )
        }
        self.format = format
        self.path = path
        self.table = table
        encodings = table.fields.map(ValueEncoding.init)
        do {
            let driver = try Driver(named: driverName)
            dataset = try Dataset.create(path, driver: driver)
            var layerOptions: [String: String] = [:]
            switch format {
            case .shapefile: layerOptions["ENCODING"] = "UTF-8"
            case .flatGeobuf: layerOptions["SPATIAL_INDEX"] = "YES"
            default: break
            }
            layer = try dataset.createLayer(
                named: id, spatialReference: table.hasGeometry ? try SpatialReference.wgs84() : nil,
                geometryType: table.geometryType, options: layerOptions
            )
            for field in table.fields {
                try layer.createField(Self.definition(for: field))
            }
        } catch let error as GDALError {
            throw LumpiniError("format-write-failed", "GDAL cannot create the \(format.rawValue) file: \(error.message)", kind: .internal, file: path)
        }
    }

    static func definition(for field: OutputField) -> FieldDefinition {
        switch field.type {
        case .integer: return FieldDefinition(name: field.name, type: .integer64)
        case .number: return FieldDefinition(name: field.name, type: .real)
        case .boolean: return FieldDefinition(name: field.name, type: .integer, subType: .boolean)
        case .date: return FieldDefinition(name: field.name, type: .date)
        default: return FieldDefinition(name: field.name, type: .string)
        }
    }

    func write(_ record: Record) throws {
        let feature = try Feature(for: layer)
        for (index, encoding) in encodings.enumerated() {
            guard index < record.values.count, let text = record.values[index], !(text.isEmpty && encoding.isBareInJSON) else {
                feature.set(.null, at: index)
                continue
            }
            canonical.removeAll()
            do {
                try encoding.appendCanonical(text, to: canonical, field: table.fields[index].name)
            } catch var error as LumpiniError {
                error.row = record.rowNumber
                throw error
            }
            let value = canonical.string()
            switch table.fields[index].type {
            case .integer: feature.set(Int64(value).map(FieldValue.integer) ?? .string(value), at: index)
            case .number: feature.set(Double(value).map(FieldValue.real) ?? .string(value), at: index)
            case .boolean: feature.set(.boolean(value == "true"), at: index)
            default: feature.set(.string(value), at: index)
            }
        }
        if let geometry = record.geometry, !geometry.isEmpty {
            try feature.setGeometry(geometry)
        }
        do {
            try layer.create(feature)
        } catch let error as GDALError {
            throw LumpiniError(
                "format-write-failed", "GDAL cannot write the feature to \(format.rawValue): \(error.message)",
                kind: .data, file: (path as NSString).lastPathComponent, row: record.rowNumber
            )
        }
    }

    /// Runs `body` inside a transaction where the driver has them (a GeoPackage is far faster so).
    func inTransaction<T>(_ body: () throws -> T) throws -> T {
        try layer.inTransaction(body)
    }

    func finish() throws -> Manifest.File {
        do {
            try dataset.close()
        } catch let error as GDALError {
            throw LumpiniError("format-write-failed", "GDAL cannot finish the \(format.rawValue) file: \(error.message)", kind: .internal, file: path)
        }
        try Durability.sync(path)
        let (size, sha256) = try FileDigest.sha256(ofFile: path)
        return Manifest.File(
            path: (path as NSString).lastPathComponent, format: format.rawValue, mediaType: format.mediaType,
            size: size, sha256: sha256, role: .data
        )
    }
}

import Foundation
import GDAL

/// Validates a GeoJSON file: RFC 7946 structure (as `GeoJSONChecker` judges it), then each
/// structurally sound geometry's validity as GEOS judges it, with GEOS's reason.
///
/// In its errors, `rowNumber` is the feature's position in the file (the first feature is 1).
enum GeoJSONValidation {
    /// - Parameter integrity: problems already found with the file (a data package's size or checksum).
    static func validate(path: String, place: String, options: ValidationOptions, integrity: [ValidationProblem] = []) throws -> ValidationTask {
        var errors = ErrorCollector(limit: options.maxErrors)
        integrity.forEach { errors.add($0) }
        var warnings: [ValidationProblem] = []
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LumpiniError("file-not-found", "cannot read the file", file: path, hint: "check the path")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse([UInt8](data))
        } catch let error as JSONSyntaxError {
            errors.add(ValidationProblem(.geojsonError, message: "\(place): not valid JSON at \(error) — fix the syntax", note: error.description))
            return ValidationTask(name: name(of: place), type: "geojson", place: place, rows: nil, fields: nil, bytes: data.count, errors: errors)
        }
        let messages = GeoJSONChecker.check(document)
        var brokenFeatures = Set<Int?>()
        for message in messages {
            let row = message.feature.map { $0 + 1 }
            let where_ = [row.map { "feature \($0)" }, message.line.map { "line \($0)" }].compactMap { $0 }.joined(separator: ", ")
            let text = "\(place)\(where_.isEmpty ? "" : " (\(where_))"): \(message.text)"
            if message.level == .error {
                brokenFeatures.insert(message.feature)
                errors.add(ValidationProblem(.geojsonError, message: text, note: message.text, rowNumber: row))
            } else {
                let type: ValidationProblemType = message.text.contains("right-hand rule") ? .geojsonRightHandRule : .geojsonWarning
                warnings.append(ValidationProblem(type, message: text + " — a warning: readers accept it", note: message.text, rowNumber: row))
            }
        }
        var features = 0
        for (index, geometry) in geometries(of: document) {
            features += 1
            guard !brokenFeatures.contains(index), !brokenFeatures.contains(nil), let geometry else { continue }
            guard let parsed = try? Geometry(geoJSON: geometry.canonicalText) else { continue }
            if !parsed.isValid {
                let reason = parsed.validityReason
                let row = index.map { $0 + 1 }
                errors.add(ValidationProblem(
                    .geometryInvalid, message: "\(place)\(row.map { " (feature \($0))" } ?? ""): the geometry is not valid: \(reason) — repair it (for example with a make-valid cleansing step)",
                    note: reason, rowNumber: row))
            }
        }
        return ValidationTask(name: name(of: place), type: "geojson", place: place, rows: features, fields: nil, bytes: data.count, errors: errors, warnings: warnings)
    }

    static func name(of place: String) -> String {
        ((place as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Each feature's geometry (nil for a null geometry) with the feature's position, or the
    /// document's own geometry at position nil.
    static func geometries(of document: JSONValue) -> [(Int?, JSONValue?)] {
        switch document["type"]?.stringValue {
        case "FeatureCollection":
            return (document["features"]?.arrayValue ?? []).enumerated().map { index, feature in
                let geometry = feature["geometry"]
                return (index, geometry == .null ? nil : geometry)
            }
        case "Feature":
            let geometry = document["geometry"]
            return [(nil, geometry == .null ? nil : geometry)]
        case .some:
            return [(nil, document)]
        case .none:
            return []
        }
    }
}

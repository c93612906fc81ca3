import Foundation
import GDAL

/// A district of a derivation: its code and names as the district dataset publishes them, its polygon
/// in WGS 84 (as published, for containment and the output) and in UTM 47N (for areas), with envelopes
/// that keep each geometric test to the few districts a feature can touch.
final class District {
    let code: String
    let nameTH: String?
    let nameEN: String?
    let geometry: Geometry
    let envelope: Envelope
    let metric: Geometry
    let metricEnvelope: Envelope

    init(code: String, nameTH: String?, nameEN: String?, geometry: Geometry, projection: MetricProjection) throws {
        self.code = code
        self.nameTH = nameTH
        self.nameEN = nameEN
        self.geometry = geometry
        envelope = geometry.envelope
        metric = try projection.metric(geometry)
        metricEnvelope = metric.envelope
    }

    /// The districts of the published district dataset, ordered by code (numerically when codes are numbers).
    /// - Throws: `derive-districts-invalid` for a feature without code or polygon, or a code given twice.
    static func read(_ input: PublishedInput, projection: MetricProjection) throws -> [District] {
        let code = try input.position(of: "district_code")
        let nameTH = try input.position(of: "district_th"), nameEN = try input.position(of: "district_en")
        var districts: [District] = []
        var seen = Set<String>()
        while let record = try input.next() {
            guard let text = record.values[code].map(DistrictCode.normalized), !text.isEmpty,
                  let geometry = record.geometry, !geometry.isEmpty, [.polygon, .multiPolygon].contains(geometry.type) else {
                throw LumpiniError(
                    "derive-districts-invalid", "feature \(record.rowNumber) of \(input.place) has no district_code or no polygon", kind: .data,
                    file: input.place, row: record.rowNumber, hint: "every district of the district dataset needs its code and its polygon"
                )
            }
            guard seen.insert(text).inserted else {
                throw LumpiniError(
                    "derive-districts-invalid", "the district code \(text) appears twice in \(input.place)", kind: .data,
                    file: input.place, row: record.rowNumber, hint: "one feature per district"
                )
            }
            districts.append(try District(code: text, nameTH: record.values[nameTH], nameEN: record.values[nameEN], geometry: geometry, projection: projection))
        }
        return districts.sorted { DistrictCode.precedes($0.code, $1.code) }
    }
}

/// District codes as text that joins across tables: `1001`, `1001.0` and ` 1001 ` are the same code.
enum DistrictCode {
    static func normalized(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = Double(trimmed), number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return trimmed
    }

    /// Numbers by value, other codes after them by text.
    static func precedes(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return a < b
        }
    }
}

/// Geometries in UTM zone 47N (EPSG:32647), where Bangkok's areas are measured in square metres and
/// distances in metres. Published coordinates are WGS 84 longitude and latitude.
final class MetricProjection {
    static let epsg = 32647
    private let transformation: CoordinateTransformation

    init() throws {
        transformation = try CoordinateTransformation(from: try SpatialReference.wgs84(), to: try SpatialReference(epsg: Self.epsg))
    }

    /// A copy of `geometry` (WGS 84 longitude, latitude) in UTM 47N.
    func metric(_ geometry: Geometry) throws -> Geometry {
        let copy = geometry.clone()
        try copy.transform(transformation)
        return copy
    }
}

import GDAL

/// `overlap-area`: Σ over the input's features of area(feature ∩ district), in square metres in UTM 47N.
/// Features are streamed, each projected once and intersected only with the districts its envelope
/// meets, so the work grows with features × the few districts each touches, and memory with neither.
enum OverlapArea {
    static func values(of input: PublishedInput, districts: [District], projection: MetricProjection) throws -> [String: DistrictValue] {
        var areas = Dictionary(uniqueKeysWithValues: districts.map { ($0.code, 0.0) })
        while let record = try input.next() {
            guard let geometry = record.geometry, !geometry.isEmpty else { continue }
            let metric = try projection.metric(geometry)
            let envelope = metric.envelope
            for district in districts where district.metricEnvelope.intersects(envelope) && district.metric.intersects(metric) {
                areas[district.code, default: 0] += try GEOSFailure.naming(input.place, row: record.rowNumber) {
                    try district.metric.intersection(metric).area
                }
            }
        }
        return areas.mapValues { DistrictValue(value: $0) }
    }
}

/// `share-within-distance`: 100 × area(district ∩ ∪ features buffered by `distance`) / area(district), in
/// UTM 47N, buffers drawn as GEOS draws them by default (8 segments per quarter circle). The buffers are
/// kept with their envelopes; each district dissolves only those its envelope meets, so no union of the
/// whole city is built. A Euclidean distance: a proxy for the distance walked along streets.
enum AreaWithinDistance {
    static func values(of input: PublishedInput, distance: Double, districts: [District], projection: MetricProjection) throws -> [String: DistrictValue] {
        var buffers: [(envelope: Envelope, geometry: Geometry)] = []
        while let record = try input.next() {
            guard let geometry = record.geometry, !geometry.isEmpty else { continue }
            let buffer = try GEOSFailure.naming(input.place, row: record.rowNumber) {
                try projection.metric(geometry).buffer(distance: distance, quadrantSegments: 8)
            }
            if !buffer.isEmpty { buffers.append((buffer.envelope, buffer)) }
        }
        var values: [String: DistrictValue] = [:]
        for district in districts {
            let near = buffers.filter { $0.envelope.intersects(district.metricEnvelope) }.map { $0.geometry }
            let area = district.metric.area
            guard !near.isEmpty, area > 0 else {
                values[district.code] = DistrictValue(value: area > 0 ? 0 : nil, note: area > 0 ? nil : "the district's polygon has no area")
                continue
            }
            let covered = try GEOSFailure.naming(input.place, row: nil) {
                try district.metric.intersection(try dissolve(near)).area
            }
            values[district.code] = DistrictValue(value: 100 * covered / area)
        }
        return values
    }

    /// One geometry covering every polygon of `polygons` (which may overlap).
    static func dissolve(_ polygons: [Geometry]) throws -> Geometry {
        if polygons.count == 1 { return polygons[0] }
        let collection = try Geometry(empty: .multiPolygon)
        for polygon in polygons {
            if polygon.type == .multiPolygon {
                for index in 0..<polygon.geometryCount { if let member = polygon.geometry(at: index) { try collection.add(member) } }
            } else if polygon.type == .polygon {
                try collection.add(polygon)
            }
        }
        return try collection.unionOfMembers()
    }
}

/// GEOS's failures (an invalid polygon, say) as one line naming the input.
enum GEOSFailure {
    static func naming<T>(_ place: String, row: Int?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GDALError {
            throw LumpiniError(
                "derive-geometry-failed", "GEOS could not compute with a geometry of \(place): \(error.message)", kind: .data,
                file: place, row: row, hint: "run `lumpini verify` on the input; its geometries must be valid"
            )
        }
    }
}

import Foundation
import GDAL

/// Where a dataset's features may be, in WGS 84: a bounding box, tightened by a polygon when the
/// dataset declares a polygon file. Points outside are quarantined; swapped coordinates are
/// recognised because the swapped point falls inside.
public final class DatasetArea {
    public let bbox: Envelope
    /// The union of the polygon file's polygons, in EPSG:4326.
    public let polygon: Geometry?

    public init(bbox: Envelope, polygon: Geometry? = nil) {
        self.bbox = bbox
        self.polygon = polygon
    }

    /// Bangkok's bounding box.
    public static func bangkok() -> DatasetArea {
        DatasetArea(spatial: SpatialCoverage())
    }

    convenience init(spatial: SpatialCoverage) {
        let box = spatial.bbox
        self.init(bbox: Envelope(minX: box[0], minY: box[1], maxX: box[2], maxY: box[3]))
    }

    /// The area a dataset declares; the polygon file is read with GDAL and reprojected to WGS 84.
    /// - Throws: `LumpiniError` when the polygon file cannot be read.
    public static func of(_ description: DatasetDescription, datasetDirectory: URL) throws -> DatasetArea {
        let spatial = description.metadata.spatial
        let box = DatasetArea(spatial: spatial)
        guard let polygonFile = spatial.polygonFile else { return box }
        let path = datasetDirectory.appendingPathComponent(polygonFile).path
        let display = "datasets/\(description.id)/\(polygonFile)"
        try SourcePathPolicy.requireInside(
            polygonFile, datasetDirectory: datasetDirectory, file: "datasets/\(description.id)/\(DatasetDescription.fileName)",
            field: "spatial.polygonFile"
        )
        do {
            let dataset = try SourceFormat.openDataset(path, openOptions: [:])
            let layer = try dataset.layer(at: 0)
            let wgs84 = try SpatialReference.wgs84()
            let transformation = try layer.spatialReference.flatMap { $0.isSame(as: wgs84) ? nil : try CoordinateTransformation(from: $0, to: wgs84) }
            let union = try Geometry(empty: .multiPolygon)
            try layer.forEachFeature { feature in
                guard let geometry = feature.geometry?.clone() else { return }
                if let transformation { try geometry.transform(transformation) }
                switch geometry.type {
                case .polygon: try union.add(geometry)
                case .multiPolygon:
                    for index in 0..<geometry.geometryCount { if let part = geometry.geometry(at: index) { try union.add(part) } }
                default: break
                }
            }
            guard union.geometryCount > 0 else {
                throw LumpiniError("area-not-polygons", "the area file holds no polygons", kind: .input, file: display, field: "spatial.polygonFile")
            }
            return DatasetArea(bbox: box.bbox, polygon: union)
        } catch let error as GDALError {
            throw LumpiniError.gdal(error, file: display)
        }
    }

    /// Whether the WGS 84 point is inside.
    public func contains(x: Double, y: Double) -> Bool {
        guard bbox.contains(x: x, y: y) else { return false }
        guard let polygon else { return true }
        guard let point = try? Geometry(x: x, y: y) else { return false }
        return polygon.intersects(point)
    }

    /// Whether any of the geometry lies inside.
    public func intersects(_ geometry: Geometry) -> Bool {
        if geometry.type == .point, geometry.pointCount == 1 {
            let point = geometry.point(at: 0)
            return contains(x: point.x, y: point.y)
        }
        guard bbox.intersects(geometry.envelope) else { return false }
        return polygon.map { $0.intersects(geometry) } ?? true
    }
}

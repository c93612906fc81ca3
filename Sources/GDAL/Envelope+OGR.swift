import CGDAL
@_exported import GeoTypes

extension Envelope {
    init(_ envelope: OGREnvelope) {
        self.init(minX: envelope.MinX, minY: envelope.MinY, maxX: envelope.MaxX, maxY: envelope.MaxY)
    }
}

import Foundation

/// The layer a dataset page's map draws: the published GeoJSON when it fits the budget, else a sample
/// of its features (every n-th) with their lines simplified, so that a page never loads a 100 MB file.
/// Features without geometry are left out (there is nothing to draw); their rows are in the table and
/// the downloads.
struct MapPreview: Codable, Sendable, Equatable {
    /// Features in the preview: what the map draws.
    var features: Int
    /// Features in the published file.
    var publishedFeatures: Int
    /// One feature of every `sampleStep` was kept (1: all of them).
    var sampleStep: Int
    var simplified: Bool
    var bytes: Int

    /// Characters of a text value kept in the popup of a feature that had to be made smaller.
    static let textShown = 200

    /// The map shows less than the whole data.
    var isPartial: Bool { sampleStep > 1 || simplified || features < publishedFeatures }

    /// Writes the preview of `geojson` (a Lumpini GeoJSON: one feature per line) to `destination`.
    static func write(from geojson: URL, size: Int, to destination: URL, budget: Int, writer: SiteFileWriter) throws -> MapPreview {
        // Lines are kept at a tenth under the budget, for the simplified ones growing past their share.
        let step = max(1, Int((Double(size) / (Double(budget) * 0.9)).rounded(.up)))
        var reader = try LineReader(file: geojson)
        defer { reader.close() }
        // Copies, not slices: a slice would keep the reader's whole block alive, one block per kept line.
        var kept: [[UInt8]] = []
        var total = 0
        let prefix = Array(#"{"type":"Feature""#.utf8)
        while let line = try reader.next() {
            guard line.starts(with: prefix) else { continue }
            defer { total += 1 }
            guard total % step == 0 else { continue }
            var feature = line
            if feature.last == UInt8(ascii: ",") { feature = feature.dropLast() }
            if Self.hasNullGeometry(feature) { continue }
            kept.append(Array(feature))
        }
        var simplified = false
        let share = budget / max(1, kept.count)
        var body: [UInt8] = Array(#"{"type":"FeatureCollection","features":["#.utf8) + [0x0A]
        for (index, feature) in kept.enumerated() {
            if index > 0 { body += [UInt8(ascii: ","), 0x0A] }
            if feature.count > share, let smaller = Self.simplified(feature[...], toFit: share) {
                body += smaller
                simplified = true
            } else {
                body += feature
            }
        }
        body += [0x0A] + Array("]}".utf8) + [0x0A]
        try writer.write(Data(body), to: destination)
        return MapPreview(features: kept.count, publishedFeatures: total, sampleStep: step, simplified: simplified, bytes: body.count)
    }

    /// Lumpini writes a feature's geometry before its properties, so the first `"geometry":` is the member's
    /// (inside strings a quote is escaped and cannot match).
    private static func hasNullGeometry(_ feature: ArraySlice<UInt8>) -> Bool {
        let member = Array(#""geometry":"#.utf8), null = Array("null".utf8)
        var index = feature.startIndex
        while index + member.count <= feature.endIndex {
            if feature[index] == member[0] && feature[index..<(index + member.count)].elementsEqual(member) {
                return feature[(index + member.count)...].starts(with: null)
            }
            index += 1
        }
        return true
    }

    /// The feature with its long texts cut and its geometry simplified at growing tolerances until it fits
    /// `share` bytes (or the coarsest tolerance tried). Written with sorted keys: a dictionary's order
    /// changes from run to run, and the same release must give the same preview.
    private static func simplified(_ feature: ArraySlice<UInt8>, toFit share: Int) -> [UInt8]? {
        guard var object = try? JSONSerialization.jsonObject(with: Data(feature)) as? [String: Any],
              let geometry = object["geometry"] as? [String: Any] else { return nil }
        // A popup shows the start of a long text; the downloads hold it whole.
        if var properties = object["properties"] as? [String: Any] {
            for (key, value) in properties {
                if let text = value as? String, text.count > Self.textShown { properties[key] = String(text.prefix(Self.textShown)) + "…" }
            }
            object["properties"] = properties
        }
        var tolerance = 0.00001
        var best: [UInt8]?
        // Points come out of every tolerance as they went in: one try says how large the feature is.
        for _ in 0..<(LineSimplifier.hasLines(geometry) ? 8 : 1) {
            object["geometry"] = LineSimplifier(tolerance: tolerance).simplify(geometry: geometry)
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: .sortedKeys) else { return best }
            best = [UInt8](data)
            if data.count <= share { break }
            tolerance *= 4
        }
        return best
    }
}

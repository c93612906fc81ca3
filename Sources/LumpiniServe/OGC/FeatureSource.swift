import Foundation

/// The features of one published version: its feature index and its GeoJSON file, from which each
/// feature's line is read where the index says it is. Memory holds one page of features at most.
struct FeatureSource {
    let index: FeatureIndex
    let data: FileHandle
    let schema: CollectionSchema

    init(index: FeatureIndex, data url: URL, schema: CollectionSchema) throws {
        self.index = index
        self.data = try FileHandle(forReadingFrom: url)
        self.schema = schema
    }

    /// A page of an items query: the features' JSON and whether more follow.
    struct Page {
        var features: [[UInt8]] = []
        var hasMore = false
    }

    func page(_ query: ItemsQuery) throws -> Page {
        var page = Page()
        guard query.filtersProperties else {
            let locations = try index.features(intersecting: query.bbox, offset: query.offset, limit: query.limit + 1)
            page.hasMore = locations.count > query.limit
            page.features = try locations.prefix(query.limit).map(feature)
            return page
        }
        // Filters on properties read features in order until the page is full: the time grows with
        // how far into the matches the page is, the memory does not.
        var skipped = 0
        let temporalField = schema.temporalField
        try index.forEachFeature(intersecting: query.bbox, from: 0) { location in
            let json = try feature(location)
            guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
                query.accepts(object["properties"] as? [String: Any] ?? [:], temporalField: temporalField)
            else { return true }
            if skipped < query.offset {
                skipped += 1
                return true
            }
            if page.features.count == query.limit {
                page.hasMore = true
                return false
            }
            page.features.append(json)
            return true
        }
        return page
    }

    /// The feature's JSON as published, with its number as `id` when the file gives it none.
    func feature(_ location: FeatureIndex.Location) throws -> [UInt8] {
        try data.seek(toOffset: UInt64(location.offset))
        var bytes = [UInt8](try data.read(upToCount: location.length) ?? Data())
        guard bytes.count == location.length else {
            throw LumpiniError("feature-index-stale", "the data file is shorter than its feature index says", kind: .data,
                hint: "run `lumpini verify`, then `lumpini catalog build`")
        }
        if location.idJSON == nil {
            let prefix = #"{"type":"Feature","#.utf8.count
            bytes.insert(contentsOf: Array(#""id":\#(location.number),"#.utf8), at: prefix)
        }
        return bytes
    }
}

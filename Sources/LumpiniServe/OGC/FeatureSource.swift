import Foundation

/// The features of one published version: its feature index and its GeoJSON file, from which each
/// feature's line is read where the index says it is. Memory holds one page of features at most.
struct FeatureSource {
    let index: FeatureIndex
    let data: FileHandle

    init(index: FeatureIndex, data url: URL) throws {
        self.index = index
        self.data = try FileHandle(forReadingFrom: url)
    }

    /// A page of an items query: the features' JSON and whether more follow.
    struct Page {
        var features: [[UInt8]] = []
        var hasMore = false
    }

    /// The page the index finds for the query's filters, box and properties alike: no feature outside
    /// the page is read.
    func page(_ query: ItemsQuery) throws -> Page {
        var page = Page()
        let locations = try index.features(matching: query.filter, offset: query.offset, limit: query.limit + 1)
        page.hasMore = locations.count > query.limit
        page.features = try locations.prefix(query.limit).map(feature)
        return page
    }

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

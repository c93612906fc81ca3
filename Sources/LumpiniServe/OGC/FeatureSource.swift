import Foundation

/// The features of one published version: its feature index and its GeoJSON file, from which each
/// feature's line is read where the index says it is. Memory holds one page of features at most.
struct FeatureSource {
    let index: FeatureIndex
    let lines: FeatureLines

    init(index: FeatureIndex) {
        self.index = index
        lines = FeatureLines(index.geoJSON)
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
        var bytes = try lines.bytes(location)
        if !location.hasID {
            let prefix = #"{"type":"Feature","#.utf8.count
            bytes.insert(contentsOf: Array(#""id":\#(location.number),"#.utf8), at: prefix)
        }
        return bytes
    }
}

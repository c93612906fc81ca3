import Foundation

/// The features of one published version: its feature index and its GeoJSON file, from which each
/// feature's line is read where the index says it is. Memory holds one page of features at most.
struct FeatureSource {
    let features: OpenFeatures

    /// A page of an items query: the features' JSON and whether more follow.
    struct Page {
        var features: [[UInt8]] = []
        var hasMore = false
    }

    /// The page the index finds for the query's filters, box and properties alike: no feature outside
    /// the page is read.
    func page(_ query: ItemsQuery) throws -> Page {
        var page = Page()
        let locations = try features.withIndex { try $0.features(matching: query.filter, offset: query.offset, limit: query.limit + 1) }
        page.hasMore = locations.count > query.limit
        page.features = try locations.prefix(query.limit).map(feature)
        return page
    }

    /// The feature whose `id` is this JSON text, or whose number it is when the file gives no ids.
    func location(idJSON: String) throws -> FeatureIndex.Location? {
        try features.withIndex { try $0.feature(idJSON: idJSON) }
    }

    func feature(_ location: FeatureIndex.Location) throws -> [UInt8] {
        var bytes = try features.lines.bytes(location)
        if !location.hasID {
            let prefix = #"{"type":"Feature","#.utf8.count
            bytes.insert(contentsOf: Array(#""id":\#(location.number),"#.utf8), at: prefix)
        }
        return bytes
    }
}

/// The JSON documents of OGC API – Features Part 1 (landing page, conformance, collections), as the
/// standard's OpenAPI fragments define them.
enum OGCDocuments {
    struct Link: Encodable {
        var href: String
        var rel: String
        var type: String
        var title: String?
    }

    struct LandingPage: Encodable {
        var title: String
        var description: String
        var links: [Link]
    }

    struct Conformance: Encodable {
        var conformsTo: [String]
    }

    struct Extent: Encodable {
        struct Spatial: Encodable {
            var bbox: [[Double]]
            var crs = ItemsQuery.crs84
        }
        struct Temporal: Encodable {
            var interval: [[String?]]
            var trs = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
        }
        var spatial: Spatial
        var temporal: Temporal?
    }

    struct Collection: Encodable {
        var id: String
        var title: String
        var description: String?
        var extent: Extent
        var itemType = "feature"
        var crs = [ItemsQuery.crs84]
        var storageCrs = ItemsQuery.crs84
        var links: [Link]
    }

    struct Collections: Encodable {
        var collections: [Collection]
        var links: [Link]
    }

    static let conformance = Conformance(conformsTo: [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    ])

    static let json = "application/json"
    static let geoJSON = "application/geo+json"
    static let openAPI = "application/vnd.oai.openapi+json;version=3.0"
}

/// The JSON documents of OGC API – Features Part 1 (landing page, conformance, collections), as the
/// standard's OpenAPI fragments define them.
enum OGCDocuments {
    struct Link: Encodable {
        var href: String
        var rel: String
        var type: String
        var title: String?

        /// Links as `JSONOutput` encodes them (keys sorted, no title when there is none), written
        /// straight into the bytes of an answer that is written by hand: every items page has them.
        static func write(_ links: [Link], to output: inout [UInt8]) {
            output.append(UInt8(ascii: "["))
            for (position, link) in links.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                output.append("{")
                output.jsonKey("href")
                output.jsonString(link.href)
                output.append(",")
                output.jsonKey("rel")
                output.jsonString(link.rel)
                if let title = link.title {
                    output.append(",")
                    output.jsonKey("title")
                    output.jsonString(title)
                }
                output.append(",")
                output.jsonKey("type")
                output.jsonString(link.type)
                output.append("}")
            }
            output.append(UInt8(ascii: "]"))
        }
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

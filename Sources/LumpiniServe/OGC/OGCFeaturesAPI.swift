import Foundation
import Hummingbird

/// OGC API – Features Part 1 (Core, GeoJSON, OpenAPI 3.0) under `/ogc`: one collection per published
/// dataset with geometry, its id the dataset id; items from the version's feature index, never by
/// reading the whole GeoJSON.
struct OGCFeaturesAPI {
    let sources: RequestSources

    func add(to router: Router<BasicRequestContext>) {
        router.get("/ogc") { request, _ in answer { try landingPage(request) } }
        router.get("/ogc/conformance") { _, _ in answer { try .json(encoding: OGCDocuments.conformance) } }
        router.get("/ogc/api") { request, _ in answer { try openAPI(request) } }
        router.get("/ogc/collections") { request, _ in answer { try collections(request) } }
        router.get("/ogc/collections/:collectionId") { request, context in
            answer { try .json(encoding: collection(try detail(context), request)) }
        }
        router.get("/ogc/collections/:collectionId/items") { request, context in
            answer { try items(try detail(context), request) }
        }
        router.get("/ogc/collections/:collectionId/items/:featureId") { request, context in
            answer { try feature(try detail(context), (context.parameters.get("featureId") ?? "").removingPercentEncoding ?? "", request) }
        }
    }

    private func answer(_ body: () throws -> Response) -> Response {
        do {
            return try body()
        } catch let error as OGCError {
            return error.response
        } catch let error as LumpiniError {
            return OGCError(status: .serviceUnavailable, code: "ServiceUnavailable", description: error.description).response
        } catch {
            return OGCError(status: .internalServerError, code: "ServerError", description: "\(error)").response
        }
    }

    private func base(_ request: Request) -> String { sources.baseURL(request) + "/ogc" }

    private func landingPage(_ request: Request) throws -> Response {
        let settings = sources.exportSettings(request)
        let base = base(request)
        return try .json(encoding: OGCDocuments.LandingPage(
            title: settings.title.en ?? "Lumpini", description: settings.description.en ?? "",
            links: [
                .init(href: base, rel: "self", type: OGCDocuments.json, title: "This document"),
                .init(href: "\(base)/api", rel: "service-desc", type: OGCDocuments.openAPI, title: "The API definition"),
                .init(href: "\(base)/conformance", rel: "conformance", type: OGCDocuments.json, title: "Conformance classes"),
                .init(href: "\(base)/collections", rel: "data", type: OGCDocuments.json, title: "Collections"),
            ]))
    }

    private func openAPI(_ request: Request) throws -> Response {
        .json(OpenAPIDocument.document(serverURL: base(request)), contentType: OGCDocuments.openAPI)
    }

    /// Every published dataset with geometry and a GeoJSON file.
    private func collections(_ request: Request) throws -> Response {
        let details = try sources.datasets(ids: sources.catalogue().list().map(\.id)).filter { $0.manifest.geoJSONFile != nil }
        return try .json(encoding: OGCDocuments.Collections(
            collections: details.map { collection($0, request) },
            links: [.init(href: "\(base(request))/collections", rel: "self", type: OGCDocuments.json, title: nil)]))
    }

    private func detail(_ context: BasicRequestContext) throws -> DatasetDetail {
        let id = context.parameters.get("collectionId") ?? ""
        guard let detail = try sources.dataset(id: id), detail.manifest.geoJSONFile != nil else {
            throw OGCError.notFound("there is no collection \"\(id.prefix(80))\"")
        }
        return detail
    }

    private func collection(_ detail: DatasetDetail, _ request: Request) -> OGCDocuments.Collection {
        let href = "\(base(request))/collections/\(detail.id)"
        let box: [Double] = detail.manifest.extent.map { [$0.minX, $0.minY, $0.maxX, $0.maxY] } ?? [-180, -90, 180, 90]
        let temporal = detail.metadata.temporal.map { OGCDocuments.Extent.Temporal(interval: [[$0.start, $0.end]]) }
        return OGCDocuments.Collection(
            id: detail.id, title: detail.metadata.title.en ?? detail.metadata.title.th ?? detail.id,
            description: detail.metadata.description.en ?? detail.metadata.description.th,
            extent: .init(spatial: .init(bbox: [box]), temporal: temporal),
            links: [
                .init(href: href, rel: "self", type: OGCDocuments.json, title: nil),
                .init(href: "\(href)/items", rel: "items", type: OGCDocuments.geoJSON, title: "Features"),
                .init(href: "\(sources.baseURL(request))/\(detail.id)/latest/README.md", rel: "describedby", type: "text/markdown", title: "README"),
            ])
    }

    private func source(_ detail: DatasetDetail) throws -> FeatureSource {
        guard let found = try sources.features(of: detail) else { throw OGCError.notFound("\(detail.id) has no features") }
        return found
    }

    private func items(_ detail: DatasetDetail, _ request: Request) throws -> Response {
        let source = try source(detail)
        let parameters = QueryParameters(request.uri.query)
        let query = try ItemsQuery(parameters, properties: source.features.properties)
        let page = try source.page(query)
        let href = "\(base(request))/collections/\(detail.id)/items"
        var links = [OGCDocuments.Link(href: href + (request.uri.query.map { "?\($0)" } ?? ""), rel: "self", type: OGCDocuments.geoJSON, title: nil)]
        if page.hasMore {
            var next = parameters.values
            next["offset"] = String(query.offset + query.limit)
            next["limit"] = String(query.limit)
            links.append(.init(href: href + "?" + QueryParameters.encode(next), rel: "next", type: OGCDocuments.geoJSON, title: "Next page"))
        }
        links.append(.init(href: "\(base(request))/collections/\(detail.id)", rel: "collection", type: OGCDocuments.json, title: nil))
        var body: [UInt8] = Array(#"{"type":"FeatureCollection","features":["#.utf8)
        for (position, feature) in page.features.enumerated() {
            if position > 0 { body.append(UInt8(ascii: ",")) }
            body.append(0x0A)
            body += feature
        }
        body += Array("\n],\"numberReturned\":\(page.features.count)".utf8)
        if query.filter.box == nil, !query.filter.filtersProperties { body += Array(",\"numberMatched\":\(source.features.count)".utf8) }
        body += Array(",\"timeStamp\":\"\(Timestamp.format(Date()))\",\"links\":".utf8)
        OGCDocuments.Link.write(links, to: &body)
        body.append(UInt8(ascii: "}"))
        return .json(body, contentType: OGCDocuments.geoJSON)
    }

    private func feature(_ detail: DatasetDetail, _ featureID: String, _ request: Request) throws -> Response {
        let source = try source(detail)
        // The id as the published file writes it: a JSON string, escaped as every JSON Lumpini writes.
        let quoted = String(decoding: JSONNode.string(featureID).json(pretty: false).dropLast(), as: UTF8.self)
        guard let location = try (Int64(featureID) != nil ? source.location(idJSON: featureID) : nil) ?? source.location(idJSON: quoted) else {
            throw OGCError.notFound("\(detail.id) has no feature \"\(featureID.prefix(80))\"")
        }
        var body = try source.feature(location)
        let href = "\(base(request))/collections/\(detail.id)"
        let links = [
            OGCDocuments.Link(href: "\(href)/items/\(featureID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? featureID)", rel: "self", type: OGCDocuments.geoJSON, title: nil),
            OGCDocuments.Link(href: href, rel: "collection", type: OGCDocuments.json, title: nil),
        ]
        body.removeLast()
        body += Array(#","links":"#.utf8)
        OGCDocuments.Link.write(links, to: &body)
        body.append(UInt8(ascii: "}"))
        return .json(body, contentType: OGCDocuments.geoJSON)
    }
}

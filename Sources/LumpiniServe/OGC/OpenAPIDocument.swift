import Foundation

/// The OpenAPI 3.0 definition of `/ogc` (`/ogc/api`), the contract the routes are tested against.
enum OpenAPIDocument {
    static func document(serverURL: String) -> Data {
        let exception: [String: Any] = [
            "description": "An error, as the exception document of the standard",
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/exception"]]],
        ]
        func json(_ description: String, _ schema: String, type: String = "application/json") -> [String: Any] {
            ["description": description, "content": [type: ["schema": ["$ref": "#/components/schemas/\(schema)"]]]]
        }
        func operation(_ id: String, _ summary: String, parameters: [[String: Any]] = [], ok: [String: Any], notFound: Bool = false) -> [String: Any] {
            var responses: [String: Any] = ["200": ok, "400": exception, "500": exception]
            if notFound { responses["404"] = exception }
            return ["get": ["operationId": id, "summary": summary, "parameters": parameters, "responses": responses]]
        }
        let collectionID: [String: Any] = ["$ref": "#/components/parameters/collectionId"]
        let document: [String: Any] = [
            "openapi": "3.0.3",
            "info": [
                "title": "Bangkok open data — OGC API – Features", "version": "1.0.0",
                "description": "The published datasets with geometry, one collection each (lumpini serve).",
                "license": ["name": "Each dataset's own licence, named in its README"],
            ],
            "servers": [["url": serverURL]],
            "paths": [
                "/": operation("getLandingPage", "The landing page", ok: json("The landing page", "landingPage")),
                "/conformance": operation("getConformance", "The conformance classes", ok: json("The conformance classes", "conformance")),
                "/api": operation("getAPI", "This document", ok: ["description": "The OpenAPI document", "content": [OGCDocuments.openAPI: ["schema": ["type": "object"]]]]),
                "/collections": operation("getCollections", "The collections", ok: json("The collections", "collections")),
                "/collections/{collectionId}": operation(
                    "describeCollection", "A collection", parameters: [collectionID], ok: json("The collection", "collection"), notFound: true),
                "/collections/{collectionId}/items": operation(
                    "getFeatures", "The features of a collection, a page at a time",
                    parameters: [
                        collectionID, ["$ref": "#/components/parameters/limit"], ["$ref": "#/components/parameters/offset"],
                        ["$ref": "#/components/parameters/bbox"], ["$ref": "#/components/parameters/datetime"],
                    ],
                    ok: json("A page of features", "featureCollection", type: OGCDocuments.geoJSON), notFound: true),
                "/collections/{collectionId}/items/{featureId}": operation(
                    "getFeature", "One feature",
                    parameters: [collectionID, ["name": "featureId", "in": "path", "required": true, "schema": ["type": "string"]]],
                    ok: json("The feature", "feature", type: OGCDocuments.geoJSON), notFound: true),
            ],
            "components": [
                "parameters": [
                    "collectionId": ["name": "collectionId", "in": "path", "required": true, "schema": ["type": "string"]],
                    "limit": [
                        "name": "limit", "in": "query", "required": false, "style": "form", "explode": false,
                        "schema": ["type": "integer", "minimum": 1, "maximum": ItemsQuery.maximumLimit, "default": ItemsQuery.defaultLimit],
                    ],
                    "offset": ["name": "offset", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 0, "maximum": Int(Int32.max), "default": 0]],
                    "bbox": [
                        "name": "bbox", "in": "query", "required": false, "style": "form", "explode": false,
                        "schema": ["type": "array", "minItems": 4, "maxItems": 6, "items": ["type": "number"]],
                    ],
                    "datetime": ["name": "datetime", "in": "query", "required": false, "style": "form", "explode": false, "schema": ["type": "string"]],
                ],
                "schemas": [
                    "exception": ["type": "object", "required": ["code"], "properties": ["code": ["type": "string"], "description": ["type": "string"]]],
                    "link": [
                        "type": "object", "required": ["href"],
                        "properties": ["href": ["type": "string"], "rel": ["type": "string"], "type": ["type": "string"], "title": ["type": "string"]],
                    ],
                    "links": ["type": "array", "items": ["$ref": "#/components/schemas/link"]],
                    "landingPage": ["type": "object", "required": ["links"], "properties": ["title": ["type": "string"], "description": ["type": "string"], "links": ["$ref": "#/components/schemas/links"]]],
                    "conformance": ["type": "object", "required": ["conformsTo"], "properties": ["conformsTo": ["type": "array", "items": ["type": "string"]]]],
                    "collection": [
                        "type": "object", "required": ["id", "links"],
                        "properties": [
                            "id": ["type": "string"], "title": ["type": "string"], "description": ["type": "string"],
                            "links": ["$ref": "#/components/schemas/links"], "extent": ["type": "object"], "itemType": ["type": "string"],
                            "crs": ["type": "array", "items": ["type": "string"]],
                        ],
                    ],
                    "collections": [
                        "type": "object", "required": ["links", "collections"],
                        "properties": ["links": ["$ref": "#/components/schemas/links"], "collections": ["type": "array", "items": ["$ref": "#/components/schemas/collection"]]],
                    ],
                    "feature": [
                        "type": "object", "required": ["type", "geometry", "properties"],
                        "properties": [
                            "type": ["type": "string", "enum": ["Feature"]], "geometry": ["type": "object", "nullable": true],
                            "properties": ["type": "object", "nullable": true], "id": ["oneOf": [["type": "string"], ["type": "integer"]]],
                            "links": ["$ref": "#/components/schemas/links"],
                        ],
                    ],
                    "featureCollection": [
                        "type": "object", "required": ["type", "features"],
                        "properties": [
                            "type": ["type": "string", "enum": ["FeatureCollection"]],
                            "features": ["type": "array", "items": ["$ref": "#/components/schemas/feature"]],
                            "links": ["$ref": "#/components/schemas/links"], "timeStamp": ["type": "string", "format": "date-time"],
                            "numberMatched": ["type": "integer", "minimum": 0], "numberReturned": ["type": "integer", "minimum": 0],
                        ],
                    ],
                ],
            ],
        ]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}

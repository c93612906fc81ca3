import Hummingbird

/// An OGC API failure: the status and the exception document the standard's OpenAPI fragments define,
/// `{"code": …, "description": …}`.
struct OGCError: Error {
    let status: HTTPResponse.Status
    let code: String
    let description: String

    static func invalidParameter(_ description: String) -> OGCError {
        OGCError(status: .badRequest, code: "InvalidParameterValue", description: description)
    }

    static func notFound(_ description: String) -> OGCError {
        OGCError(status: .notFound, code: "NotFound", description: description)
    }

    var response: Response {
        (try? Response.json(encoding: ["code": code, "description": description], status: status))
            ?? Response(status: status)
    }
}

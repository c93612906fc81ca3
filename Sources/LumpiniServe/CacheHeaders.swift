import Hummingbird

/// `Cache-Control` for a CDN or proxy in front: a version's files (`/<id>/v<N>/…`) never change once
/// released, so they may be kept for a year; everything else (`latest`, pages, the APIs) changes with
/// the next release, so caches keep it five minutes. Errors are not cached.
struct CacheHeaders<Context: RequestContext>: RouterMiddleware {
    static var immutable: String { "public, max-age=31536000, immutable" }
    static var shortLived: String { "public, max-age=300" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard response.headers[.cacheControl] == nil else { return response }
        if response.status.code >= 400 {
            response.headers[.cacheControl] = "no-store"
        } else {
            response.headers[.cacheControl] = Self.isVersionPath(request.uri.path) ? Self.immutable : Self.shortLived
        }
        return response
    }

    /// `/<id>/v<N>/…`: a released version's folder.
    static func isVersionPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count >= 3, parts[1].first == "v", let number = Int(parts[1].dropFirst()), number > 0 else { return false }
        return true
    }
}

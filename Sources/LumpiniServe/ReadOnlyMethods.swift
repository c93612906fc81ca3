import Hummingbird

/// The server only reads: GET and HEAD everywhere, and POST for the CKAN Action API (which
/// `ckanapi` posts to). Any other method answers 405 with the methods allowed.
struct ReadOnlyMethods<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let api = request.uri.path.hasPrefix("/api/")
        if request.method == .get || request.method == .head || (api && request.method == .post) {
            return try await next(request, context)
        }
        return Response(status: .methodNotAllowed, headers: [.allow: api ? "GET, HEAD, POST" : "GET, HEAD"])
    }
}

import Foundation
import Hummingbird
import NIOCore
import Logging

/// `lumpini serve`: the public tree's files, the CKAN Action API (`/api/3/action/…`), OGC API –
/// Features (`/ogc`) and the catalogue's DCAT, from one process that only reads the public tree and
/// the catalogue index. It keeps nothing between requests but its settings, so several can serve the
/// same tree behind a load balancer, and a new release or a rebuilt index is seen by the next request.
public struct PublicServer: Sendable {
    public let settings: ServeSettings

    public init(settings: ServeSettings) {
        self.settings = settings
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests under way and returns.
    /// - Parameter onListening: called with the port once the server accepts connections.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: settings.publicRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LumpiniError(
                "public-tree-missing", "there is no public tree here", kind: .input, file: settings.publicRoot.path,
                hint: "give the public tree with --public DIR or LUMPINI_PUBLIC, or release a dataset first")
        }
        var logger = Logger(label: "lumpini-serve")
        logger.logLevel = .warning
        let app = Application(
            router: router(),
            server: .http1(configuration: .init(
                // A client that stalls is let go; headers past 16 KiB end the request (no client needs more).
                idleTimeout: .seconds(30),
                httpDecoderConfiguration: .init(maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100))),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "lumpini"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        defer { AccessLogOutput.standardOutput.flush() }
        do {
            try await app.runService()
        } catch let error as IOError {
            throw LumpiniError(
                "port-unavailable", "cannot listen on \(settings.host):\(settings.port): \(String(cString: strerror(error.errnoCode)))",
                kind: .input, hint: "choose another --port or --host, or stop what is using it")
        }
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLog())
        router.add(middleware: CacheHeaders())
        router.add(middleware: ReadOnlyMethods())
        router.add(middleware: FileMiddleware(
            fileProvider: PublicTreeFiles(root: settings.publicRoot), searchForIndexHtml: true
        ).withAdditionalMediaTypes(forFileExtensions: PublishedMediaTypes.byExtension))
        let sources = RequestSources(settings: settings)
        router.get("/health") { _, _ in
            try Response.json(encoding: ["status": "ok"])
        }
        router.get("/catalog.jsonld") { request, _ in
            try sources.dcat(.dcatAP, request: request, contentType: "application/ld+json")
        }
        router.get("/catalog.ttl") { request, _ in
            try sources.dcat(.dcatAPTurtle, request: request, contentType: "text/turtle; charset=utf-8")
        }
        CKANActionAPI(sources: sources).add(to: router)
        OGCFeaturesAPI(sources: sources).add(to: router)
        return router
    }

}

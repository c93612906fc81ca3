import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine
import LumpiniServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the public tree over HTTP, with OGC API – Features and the CKAN Action API.",
        discussion: """
            Serves the public tree's files (read-only, nothing outside it, nothing
            under .lumpini/), OGC API – Features under /ogc, the CKAN Action API
            under /api/3/action/, DCAT at /catalog.jsonld and /catalog.ttl, and
            /health. Reads the catalogue index (run `lumpini catalog build` first)
            and the feature indexes beside it; a new release is served without a
            restart. One access-log line per request on standard output. Stops on
            SIGTERM or SIGINT after the requests under way.
            Exit codes: 0 stopped; 2 usage error, no public tree, or the port
            cannot be opened; 3 internal error.
            Examples:
              lumpini serve --public public --port 8080
              ogrinfo OAPIF:http://127.0.0.1:8080/ogc
              ckanapi action package_search q=ฝุ่น -r http://127.0.0.1:8080
            """
    )

    @Option(help: "The folder holding datasets/ and schemas/ (default: LUMPINI_ROOT, else the current directory).")
    var root: String?

    @Option(name: .customLong("public"), help: "The public tree (default: LUMPINI_PUBLIC, else <root>/public).")
    var publicRoot: String?

    @Option(help: "The catalogue index (default: LUMPINI_CATALOG, else <public>/.lumpini/catalog.sqlite).")
    var catalog: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed when listening).")
    var port = 8080

    @Option(help: "Where clients reach the server, for absolute URLs (default: http://<Host header>).")
    var baseURL: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        try await reportingFailures {
            let workspace = Workspace(root: root, publicRoot: publicRoot)
            let catalogue = (catalog ?? ProcessInfo.processInfo.environment["LUMPINI_CATALOG"]).map { URL(fileURLWithPath: $0) }
            let settings = ServeSettings(
                publicRoot: workspace.publicRoot, catalogueFile: catalogue, host: host, port: port, baseURL: baseURL,
                vocabularies: try? Vocabularies.load(from: workspace))
            try await PublicServer(settings: settings).run { port in
                FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
            }
        }
    }
}

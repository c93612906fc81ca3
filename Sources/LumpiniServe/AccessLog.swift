import Foundation
import Hummingbird

/// One line per request on standard output, when it is answered:
/// `2026-12-07T05:40:00Z GET /ogc/collections?f=json 200 3.2ms`.
/// One `write` per line, so lines of concurrent requests do not mix.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            write(request, status: response.status.code, since: start)
            return response
        } catch {
            write(request, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    private func write(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let time = Date().formatted(.iso8601)
        let line = "\(time) \(request.method.rawValue) \(request.uri.string.printable) \(status) \(String(format: "%.1f", milliseconds))ms\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}

import Foundation
import LumpiniCatalogue
import Hummingbird

/// One line per request on standard output, when it is answered:
/// `2026-12-07T05:40:00Z GET /ogc/collections?f=json 200 3.2ms`, handed to `AccessLogOutput`, which
/// writes whole lines without holding up the request.
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
        let elapsed = (ContinuousClock.now - start).components
        // Tenths of a millisecond, rounded: 1 tenth is 10^14 attoseconds.
        let tenths = Int(elapsed.seconds) * 10_000 + Int((elapsed.attoseconds + 50_000_000_000_000) / 100_000_000_000_000)
        let line = "\(Timestamp.format(Date())) \(request.method.rawValue) \(request.uri.string.printable) \(status) \(tenths / 10).\(tenths % 10)ms\n"
        AccessLogOutput.standardOutput.append(line)
    }
}

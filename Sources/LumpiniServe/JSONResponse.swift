import Foundation
import Hummingbird

extension Response {
    /// A JSON answer (or another media type given), with its bytes as they are.
    static func json(_ bytes: some Sequence<UInt8>, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        var buffer = ByteBuffer()
        buffer.writeBytes(bytes)
        return Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: buffer))
    }

    /// An `Encodable` value as JSON (keys sorted, as every JSON Lumpini writes).
    static func json(encoding value: some Encodable, status: HTTPResponse.Status = .ok, contentType: String = "application/json") throws -> Response {
        json(try JSONOutput.data(value, pretty: false), status: status, contentType: contentType)
    }
}

import Foundation
import FrontlineEngine
import Hummingbird

/// Building responses: JSON in Frontline's vocabulary, HTML pages, errors.
enum Responses {
    /// `value` as JSON (keys sorted, like `frontline … --json`).
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: jsonType], body: ResponseBody(byteBuffer: try jsonBody(value)))
    }

    /// `value` as a JSON answer the response cache can keep.
    static func jsonAnswer<T: Encodable>(_ value: T) throws -> ResponseCache.Answer {
        ResponseCache.Answer(body: try jsonBody(value), contentType: jsonType)
    }

    /// `page` as an HTML answer the response cache can keep.
    static func htmlAnswer(_ page: String) -> ResponseCache.Answer {
        ResponseCache.Answer(body: ByteBuffer(string: page), contentType: htmlType)
    }

    private static let jsonType = "application/json; charset=utf-8"
    private static let htmlType = "text/html; charset=utf-8"

    private static func jsonBody<T: Encodable>(_ value: T) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(data: try encoder.encode(value))
    }

    /// An HTML page.
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: htmlType], body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// An API error as `{"error": {"code", "message", "hint"}}`.
    static func error(_ error: APIError) -> Response {
        var headers = error.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: error.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: error.body)))
    }

    /// The API error any thrown error means; unknown errors become a bare 500.
    static func apiError(for error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let failure as any FrontlineFailure: return APIError.from(failure)
        case let error as HTTPError:
            return APIError(status: error.status, code: error.status == .notFound ? "not_found" : "http_\(error.status.code)",
                            message: error.status.reasonPhrase.lowercased(), hint: nil)
        default: return APIError(status: .internalServerError, code: "internal", message: "the request failed", hint: nil)
        }
    }
}

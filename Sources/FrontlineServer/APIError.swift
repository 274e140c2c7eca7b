import FrontlineEngine
import Foundation
import Hummingbird

/// A request that cannot be answered, as the API reports it:
/// `{"error": {"code", "message", "hint"}}` with its HTTP status. Never a stack trace or a
/// file path: messages are written for the person who typed the request.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    let hint: String?
    /// Headers the answer carries beside the body (`Allow`, `Retry-After`).
    var headers: HTTPFields = [:]

    init(status: HTTPResponse.Status, code: String, message: String, hint: String?, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint
        self.headers = headers
    }

    static func badParameter(_ name: String, _ problem: String) -> APIError {
        APIError(status: .badRequest, code: "bad_parameter", message: "\(name) \(problem)", hint: nil)
    }

    static func notFound(_ message: String, hint: String? = nil) -> APIError {
        APIError(status: .notFound, code: "not_found", message: message, hint: hint)
    }

    /// The answer to an engine failure: what the category means over HTTP. Messages that
    /// could name server paths (a missing or corrupt index) say so without the path.
    static func from(_ failure: any FrontlineFailure) -> APIError {
        switch failure.category {
        case .badQuery:
            if case .query(let problem, let hint) = failure as? SearchError {
                return APIError(status: .badRequest, code: "bad_query", message: problem, hint: hint)
            }
            return APIError(status: .badRequest, code: "bad_query", message: failure.description, hint: nil)
        case .usage:
            return APIError(status: .badRequest, code: "bad_request", message: "the request cannot be answered", hint: nil)
        case .noIndex:
            return APIError(status: .serviceUnavailable, code: "no_index", message: "the index cannot be used now",
                            hint: "the server's operator should run frontline index")
        case .unreachable:
            // Only remote shards go unreachable: naming their addresses shows no server path.
            switch failure as? SearchError {
            case .incomplete(let missing):
                return APIError(status: .serviceUnavailable, code: "shard_unreachable",
                                message: "the index shard \(missing.map(\.location).joined(separator: ", ")) cannot be reached",
                                hint: "partial=1 answers from the other shards")
            case .unreachable(let location, _):
                return APIError(status: .serviceUnavailable, code: "shard_unreachable", message: "the index shard \(location) cannot be reached", hint: nil)
            default:
                return APIError(status: .serviceUnavailable, code: "shard_unreachable", message: "a remote index shard cannot be reached", hint: nil)
            }
        case .locked, .badGazetteer, .failure:
            return APIError(status: .internalServerError, code: "internal", message: "the search failed", hint: nil)
        }
    }

    /// The JSON body.
    var body: Data {
        struct Body: Encodable {
            struct Detail: Encodable { var code: String; var message: String; var hint: String? }
            var error: Detail
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(Body(error: .init(code: code, message: message, hint: hint)))) ?? Data()
    }
}

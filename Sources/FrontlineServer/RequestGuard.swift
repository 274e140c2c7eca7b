import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// What every request passes through: one log line (method, path, status, milliseconds),
/// the security headers, read-only GET requests without a body, a bounded URL, the access
/// token when one is set, and errors answered as JSON (API) or a page, never a trace.
struct RequestGuard: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// The bearer token or cookie value a request must carry, or nil for none.
    let token: String?
    let logger: Logger
    /// The longest URL accepted.
    static let maximumURILength = 8_192
    /// The cookie that carries the token for a browser (set by `/login?token=…`).
    static let cookieName = "frontline_token"

    static let securityHeaders: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            try check(request)
            if request.uri.path == "/login" {
                response = login(request)
            } else {
                try authorize(request)
                response = try await next(request, context)
            }
        } catch {
            response = RequestGuard.errorResponse(Responses.apiError(for: error), for: request)
        }
        for (name, value) in RequestGuard.securityHeaders { response.headers[name] = value }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", milliseconds)) ms")
        return response
    }

    /// GET (or HEAD) only, no body, a URL of bounded length.
    private func check(_ request: Request) throws {
        guard request.method == .get else {
            throw APIError(status: .methodNotAllowed, code: "method_not_allowed", message: "only GET requests are answered; nothing here writes", hint: nil)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > 0 || request.headers[.transferEncoding] != nil {
            throw APIError(status: .contentTooLarge, code: "body_not_accepted", message: "requests carry no body", hint: "put the parameters in the URL")
        }
        guard request.uri.string.utf8.count <= RequestGuard.maximumURILength else {
            throw APIError(status: .uriTooLong, code: "uri_too_long", message: "the URL is longer than \(RequestGuard.maximumURILength) bytes", hint: "search for fewer words")
        }
    }

    /// The token as `Authorization: Bearer …` or the cookie, when a token is set.
    private func authorize(_ request: Request) throws {
        guard let token else { return }
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let cookie = request.headers[values: .cookie].flatMap { $0.split(separator: ";") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix(RequestGuard.cookieName + "=") }
            .map { String($0.dropFirst(RequestGuard.cookieName.count + 1)) }
        guard let given = bearer ?? cookie, RequestGuard.constantTimeEqual(given, token) else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "this server needs its access token",
                           hint: "send Authorization: Bearer TOKEN, or open /login?token=TOKEN in the browser once")
        }
    }

    /// `/login?token=…`: with the right token, sets the cookie and goes to the search page.
    private func login(_ request: Request) -> Response {
        let given = QueryParameters(request.uri.query).value("token") ?? ""
        guard let token, RequestGuard.constantTimeEqual(given, token) else {
            return RequestGuard.errorResponse(APIError(status: .unauthorized, code: "unauthorized", message: "wrong or missing token", hint: nil), for: request)
        }
        return Response(status: .seeOther, headers: [.location: "/", .setCookie: "\(RequestGuard.cookieName)=\(token); HttpOnly; SameSite=Strict; Path=/"])
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// JSON for the API and health paths, a page for the rest.
    static func errorResponse(_ error: APIError, for request: Request) -> Response {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/healthz" { return Responses.error(error) }
        return Responses.html(ErrorPage.render(error, parameters: QueryParameters(nil)), status: error.status)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// What every request passes through: one log line (method, path, status, milliseconds),
/// the security headers, read-only GET (or HEAD) requests without a body, a bounded URL
/// whose percent-encoding is UTF-8, the access token when one is set (with a limit on
/// wrong ones per client), and errors answered as JSON (API) or a page, never a trace.
struct RequestGuard: RouterMiddleware {
    typealias Context = FrontlineContext

    /// The bearer token or cookie value a request must carry, or nil for none.
    let token: String?
    let logger: Logger
    /// Wrong tokens allowed per client.
    let limit = LoginLimit()
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
                response = try login(request, from: context.client)
            } else {
                try authorize(request, from: context.client)
                response = try await next(request, context)
                // HEAD is answered as GET is (the routes answer both), without the body.
                if request.method == .head { response.body = ResponseBody() }
            }
        } catch {
            response = RequestGuard.errorResponse(Responses.apiError(for: error), for: request)
        }
        for (name, value) in RequestGuard.securityHeaders { response.headers[name] = value }
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.inSeconds * 1000
        logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", milliseconds)) ms")
        return response
    }

    /// GET or HEAD only, no body, a URL of bounded length whose escapes decode to UTF-8.
    private func check(_ request: Request) throws {
        guard request.method == .get || request.method == .head else {
            throw APIError(status: .methodNotAllowed, code: "method_not_allowed", message: "only GET and HEAD requests are answered; nothing here writes",
                           hint: nil, headers: [.allow: "GET, HEAD"])
        }
        let length = request.headers[.contentLength].flatMap(Int.init) ?? 0
        if length > 0 || request.headers[.transferEncoding] != nil {
            throw APIError(status: .contentTooLarge, code: "body_not_accepted", message: "requests carry no body", hint: "put the parameters in the URL")
        }
        guard request.uri.string.utf8.count <= RequestGuard.maximumURILength else {
            throw APIError(status: .uriTooLong, code: "uri_too_long", message: "the URL is longer than \(RequestGuard.maximumURILength) bytes", hint: "search for fewer words")
        }
        for part in [request.uri.path, request.uri.query ?? ""] where part.contains("%") {
            guard part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding != nil else {
                throw APIError(status: .badRequest, code: "bad_encoding", message: "the URL's %-escapes are not UTF-8 text",
                               hint: "encode the query as UTF-8 (as browsers do): café is caf%C3%A9")
            }
        }
    }

    /// The token as `Authorization: Bearer …` (the scheme in any case) or the cookie, when a
    /// token is set; a client past its wrong tokens is refused without a check.
    private func authorize(_ request: Request, from client: String) throws {
        guard let token else { return }
        try checkLimit(client)
        let bearer = request.headers[.authorization].flatMap { value -> String? in
            let parts = value.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0].lowercased() == "bearer" ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        }
        let cookie = request.headers[values: .cookie].flatMap { $0.split(separator: ";") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix(RequestGuard.cookieName + "=") }
            .map { String($0.dropFirst(RequestGuard.cookieName.count + 1)) }
        guard let given = bearer ?? cookie, RequestGuard.constantTimeEqual(given, token) else {
            if bearer != nil || cookie != nil { limit.failed(client) }
            throw APIError(status: .unauthorized, code: "unauthorized", message: "this server needs its access token",
                           hint: "send Authorization: Bearer TOKEN, or open /login?token=TOKEN in the browser once")
        }
    }

    /// Refuses `client` while it is past its wrong tokens.
    private func checkLimit(_ client: String) throws {
        guard !limit.isBlocked(client) else {
            throw APIError(status: .tooManyRequests, code: "too_many_attempts",
                           message: "too many wrong tokens from this address", hint: "wait a minute and try again",
                           headers: [.retryAfter: "60"])
        }
    }

    /// `/login?token=…`: with the right token, sets the cookie and goes to the search page.
    private func login(_ request: Request, from client: String) throws -> Response {
        try checkLimit(client)
        let given = QueryParameters(request.uri.query).value("token") ?? ""
        guard let token, RequestGuard.constantTimeEqual(given, token) else {
            limit.failed(client)
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
        var page = Responses.html(ErrorPage.render(error, parameters: QueryParameters(nil)), status: error.status)
        for field in error.headers { page.headers.append(field) }
        return page
    }
}

import Foundation
import FrontlineEngine
import Hummingbird

/// The web pages: search (`/`), compare (`/compare`), figures (`/figures`), article (`/articles/ID`), and the
/// compiled-in stylesheet and script (`/static/…`).
struct PageRoutes: Sendable {
    let pool: SearcherPool
    /// Pages kept for searches, comparisons and ledgers asked again.
    let cache: ResponseCache

    /// Adds the routes to `router`.
    func add(to router: Router<FrontlineContext>) {
        router.read("/") { request, _ in await keptPage(request) { try await search(QueryParameters(request.uri.query)) } }
        router.read("/compare") { request, _ in await keptPage(request) { try await compare(QueryParameters(request.uri.query)) } }
        router.read("/figures") { request, _ in await keptPage(request) { try await figures(QueryParameters(request.uri.query)) } }
        router.read("/articles/**") { request, _ in
            await page(request) { try await article(Routes.articleID(request.uri.path, after: "/articles/"), QueryParameters(request.uri.query)) }
        }
        router.read("/static/{name}") { _, context in
            guard let name = context.parameters.get("name"), let file = Assets.files[name] else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"], body: ResponseBody(byteBuffer: ByteBuffer(string: file.body)))
        }
    }

    /// The page `body` makes, or an error page with the error's status.
    private func page(_ request: Request, _ body: () async throws -> String) async -> Response {
        await keptPage(request) { Responses.htmlAnswer(try await body()) }
    }

    /// The kept or made page `body` gives, or an error page with the error's status.
    private func keptPage(_ request: Request, _ body: () async throws -> ResponseCache.Answer) async -> Response {
        do {
            return try await body().response
        } catch {
            let apiError = Responses.apiError(for: error)
            return Responses.html(ErrorPage.render(apiError, parameters: QueryParameters(request.uri.query)), status: apiError.status)
        }
    }

    func search(_ parameters: QueryParameters) async throws -> ResponseCache.Answer {
        var request = try RequestDecoding.search(parameters, highlight: HTML.highlight, defaultLimit: 20)
        if parameters.value("date_bucket") == nil { request.dateBucket = .day } // the histogram picks its buckets
        return try await pool.answer("/?" + parameters.normalised, cost: .search(request), cache: cache) { [request] in
            Responses.htmlAnswer(SearchPage(result: try $0.search(request), request: request, parameters: parameters, labels: $0.labels).render())
        }
    }

    func compare(_ parameters: QueryParameters) async throws -> ResponseCache.Answer {
        var request = try RequestDecoding.search(parameters, highlight: HTML.highlight)
        request.limit = 0
        let (axis, limit) = try RequestDecoding.comparison(parameters)
        return try await pool.answer("/compare?" + parameters.normalised, cost: .heavy, cache: cache) { [request] in
            Responses.htmlAnswer(ComparePage(comparison: try $0.compare(request, by: axis, limit: limit), parameters: parameters, labels: $0.labels).render())
        }
    }

    func figures(_ parameters: QueryParameters) async throws -> ResponseCache.Answer {
        let request = try RequestDecoding.search(parameters, highlight: HTML.highlight)
        let options = try RequestDecoding.figures(parameters)
        return try await pool.answer("/figures?" + parameters.normalised, cost: .heavy, cache: cache) {
            Responses.htmlAnswer(FiguresPage(ledger: try $0.figures(request, category: options.category), options: options, parameters: parameters, labels: $0.labels).render())
        }
    }

    func article(_ id: String, _ parameters: QueryParameters) async throws -> String {
        let (view, labels) = try await RequestDecoding.articleView(id, parameters, pool: pool, limit: ArticlePage.pageSize)
        return ArticlePage(view: view, labels: labels).render()
    }
}

/// Helpers shared by the routes.
enum Routes {
    /// The article id in a path such as `/articles/sub%2Fa.txt` (ids may hold `/` and `#`).
    static func articleID(_ path: String, after prefix: String) -> String {
        let encoded = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        return encoded.removingPercentEncoding ?? encoded
    }
}

extension Router {
    /// Answers GET and HEAD on `path` with `handler` (`RequestGuard` drops a HEAD answer's body).
    @discardableResult
    func read(_ path: RouterPath, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(path, method: .get, use: handler)
        return on(path, method: .head, use: handler)
    }
}

import Foundation
import FrontlineEngine
import Hummingbird

/// The HTTP JSON API: the same requests as the command line, encoded with the same types
/// as its `--json` output.
struct APIRoutes: Sendable {
    let pool: SearcherPool
    let health: HealthMonitor
    /// Answers kept for searches, comparisons and ledgers asked again.
    let cache: ResponseCache

    /// Adds the routes to `router`.
    func add(to router: Router<FrontlineContext>) {
        router.read("/api/search") { request, _ in await respondKept { try await search(QueryParameters(request.uri.query)) } }
        router.read("/api/compare") { request, _ in await respondKept { try await compare(QueryParameters(request.uri.query)) } }
        router.read("/api/figures") { request, _ in await respondKept { try await figures(QueryParameters(request.uri.query)) } }
        router.read("/api/stats") { _, _ in await respond { try await pool.withSearcher { StatisticsJSON(try $0.statistics(), indexBytes: $0.localIndexBytes) } } }
        router.read("/api/suggest") { request, _ in await respond { try await suggest(QueryParameters(request.uri.query)) } }
        router.read("/api/articles/**") { request, _ in
            await respond { try await article(Routes.articleID(request.uri.path, after: "/api/articles/"), QueryParameters(request.uri.query)) }
        }
        router.read("/api/export") { request, _ in
            do { return try await Export(pool: pool).response(QueryParameters(request.uri.query)) } catch { return Responses.error(Responses.apiError(for: error)) }
        }
        router.read("/healthz") { _, _ in try healthReport() }
    }

    /// The JSON of `body`, or the error it threw.
    private func respond<T: Encodable>(_ body: () async throws -> T) async -> Response {
        do { return try Responses.json(try await body()) } catch { return Responses.error(Responses.apiError(for: error)) }
    }

    /// The kept or made answer `body` gives, or the error it threw.
    private func respondKept(_ body: () async throws -> ResponseCache.Answer) async -> Response {
        do { return try await body().response } catch { return Responses.error(Responses.apiError(for: error)) }
    }

    func search(_ parameters: QueryParameters) async throws -> ResponseCache.Answer {
        let request = try RequestDecoding.search(parameters, highlight: ("**", "**"))
        return try await pool.answer("/api/search?" + parameters.normalised, cost: .search(request), cache: cache) {
            try Responses.jsonAnswer(SearchJSON(try $0.search(request)))
        }
    }

    func compare(_ parameters: QueryParameters) async throws -> ResponseCache.Answer {
        var request = try RequestDecoding.search(parameters, highlight: ("**", "**"))
        request.limit = 0
        let (axis, limit) = try RequestDecoding.comparison(parameters)
        return try await pool.answer("/api/compare?" + parameters.normalised, cost: .heavy, cache: cache) { [request] in
            try Responses.jsonAnswer(ComparisonJSON(try $0.compare(request, by: axis, limit: limit)))
        }
    }

    /// The ledger as `frontline figures --json` prints it (`disputed=1`: only the disputed figures).
    func figures(_ parameters: QueryParameters) async throws -> ResponseCache.Answer {
        let request = try RequestDecoding.search(parameters, highlight: ("", ""))
        let options = try RequestDecoding.figures(parameters)
        return try await pool.answer("/api/figures?" + parameters.normalised, cost: .heavy, cache: cache) {
            let ledger = try $0.figures(request, category: options.category)
            return try Responses.jsonAnswer(options.disputed ? ledger.disputedOnly : ledger)
        }
    }

    func suggest(_ parameters: QueryParameters) async throws -> [String: [Suggestion]] {
        let prefix = parameters.value("q") ?? ""
        guard prefix.count <= 100 else { throw APIError.badParameter("q", "is longer than 100 characters") }
        let limit = try parameters.integer("limit", in: 1...50, fallback: 10)
        return ["suggestions": try await pool.withSearcher { try $0.suggest(prefix, limit: limit) }]
    }

    func article(_ id: String, _ parameters: QueryParameters) async throws -> ArticlePassagesJSON {
        let view = try await RequestDecoding.articleView(id, parameters, pool: pool).view
        return ArticlePassagesJSON(view.passages, marked: view.marked)
    }

    /// `{"status": "ok"|"degraded", "passages", "shards": [{"location", "reachable", "passages", "problem"}]}`.
    func healthReport() throws -> Response {
        struct Health: Encodable { var status: String; var passages: Int; var shards: [ShardHealth] }
        let shards = health.current()
        let healthy = shards.allSatisfy(\.reachable)
        return try Responses.json(Health(status: healthy ? "ok" : "degraded", passages: shards.reduce(0) { $0 + $1.passages }, shards: shards),
                                  status: healthy ? .ok : .serviceUnavailable)
    }
}

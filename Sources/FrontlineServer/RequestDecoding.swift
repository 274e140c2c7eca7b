import FrontlineCorpus
import FrontlineEngine

/// Requests built from URL parameters named like the command line's options: `q`, `side`,
/// `claimant`, `actor`, `place`, `source` (repeatable), `from`, `to`, `sort`, `limit`,
/// `offset`, `per_article`, `copies` (`all`: every copy of a syndicated story), `partial` (1: answer without a shard that cannot be reached), `cross_script` (0 to match names as written only), `date_bucket`, `facets`, `by`, and for figures `figure`
/// (repeatable), `category`, `disputed`. The page and the API read the
/// same names, so a page's URL and its JSON twin differ only in their path.
enum RequestDecoding {
    /// The largest page a request may ask for.
    static let maximumLimit = 1_000
    /// The longest query accepted, in characters (the engine's own limit).
    static let maximumQueryLength = 2_000

    /// The article view `passage` and `context` describe for article `id` (at most `limit`
    /// passages), with the labels of the index it came from; a 404 if there is no such
    /// article or passage.
    static func articleView(_ id: String, _ parameters: QueryParameters, pool: SearcherPool, limit: Int? = nil) async throws -> (view: ArticleView, labels: Labels) {
        let marked = try parameters.value("passage").map { _ in try parameters.integer("passage", in: 0...10_000_000, fallback: 0) }
        let context = try parameters.value("context").map { _ in try parameters.integer("context", in: 0...100_000, fallback: 0) }
        let (passages, labels) = try await pool.withSearcher { (try $0.article(id), $0.labels) }
        do {
            return (try ArticleView(article: id, passages: passages, marked: marked, context: context, limit: limit), labels)
        } catch {
            throw APIError.notFound(error.message, hint: error.hint)
        }
    }

    /// The search the parameters describe; `highlight` marks matches in snippets.
    static func search(_ parameters: QueryParameters, highlight: (String, String), defaultLimit: Int = 10) throws -> SearchRequest {
        let query = parameters.value("q") ?? ""
        guard query.count <= maximumQueryLength else {
            throw APIError(status: .badRequest, code: "query_too_long", message: "q is \(query.count) characters long; the limit is \(maximumQueryLength)",
                           hint: "search for the few words that matter")
        }
        var request = SearchRequest(query: query)
        for facet in Facet.filterable { request.filters[facet] = parameters.values(facet.rawValue) }
        request.dates = try dates(parameters)
        request.limit = try parameters.integer("limit", in: 0...maximumLimit, fallback: defaultLimit)
        request.offset = try parameters.integer("offset", in: 0...1_000_000_000, fallback: 0)
        request.perArticle = parameters.flag("per_article")
        request.copies = try choice("copies", parameters, default: .collapsed)
        request.allowPartial = parameters.flag("partial")
        request.crossScript = parameters.value("cross_script").map { !["0", "false", "off", "no"].contains($0.lowercased()) } ?? true
        request.sort = try choice("sort", parameters, default: .relevance)
        request.dateBucket = try choice("date_bucket", parameters, default: .month)
        request.facets = parameters.value("facets").map { !["0", "false", "off", "no"].contains($0.lowercased()) } ?? true
        request.highlight = highlight
        return request
    }

    /// The comparison axis (`by`, default claimant) and passages per group (`limit`, 1–50).
    static func comparison(_ parameters: QueryParameters) throws -> (ComparisonAxis, Int) {
        (try choice("by", parameters, default: .claimant), try parameters.integer("limit", in: 1...50, fallback: 3))
    }

    /// What a figures request asks beyond its search: one `category`, only the `disputed`
    /// figures, the summary `by` claimant or side.
    struct FigureOptions {
        var category: FigureCategory?
        var disputed: Bool
        var by: ComparisonAxis
    }

    /// The figure options of the parameters.
    static func figures(_ parameters: QueryParameters) throws -> FigureOptions {
        let category: FigureCategory? = try parameters.value("category").map { _ in try choice("category", parameters, default: .killed) }
        return FigureOptions(category: category, disputed: parameters.flag("disputed"), by: try choice("by", parameters, default: .claimant))
    }

    /// The value of parameter `name` among the cases of `T`.
    static func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ parameters: QueryParameters, default fallback: T) throws -> T
    where T.RawValue == String {
        guard let text = parameters.value(name) else { return fallback }
        guard let value = T(rawValue: text) else {
            throw APIError.badParameter(name, "must be one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    private static func dates(_ parameters: QueryParameters) throws -> DateRange? {
        func range(_ name: String) throws -> DateRange? {
            guard let text = parameters.value(name) else { return nil }
            guard let range = DateRange.bounds(text) else { throw APIError.badParameter(name, DateRange.problem(with: text) ?? "is not a date") }
            return range
        }
        let low = try range("from")?.from, high = try range("to")?.to
        if let low, let high, low > high { throw APIError.badParameter("from", "is after to") }
        return low == nil && high == nil ? nil : DateRange(from: low, to: high)
    }
}

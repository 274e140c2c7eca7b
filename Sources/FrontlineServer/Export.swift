import Foundation
import FrontlineEngine
import Hummingbird

/// `/api/export?format=csv|jsonl&…`: every passage matching a search, streamed a page of
/// `pageSize` at a time, so memory stays flat whatever the number of matches (there is no
/// cap). CSV columns: rank, article, passage, date, source, title, url, kind, each tag
/// facet's ids (sides, claimants, actors, places, units), event_dates, text (lists joined
/// with `;`). JSON Lines: one
/// `PassageJSON` object per line, with its `rank`.
struct Export: Sendable {
    let pool: SearcherPool
    /// Passages fetched per page.
    static let pageSize = 1_000

    /// The streaming response for the search in `parameters`; a bad query is an error
    /// before the first byte, not a truncated file.
    func response(_ parameters: QueryParameters) async throws -> Response {
        let format = parameters.value("format") ?? "csv"
        guard format == "csv" || format == "jsonl" else { throw APIError.badParameter("format", "must be csv or jsonl") }
        var request = try RequestDecoding.search(parameters, highlight: ("", ""))
        request.facets = false
        request.offset = 0
        request.limit = Export.pageSize
        let first = try await pool.withSearcher(.heavy) { [request] in try $0.search(request) }
        let pool = self.pool, paged = request
        let body = ResponseBody { writer in
            if format == "csv" { try await writer.write(ByteBuffer(string: Export.csvHeader)) }
            var page = first.hits
            var offset = 0
            while !page.isEmpty {
                let text = page.map { format == "csv" ? Export.csvRow($0) : Export.jsonLine($0) }.joined()
                try await writer.write(ByteBuffer(string: text))
                guard page.count == Export.pageSize else { break }
                offset += Export.pageSize
                var next = paged
                next.offset = offset
                page = try await pool.withSearcher(.heavy) { [next] in try $0.search(next) }.hits
            }
            try await writer.finish(nil)
        }
        let type = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8"
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"frontline-export.\(format)\""], body: body)
    }

    static let csvHeader = CSV.row(["rank", "article", "passage", "date", "source", "title", "url", "kind"] + Facet.tags.map(\.plural) + ["event_dates", "text"])

    static func csvRow(_ hit: Hit) -> String {
        let p = hit.passage
        return CSV.row([String(hit.rank), p.article, String(p.ordinal), p.date, p.source, p.title, p.url, p.kind]
                       + Facet.tags.map { p[$0].joined(separator: ";") } + [p.eventDates.joined(separator: ";"), p.text])
    }

    static func jsonLine(_ hit: Hit) -> String {
        struct Line: Encodable {
            var rank: Int
            var passage: PassageJSON
            func encode(to encoder: any Encoder) throws {
                try passage.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(rank, forKey: .rank)
            }
            enum Key: String, CodingKey { case rank }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Line(rank: hit.rank, passage: PassageJSON(hit.passage)))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

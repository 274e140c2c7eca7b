import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineEngine

/// Judged queries on the shipped corpus, each with the passage a researcher wants, and
/// the BM25 parameters chosen by them: the mean reciprocal rank (MRR) of the chosen
/// parameters must be the best of a grid around them. The grid's table is printed, and
/// quoted in README.md.
@Suite struct RankingEvaluationTests {
    static let judged: [(query: String, article: String, opening: String)] = [
        ("casualties near Talish", "000_a6506743cf02c8fe.txt", "Bodies of Azeri servicemen"),
        ("Putin ceasefire restraint", "001_5eec701f3883248e.txt", "\"President Putin calls on the parties"),
        ("Syrian mercenaries denied", "003_0476d21269d8dd9f.txt", "Leyla Abdullayeva"),
        ("massive attack tanks artillery helicopters", "001_5eec701f3883248e.txt", "Armenia accused Azerbaijan of launching"),
        ("Israeli kamikaze drones", "003_0476d21269d8dd9f.txt", "Meanwhile, Israeli"),
        ("Lavrov all-night vigil", "004_42076aacbf9b2f73.md", "Lavrov said he believed"),
        ("Azerbaijan soldiers killed helicopter downed", "001_5eec701f3883248e.txt", "Azerbaijan said Saturday at least 12"),
        ("NKR army 200 soldiers eliminated", "002_88958093e7319f4a.txt", "At Saturday evening NKR defense army"),
        ("Mogherini deeply worrying", "001_5eec701f3883248e.txt", "The European Union's foreign policy chief"),
        ("Kremlin political diplomatic methods", "003_0476d21269d8dd9f.txt", "The Kremlin said only"),
        ("Borrell civilian targets", "004_42076aacbf9b2f73.md", "The EU's diplomatic chief Josep Borrell"),
        ("French journalists wounded Martuni", "003_0476d21269d8dd9f.txt", "In addition, two French journalists"),
        ("Pashinyan clash of civilizations", "003_0476d21269d8dd9f.txt", "The frontline in Nagorno-Karabakh was a"),
        ("Talysh heights Seysulan", "001_5eec701f3883248e.txt", "The defence ministry claimed Azeri forces"),
        ("Azeri civilians hospitalised Armenian shelling", "003_0476d21269d8dd9f.txt", "Azerbaijan has not acknowledged"),
        ("Armenia deaths 104 soldiers", "003_0476d21269d8dd9f.txt", "Armenia has reported the deaths of 104"),
    ]

    /// The mean reciprocal rank of the judged passages in the top 10 under `k1`, `b`.
    static func meanReciprocalRank(_ searcher: Searcher, k1: Double, b: Double) throws -> Double {
        searcher.bm25 = (k1, b)
        var total = 0.0
        for (query, article, opening) in judged {
            var request = SearchRequest(query: query)
            request.facets = false
            if let rank = try searcher.search(request).hits.firstIndex(where: { $0.passage.article == article && $0.passage.text.hasPrefix(opening) }) {
                total += 1 / Double(rank + 1)
            }
        }
        return total / Double(judged.count)
    }

    @Test func theChosenBM25ParametersRankTheJudgedPassagesBest() throws {
        let searcher = try Searcher(locations: [try #require(seedIndex, "the shipped corpus could not be indexed")])
        let chosen = searcher.bm25
        var table = "| k1 \\ b | 0 | 0.1 | 0.25 | 0.4 | 0.5 | 0.75 | 1.0 |\n|---|---|---|---|---|---|---|---|\n"
        var best = 0.0
        for k1 in [0.3, 0.45, 0.6, 0.75, 0.9, 1.2, 1.6, 2.0] {
            table += "| \(k1) |"
            for b in [0.0, 0.1, 0.25, 0.4, 0.5, 0.75, 1.0] {
                let mrr = try RankingEvaluationTests.meanReciprocalRank(searcher, k1: k1, b: b)
                best = max(best, mrr)
                table += String(format: " %.3f |", mrr)
            }
            table += "\n"
        }
        let mrr = try RankingEvaluationTests.meanReciprocalRank(searcher, k1: chosen.k1, b: chosen.b)
        print("BM25 grid, MRR of \(RankingEvaluationTests.judged.count) judged queries (chosen k1=\(chosen.k1), b=\(chosen.b): \(String(format: "%.3f", mrr))):\n" + table)
        #expect(mrr >= best - 1e-9, "a grid point ranks the judged passages better than the chosen parameters")
        #expect(mrr >= 0.8)
    }
}

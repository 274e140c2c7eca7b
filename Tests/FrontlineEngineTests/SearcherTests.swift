import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineEngine

/// One index of the shipped corpus shared by the search tests (read-only), removed when
/// the test process exits; nil (and the tests fail, saying why) if it cannot be built.
let seedIndex: String? = {
    let path = ProcessLifetime.folder("seed-index") + "/index"
    return (try? buildIndex([Repository.corpus], into: path)) != nil ? path : nil
}()

@Suite struct SearcherTests {
    let searcher: Searcher

    init() throws {
        let index = try #require(seedIndex, "the shipped corpus could not be indexed")
        searcher = try Searcher(locations: [index])
    }

    private func search(_ query: String, _ configure: (inout SearchRequest) -> Void = { _ in }) throws -> SearchResult {
        var request = SearchRequest(query: query)
        request.limit = 50
        configure(&request)
        return try searcher.search(request)
    }

    private func top(_ query: String) throws -> StoredPassage? { try search(query).hits.first?.passage }

    @Test(arguments: [true, false])
    func perArticleCountsAreExact(facets: Bool) throws {
        for query in ["said OR year OR people", "Armenia OR Azerbaijan", "ceasefire", "killed"] {
            let all = try search(query) { $0.limit = 10_000 }
            let collapsed = try search(query) { $0.perArticle = true; $0.facets = facets; $0.limit = 2 }
            #expect(collapsed.total == all.total, "\(query)")
            #expect(collapsed.articles == Set(all.hits.map(\.passage.article)).count, "\(query)")
            #expect(collapsed.totalIsExact)
        }
    }

    // Judged queries: the passage a researcher wants first.
    @Test(arguments: RankingEvaluationTests.judged)
    func judgedQueriesRankTheRightPassageFirst(_ query: String, _ article: String, _ opening: String) throws {
        let first = try top(query)
        #expect(first?.article == article, "\(query)")
        #expect(first?.text.hasPrefix(opening) == true, "\(query): got \(first?.text.prefix(60) ?? "nothing")")
    }

    // Judged with a claimant filter: what each party said about casualties.
    @Test(arguments: [
        ("armenia", "Armenia has reported the deaths of 104 soldiers"),
        ("Azeri", "Azerbaijan's Defence Ministry has said 31 of its soldiers"),
        ("Kremlin", "\"President Putin calls on the parties"),
    ])
    func claimantFiltersRankThatPartysClaimFirst(_ claimant: String, _ opening: String) throws {
        let first = try search("casualties") { $0.filters = [.claimant: [claimant]] }.hits.first?.passage
        #expect(first?.text.hasPrefix(opening) == true, "\(claimant): got \(first?.text.prefix(60) ?? "nothing")")
    }

    @Test(arguments: [("Talysh", "Talish"), ("Azeri", "Azerbaijani"), ("Nagorny", "Nagorno"), ("Khankendi", "Stepanakert")])
    func spellingVariantsMatchEachOther(_ one: String, _ other: String) throws {
        let a = try search(one), b = try search(other)
        #expect(a.total > 0)
        #expect(a.total == b.total, "\(one) \(a.total) vs \(other) \(b.total)")
    }

    @Test func hyphenatedNamesFindTheirSpaceSeparatedVariants() throws {
        let hyphen = try search("Nagorno-Karabakh")
        #expect(hyphen.hits.contains { $0.passage.text.contains("Nagorny Karabakh") })
    }

    @Test func misspellingsGetADidYouMean() throws {
        let result = try search("Stepanakret")
        #expect(result.corrected == "stepanakert")
        #expect(result.usedCorrection)
        #expect(result.hits.allSatisfy { $0.passage.text.contains("Stepanakert") })
        #expect(try search("Stepanakert").corrected == nil)
    }

    @Test func phrasesBooleansNearAndWildcards() throws {
        #expect(try search("\"defence ministry\"").hits.allSatisfy { $0.passage.text.lowercased().contains("defence ministry") })
        let both = try search("Putin AND Peskov")
        #expect(both.total == 2)
        #expect(try search("Putin NOT Peskov").hits.allSatisfy { !$0.passage.text.contains("Peskov") })
        #expect(try search("Putin OR Peskov").total >= both.total)
        #expect(try search("drones NEAR/3 kamikaze").total >= 1)
        #expect(try search("Stepan*").hits.allSatisfy { $0.passage.text.contains("Stepan") })
        #expect(try search("title:ceasefire").hits.allSatisfy { $0.passage.title.lowercased().contains("ceasefire") })
    }

    @Test func fieldsAcceptAliasesAndFiltersCombine() throws {
        let byAlias = try search("side:Azeri"), byID = try search("side:azerbaijan")
        #expect(byAlias.total == byID.total && byID.total > 0)
        #expect(try search("claimant:Kremlin").hits.allSatisfy { $0.passage[.claimant].contains("russia") })
        let unknown = try search("side:atlantis")
        #expect(unknown.total == 0)
        #expect(unknown.notices.first?.contains("atlantis") == true)
        // OR within a field, AND across fields.
        let either = try search("") { $0.filters = [.claimant: ["armenia", "azerbaijan"]] }
        let armenia = try search("") { $0.filters = [.claimant: ["armenia"]] }
        let azerbaijan = try search("") { $0.filters = [.claimant: ["azerbaijan"]] }
        let both = try search("claimant:armenia claimant:azerbaijan") { $0.filters = [:] }
        #expect(either.total == both.total)
        #expect(either.total <= armenia.total + azerbaijan.total && either.total >= max(armenia.total, azerbaijan.total))
        let across = try search("") { $0.filters = [.claimant: ["armenia"], .place: ["talish"]] }
        #expect(across.hits.allSatisfy { $0.passage[.claimant].contains("armenia") && $0.passage[.place].contains("talish") })
    }

    @Test func datesFilterRangeAndBucket() throws {
        let october = try search("date:2020-10")
        #expect(october.total > 0)
        #expect(october.hits.allSatisfy { $0.passage.date.hasPrefix("2020-10") })
        let range = try search("ceasefire date:2016-04-01..2016-04-07")
        #expect(range.hits.allSatisfy { $0.passage.date.hasPrefix("2016-04") })
        let open = try search("") { $0.dates = DateRange(from: CalendarDateLiteral.make(2020, 1, 1), to: nil) }
        #expect(open.total == october.total)
        let years = try search("") { $0.dateBucket = .year }
        #expect(years.counts(of: .date).map(\.value) == ["2016", "2020"])
        #expect(years.counts(of: .date).map(\.count).reduce(0, +) == years.total)
    }

    @Test func perArticleKeepsTheBestPassageOfEach() throws {
        let result = try search("Armenia") { $0.perArticle = true }
        let articles = result.hits.map(\.passage.article)
        #expect(Set(articles).count == articles.count)
        #expect(articles.count == 5)
        #expect(result.articles == 5)
        #expect(result.total == (try search("Armenia").total), "the total still counts passages")
        #expect(result.hits.contains { $0.otherPassages > 0 })
    }

    @Test func sortingByDate() throws {
        let newest = try search("ceasefire") { $0.sort = .dateDescending }
        #expect(newest.hits.map(\.passage.date) == newest.hits.map(\.passage.date).sorted(by: >))
        let oldest = try search("ceasefire") { $0.sort = .date }
        #expect(oldest.hits.map(\.passage.date) == oldest.hits.map(\.passage.date).sorted())
    }

    @Test func snippetsHighlightMatches() throws {
        let hit = try search("helicopter").hits.first!
        #expect(hit.snippet.contains("**helicopter**"))
        #expect(!hit.passage.text.contains("**"))
    }

    @Test(arguments: ["shelling AND", "date:2016-02-30", "date:2020-10-12..2016-01-01", "date:..", String(repeating: "x ", count: 1500)])
    func badQueriesAreClearErrors(_ query: String) {
        let error = #expect(throws: SearchError.self) { try search(query) }
        guard case .query(let problem, let hint) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(!problem.isEmpty && !hint.isEmpty)
    }

    @Test(arguments: ["ceasefire XOR * NOT place: -", "ceasefire XOR NOT x", "\"unbalanced", "((Talish", "NEAR/999999", "*", "+", "-", "\u{1}\u{7}Talish\u{1B}", "side:", "nosuchfield:x", "the of and"])
    func oddQueriesGiveResultsOrNothingButNeverFail(_ query: String) throws {
        let result = try search(query)
        #expect(result.hits.count == min(result.total, 50), "\(query): \(result.total) matches, \(result.hits.count) hits")
        #expect(result.hits.allSatisfy { !$0.passage.text.isEmpty })
    }

    @Test func aMissingIndexSaysToRunIndex() {
        let error = #expect(throws: SearchError.self) { try Searcher(locations: ["/nonexistent/index"]) }
        #expect(error?.description.contains("frontline index") == true)
    }

    @Test func articlesComeBackInOrder() throws {
        let passages = try searcher.article("004_42076aacbf9b2f73.md")
        #expect(passages.map(\.ordinal) == Array(0..<passages.count))
        #expect(passages.count == 29)
    }

    @Test func statisticsCountTheIndex() throws {
        let stats = try searcher.statistics()
        #expect(stats.articles == 5)
        #expect(stats.passages == 120)
        #expect(stats.schema == Schema.version)
        #expect(stats.facets.first { $0.facet == .side }?.counts.map(\.value).sorted() == ["armenia", "azerbaijan", "karabakh"])
    }
}

import FrontlineCorpus

enum CalendarDateLiteral {
    static func make(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }
}

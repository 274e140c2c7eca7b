import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineCorpus
@testable import FrontlineEngine

/// The multilingual development set (`Tests/judged/multilingual/`): short Russian,
/// Armenian, Azerbaijani and English wire reports and judged queries for names across
/// scripts, inflected forms and concepts across languages.
let multilingualIndex: String? = {
    let path = ProcessLifetime.folder("multilingual-index") + "/index"
    return (try? buildIndex([MultilingualTests.folder + "/articles.jsonl"], into: path)) != nil ? path : nil
}()

@Suite struct MultilingualTests {
    static let folder = Repository.root + "/Tests/judged/multilingual"

    /// Each judged query with the articles that must be in its top 10.
    static func judged() throws -> [(query: String, articles: [String])] {
        try String(contentsOfFile: folder + "/queries.tsv", encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { line in
                let parts = line.split(separator: "\t")
                return (String(parts[0]), parts[1].split(separator: " ").map(String.init))
            }
    }

    let searcher: Searcher

    init() throws {
        searcher = try Searcher(locations: [try #require(multilingualIndex, "the multilingual set could not be indexed")])
    }

    private func top10(_ query: String, crossScript: Bool = true) throws -> [String] {
        var request = SearchRequest(query: query)
        request.perArticle = true
        request.facets = false
        request.crossScript = crossScript
        return try searcher.search(request).hits.map(\.passage.article)
    }

    @Test func recallAtTenIsAtLeast95Percent() throws {
        let judged = try MultilingualTests.judged()
        var total = 0.0
        var report: [String] = []
        for (query, articles) in judged {
            let found = try top10(query)
            let missed = articles.filter { !found.contains($0) }
            total += Double(articles.count - missed.count) / Double(articles.count)
            if !missed.isEmpty { report.append("  \(query): missed \(missed.joined(separator: ", "))") }
        }
        let recall = total / Double(judged.count)
        print("multilingual recall@10 over \(judged.count) judged queries: \(String(format: "%.3f", recall))\n" + report.joined(separator: "\n"))
        #expect(recall >= 0.95)
    }

    @Test func aNameFindsItsOwnScriptOnlyWithoutCrossScriptMatching() throws {
        #expect(try top10("Talish", crossScript: false) == ["en-wire-talish"])
        #expect(Set(try top10("Talish")).isSuperset(of: ["ru-ria-talysh", "hy-armenpress-talish", "az-apa-talis"]))
    }

    @Test func passagesCarryTheirLanguageAndAreFilteredAndCountedByIt() throws {
        var request = SearchRequest(query: "Stepanakert")
        request.filters[.language] = ["russian"]
        let result = try searcher.search(request)
        #expect(!result.hits.isEmpty)
        #expect(result.hits.allSatisfy { $0.passage.language == "ru" })
        let facet = try #require(result.facets.first { $0.facet == .language })
        #expect(facet.counts.map(\.value) == ["ru"])
        #expect(facet.counts.first?.label == "Russian")
        let json = String(decoding: try JSONEncoder().encode(HitJSON(result.hits[0])), as: UTF8.self)
        #expect(json.contains("\"language\":\"ru\""))
        #expect(try searcher.search(SearchRequest(query: "language:az Talish")).hits.allSatisfy { $0.passage.language == "az" })
    }

    @Test func inflectedNamesAreTaggedInEveryScript() throws {
        for (article, place) in [("ru-interfax-shusha", "shusha"), ("ru-ria-stepanakert", "stepanakert"), ("hy-newsam-shushi", "shusha"),
                                 ("az-report-xankendi", "stepanakert"), ("ru-ria-talysh", "talish"), ("hy-armenpress-talish", "talish"),
                                 ("az-apa-talis", "talish"), ("hy-caption-martuni", "martuni")] {
            let passages = try searcher.article(article)
            #expect(passages.contains { $0[.place].contains(place) }, "\(article) is not tagged \(place)")
        }
    }

    @Test func highlightingMarksTheNameInAnotherScript() throws {
        var request = SearchRequest(query: "Talish")
        request.filters[.language] = ["hy"]
        let snippet = try #require(try searcher.search(request).hits.first).snippet
        #expect(snippet.contains("**Թալիշ"), "\(snippet)")
    }
}

/// Words matched across scripts by a transliteration key, and text no profile knows.
@Suite struct CrossScriptInputTests {
    @Test func wordsFoundByTransliterationAreHighlighted() {
        let keys = Set(Transliteration.queryKeys("Beglaryan"))
        #expect(CrossScriptHighlight.marked("— цитирует Бегларяна «Интерфакс».", keys: keys, markers: ("**", "**"))
                == "— цитирует **Бегларяна** «Интерфакс».")
        #expect(CrossScriptHighlight.marked("**Бегларян** сообщил", keys: keys, markers: ("**", "**")) == "**Бегларян** сообщил")
        #expect(CrossScriptHighlight.marked("<b>Артак</b> Бегларян", keys: keys, markers: ("<b>", "</b>")) == "<b>Артак</b> <b>Бегларян</b>")
        #expect(CrossScriptHighlight.marked("Beglaryan said", keys: keys, markers: ("**", "**")) == "Beglaryan said")
    }

    @Test func passagesInScriptsNoProfileKnowsAreIndexedAndMarkedUnknown() throws {
        let folder = TemporaryDirectory()
        let articles = [
            ("ka", "ოთხი ჯარისკაცი დაიღუპა ტალიშთან, აცხადებს სომხეთის თავდაცვის სამინისტრო."),
            ("ar", "قال أرايك هاروتيونيان، زعيم الانفصاليين في ناغورنو كاراباخ، إن الخسائر فادحة."),
            ("spoof", "\u{200F}Обстpел Aгдама\u{202E} cообщили в Баку\u{202C}, Тала\u{301}ш e\u{301}\u{302}\u{303}."),
        ]
        let lines = try articles.map { id, text in String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text]), as: UTF8.self) }
        try lines.joined(separator: "\n").write(toFile: folder.path + "/a.jsonl", atomically: true, encoding: .utf8)
        let (summary, _) = try buildIndex([folder.path + "/a.jsonl"], into: folder.path + "/index")
        #expect(summary.articlesAdded == 3)
        let searcher = try Searcher(locations: [folder.path + "/index"])
        for (id, _) in articles {
            let passages = try searcher.article(id)
            #expect(!passages.isEmpty, "\(id) was not indexed")
            if id != "spoof" { #expect(passages.allSatisfy { $0.language == Language.unknown.rawValue }, "\(id)") }
        }
        #expect(try searcher.search(SearchRequest(query: "ჯარისკაცი")).hits.map(\.passage.article) == ["ka"])
    }
}

import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineEngine

/// Ranking for queries of several concepts (`ConceptQuery`): what matches every concept
/// first, expansions below the word typed, capitalised names not expanded as common words,
/// and the judged multi-concept queries of the development set no worse than measured.
@Suite struct ConceptRankingTests {
    /// The English hits of `query` (up to 200), in rank order.
    static func hits(_ query: String, in searcher: Searcher) throws -> [Hit] {
        var request = SearchRequest(query: query + " language:en")
        request.limit = 200
        request.facets = false
        return try searcher.search(request).hits
    }

    /// The lower-cased words of `text`.
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !$0.isLetter }
    }

    /// True if `flags` (true: matches) are all true before the first false.
    static func isPrefix(_ flags: [Bool]) -> Bool {
        let first = flags.firstIndex(of: false) ?? flags.count
        return !flags[first...].contains(true)
    }

    @Test func passagesWithEveryConceptRankAboveThoseWithFewerHoweverShort() throws {
        let searcher = try Searcher(locations: [try #require(seedIndex, "the shipped corpus could not be indexed")])
        let hits = try Self.hits("casualties near Talish", in: searcher)
        let casualty = ["kill", "wound", "dead", "death", "injur", "loss", "toll", "casualt"]
        let both = hits.map { hit -> Bool in
            let words = Self.words(hit.passage.text)
            let talish = words.contains { $0 == "talish" || $0 == "talysh" }
            let loss = words.contains { word in casualty.contains { word.hasPrefix($0) } && !word.hasPrefix("deadl") && !word.hasPrefix("tolls") }
            return talish && loss
        }
        #expect(both.contains(true), "the shipped corpus has a passage with a casualty word and Talish")
        #expect(both.count >= 20)
        #expect(Self.isPrefix(both), "a passage with only one of the two concepts ranks above one with both: \(both)")
        #expect(hits.first?.passage.text.hasPrefix("Bodies of Azeri servicemen") == true)
    }

    @Test func theWordTypedWeighsMoreThanItsExpansion() throws {
        // Two passages alike but for the word; the one with the expansion is the earlier, so
        // equal scores would put it first.
        let directory = TemporaryDirectory()
        let corpus = directory.child("corpus")
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        for (name, date, word) in [("a.md", "2020-01-01", "truce"), ("b.md", "2020-01-02", "ceasefire")] {
            try "---\ntitle: Report \(name)\ndate: \(date)\n---\nThe \(word) held in the north on Monday, officials in the town said.\n"
                .write(toFile: corpus + "/" + name, atomically: true, encoding: .utf8)
        }
        try buildIndex([corpus], into: directory.child("index"))
        let hits = try Self.hits("ceasefire", in: try Searcher(locations: [directory.child("index")]))
        #expect(hits.map { Self.words($0.passage.text).contains("ceasefire") } == [true, false])
        #expect(hits.count == 2 && hits[0].score > hits[1].score * 1.5)
    }

    @Test func aCapitalisedNameIsNotExpandedAsACommonWord() throws {
        let searcher = try Searcher(locations: [try #require(seedIndex, "the shipped corpus could not be indexed")])
        let lower = try Self.hits("ceasefire", in: searcher)
        let named = try Self.hits("Ceasefire", in: searcher)
        #expect(lower.contains { !Self.words($0.passage.text).contains { $0.hasPrefix("ceasefire") } })
        #expect(!named.isEmpty)
        #expect(named.allSatisfy { Self.words($0.passage.text).contains { $0.hasPrefix("ceasefire") } },
                "\"Ceasefire\" (a name) found passages through the expansions of the common word")
        // A name still finds its variants.
        let variants = try Self.hits("Talysh", in: searcher)
        #expect(variants.contains { Self.words($0.passage.text).contains("talish") })
    }

    @Test func queriesWithOperatorsKeepTheStructureWritten() throws {
        let searcher = try Searcher(locations: [try #require(seedIndex, "the shipped corpus could not be indexed")])
        let and = try Self.hits("casualties AND Talish", in: searcher)
        let plain = try Self.hits("casualties Talish", in: searcher)
        #expect(!and.isEmpty && and.count < plain.count)
        #expect(try Self.hits("ceasefire -Putin", in: searcher).allSatisfy { !Self.words($0.passage.text).contains("putin") })
        // An excluded name keeps out its variants too.
        let withoutRussia = try Self.hits("ceasefire talks -Russia", in: searcher)
        #expect(!withoutRussia.isEmpty && withoutRussia.allSatisfy { !$0.passage.text.contains("Russia") })
    }

    /// nDCG@10 of the judged multi-concept queries in `file` (`bench/ranking` scores the same way).
    static func meanNDCG(_ searcher: Searcher, judged file: String) throws -> (mean: Double, queries: Int) {
        var judged: [(String, [String: Int])] = []
        for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3, let grade = Int(fields[2]) else { continue }
            if judged.last?.0 != fields[0] { judged.append((fields[0], [:])) }
            judged[judged.count - 1].1[fields[1]] = grade
        }
        func dcg(_ grades: [Int]) -> Double {
            grades.enumerated().reduce(0) { $0 + (pow(2, Double($1.element)) - 1) / log2(Double($1.offset + 2)) }
        }
        var total = 0.0
        for (query, grades) in judged {
            var request = SearchRequest(query: query)
            request.facets = false
            request.limit = 10
            let ranked = try searcher.search(request).hits.map { grades["\($0.passage.article)#\($0.passage.ordinal)"] ?? 0 }
            total += dcg(ranked) / dcg(Array(grades.values.sorted(by: >).prefix(10)))
        }
        return (total / Double(judged.count), judged.count)
    }

    @Test func theJudgedMultiConceptQueriesOfTheDevSetHoldTheirScore() throws {
        let folder = Repository.root + "/Tests/judged"
        let directory = TemporaryDirectory()
        var options = Indexer.Options(paths: [folder + "/fakes-dev.jsonl"], index: directory.child("index"))
        options.gazetteer = folder + "/syria-gazetteer.json"
        options.worldBase = Repository.worldBase
        options.figures = Repository.figureLexicon
        _ = try Indexer(options: options, onDiagnostic: { _ in }).run()
        let searcher = try Searcher(locations: [directory.child("index")])
        let (ndcg, queries) = try Self.meanNDCG(searcher, judged: folder + "/ranking-fakes.tsv")
        print("FA-KES judged multi-concept queries: mean nDCG@10 \(String(format: "%.3f", ndcg)) over \(queries) queries")
        // Before concepts were ranked: 0.834; with them 0.829, the loss all in one query ("car
        // bomb killed": a passage of "bombers" and a "death toll" now ranks below passages with
        // two of the three words). The BBC set gains (bench/RESULTS.md). This holds the line.
        #expect(queries == 6)
        #expect(ndcg >= 0.829 - 1e-3)
    }
}

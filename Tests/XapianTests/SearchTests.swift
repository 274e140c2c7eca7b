import Foundation
import TestSupport
import Testing
@testable import Xapian

@Suite struct SearchTests {
    /// Queries made on several threads at once share nothing: a match-all query made on
    /// four threads together (200,000 times) leaves every one usable. A copy of Xapian's
    /// static MatchAll, whose reference count is not atomic, crashed here within seconds.
    @Test func matchAllQueriesAreMadeOnManyThreadsAtOnce() throws {
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<50_000 {
                guard let query = try? Query.matchAll() else { continue }
                _ = try? Query.and([query, query]).isEmpty
            }
        }
        #expect(try !Query.matchAll().isEmpty)
    }

    @Test func scaledFixedWeightAndTermListingQueries() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"), texts: ["the truce held", "the ceasefire held", "nothing here"])
        func weights(_ query: Query) throws -> [Int: Double] {
            let enquire = try Enquire(database: db)
            try enquire.setQuery(query)
            return Dictionary(uniqueKeysWithValues: try enquire.matches(limit: 10).items().map { ($0.documentID, $0.weight) })
        }
        let truce = try Query(term: "truce")
        let full = try weights(truce), half = try weights(try truce.scaled(by: 0.5))
        #expect(full.count == 1 && half.count == 1)
        #expect(abs(half[1]! - full[1]! / 2) < 1e-9)
        // A fixed weight filtered by a query: the same amount for each document it matches.
        let fixed = try weights(try Query.filter(try Query.fixedWeight(100), by: try Query.or([truce, try Query(term: "ceasefire")])))
        #expect(fixed == [1: 100, 2: 100])
        #expect(try Query.or([truce, try Query(term: "held"), truce]).terms() == ["held", "truce"])
    }

    @Test func stemmerStemsAndRejectsUnknownLanguages() throws {
        #expect(try Stem("english").stem("claimed") == "claim")
        let error = #expect(throws: XapianError.self) { try Stem("klingon") }
        #expect(error?.kind == .invalidArgument)
    }

    @Test func snippetHighlightsTheStemmedMatch() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"), texts: ["Azerbaijan said its forces shelled the village", "unrelated"])
        let parser = try QueryParser()
        let stem = try Stem("english")
        try parser.setStemmer(stem)
        let enquire = try Enquire(database: db)
        try enquire.setQuery(try parser.parse("shelling"))
        let mset = try enquire.matches()
        #expect(mset.count == 1)
        let snippet = try mset.snippet(of: try mset.document(0).data(), stemmer: stem, highlightStart: "[", highlightEnd: "]")
        #expect(snippet.contains("[shelled]"))
    }

    @Test func queryParserPrefixesRangesAndErrors() throws {
        let dir = TemporaryDirectory()
        let db = try WritableDatabase(path: dir.child("db"))
        for (side, date) in [("armenia", "20160402"), ("azerbaijan", "20160403"), ("armenia", "20201001")] {
            let doc = try Document()
            try doc.addBooleanTerm("XSIDE" + side)
            try doc.addTerm("clash")
            try doc.addValue(date, slot: 0)
            try db.add(doc)
        }
        try db.commit()
        let parser = try QueryParser()
        try parser.addBooleanPrefix("side", "XSIDE")
        try parser.addPrefix("title", "S")
        try parser.addRange(slot: 0, prefix: "date:")
        func count(_ q: String) throws -> Int {
            let enquire = try Enquire(database: db)
            try enquire.setQuery(try parser.parse(q))
            return try enquire.matches(limit: 10, checkAtLeast: 100).estimatedMatches
        }
        #expect(try count("clash side:armenia") == 2)
        #expect(try count("clash side:armenia side:azerbaijan") == 3)
        #expect(try count("clash date:20160401..20160430") == 2)
        #expect(try count("clash NOT side:armenia") == 1)
        #expect(try parser.parse("title:ceasefire").description.contains("Sceasefire"))
        let bare = try QueryParser()
        let error = #expect(throws: XapianError.self) { try bare.parse("shelling AND") }
        #expect(error?.kind == .queryParser)
        #expect(error?.message.contains("AND") == true)
        #expect(error?.context == "shelling AND")
        #expect(try bare.parse("").isEmpty)
    }

    @Test func rangeProcessorAndWildcards() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"), texts: ["stepanakert shelled", "stepanakert quiet", "baku"], colours: ["20160402", "20201012", "20201013"])
        let parser = try QueryParser()
        try parser.setDatabase(db)
        try parser.addRange(slot: 0, prefix: "on:")
        try parser.setMaxWildcardExpansion(1)
        let enquire = try Enquire(database: db)
        try enquire.setQuery(try parser.parse("stepanakert on:20201001..20201031", flags: [.boolean, .phrase]))
        #expect(try enquire.matches().count == 1)
        try enquire.setQuery(try parser.parse("stepan*", flags: [.wildcard]))
        #expect(try enquire.matches().count == 2)
        // Wildcards expand lazily: too many expansions fail when matching.
        try enquire.setQuery(try parser.parse("s*", flags: [.wildcard]))
        let error = #expect(throws: XapianError.self) { try enquire.matches() }
        #expect(error?.kind == .wildcard)
    }

    @Test func synonymsThroughTheParser() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"), texts: ["village of Talysh", "Stepanakert"])
        try db.addSynonym("Ztalysh", for: "talish")
        try db.commit()
        let parser = try QueryParser()
        try parser.setStemmer(Stem("english"))
        try parser.setDatabase(db)
        let enquire = try Enquire(database: db)
        try enquire.setQuery(try parser.parse("talish", flags: [.autoSynonyms]))
        #expect(try enquire.matches().count == 1)
    }

    @Test func queryCombinators() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"), texts: ["armenia accused azerbaijan", "azerbaijan accused armenia", "armenia alone"])
        func matches(_ q: Query) throws -> [String] {
            let enquire = try Enquire(database: db)
            try enquire.setQuery(q)
            let mset = try enquire.matches(limit: 10)
            return try (0..<mset.count).map { try mset.document($0).data() }.sorted()
        }
        let armenia = try Query(term: "armenia"), azerbaijan = try Query(term: "azerbaijan"), accused = try Query(term: "accused")
        #expect(try matches(Query.and([armenia, azerbaijan])).count == 2)
        #expect(try matches(Query.or([armenia, azerbaijan])).count == 3)
        #expect(try matches(Query.andNot(armenia, azerbaijan)) == ["armenia alone"])
        #expect(try matches(Query.filter(accused, by: Query(term: "Q0"))) == ["armenia accused azerbaijan"])
        #expect(try matches(Query.phrase([armenia, accused])) == ["armenia accused azerbaijan"])
        #expect(try matches(Query.matchAll()).count == 3)
    }

    @Test func facetsCountEveryMatchAndCollapseKeepsOnePerKey() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"),
                                  texts: ["shelling a", "shelling b", "shelling c", "shelling d", "quiet"],
                                  colours: ["red", "red", "blue", "red", "blue"],
                                  keys: ["k1", "k1", "k2", "k3", "k3"])
        let enquire = try Enquire(database: db)
        try enquire.setQuery(try QueryParser().parse("shelling"))
        let spy = try ValueCountSpy(slot: 0)
        try enquire.add(spy: spy)
        let mset = try enquire.matches(limit: 1, checkAtLeast: 100)
        #expect(mset.count == 1)
        #expect(mset.estimatedMatches == 4)
        #expect(spy.total == 4)
        #expect(try spy.counts().map { "\($0.value)=\($0.count)" } == ["blue=1", "red=3"])
        try enquire.setCollapseKey(slot: 1)
        let collapsed = try enquire.matches(limit: 10)
        #expect(collapsed.count == 3)
        #expect(try collapsed.items().map(\.collapseCount).reduce(0, +) == 1)
    }

    @Test func sortingByValue() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"), texts: ["x b", "x a", "x c"], colours: ["2", "1", "3"])
        let enquire = try Enquire(database: db)
        try enquire.setQuery(try Query(term: "x"))
        try enquire.sortByValue(slot: 0, descending: true)
        #expect(try enquire.matches().items().map(\.documentID) == [3, 1, 2])
        try enquire.sortByValue(slot: 0, descending: false)
        #expect(try enquire.matches().items().map(\.documentID) == [2, 1, 3])
        // Equal weights (every document has x once and the same length): by value.
        try enquire.sortByRelevanceThenValue(slot: 0, descending: false)
        #expect(try enquire.matches().items().map(\.documentID) == [2, 1, 3])
    }

    @Test func termGeneratorPrefixesAndStopWords() throws {
        let dir = TemporaryDirectory()
        let db = try WritableDatabase(path: dir.child("db"))
        let generator = try TermGenerator(stemmer: Stem("english"))
        try generator.setStopWords(["the"])
        let doc = try Document()
        try generator.setDocument(doc)
        try generator.indexText("Fighting intensifies", wdfIncrement: 2, prefix: "S")
        try generator.indexText("the shelling", positions: false)
        try db.add(doc)
        try db.commit()
        let terms = Dictionary(uniqueKeysWithValues: try doc.terms().map { ($0.term, $0.wdf) })
        #expect(terms["Sfighting"] == 2)
        #expect(terms["ZSfight"] == 2)
        #expect(terms["Zshell"] == 1)
        #expect(terms["Zthe"] == nil) // stop words get no stemmed term
    }
}

import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineCorpus
@testable import FrontlineEngine

/// Syndicated copies (issue 22, item 5): the AFP story the shipped corpus carries as The
/// Moscow Times printed it, carried again by a second outlet with its own headline and
/// furniture, is found as one story whatever shard each copy lands on, kept in both
/// copies, shown once, and its figures counted once.
@Suite struct SyndicationTests {
    static let originalID = SyndicatedCopy.originalID, copyID = SyndicatedCopy.copyID
    static func secondOutletsCopy() throws -> String { try SyndicatedCopy.text() }

    /// A copy of the shipped corpus, with the second outlet's copy when `withCopy`.
    static func corpus(in directory: TemporaryDirectory, withCopy: Bool) throws -> String {
        let folder = directory.copyCorpus(to: "corpus")
        if withCopy { directory.write("corpus/" + copyID, try secondOutletsCopy()) }
        return folder
    }

    /// A phrase of a paragraph both copies print.
    static let sharedPhrase = "\"made a mockery of the truce deal brokered by Moscow\""

    private func search(_ index: String, _ query: String, copies: CopyDisplay = .collapsed, perArticle: Bool = false) throws -> SearchResult {
        var request = SearchRequest(query: query)
        request.copies = copies
        request.perArticle = perArticle
        request.limit = 50
        return try Searcher(locations: [index]).search(request)
    }

    @Test func theCopiesSignaturesAreAlikeAndTheCorpussOtherArticlesAreNot() throws {
        var articles: [String: [Passage]] = [:]
        let directory = TemporaryDirectory()
        let processor = ArticleProcessor(gazetteer: .empty, figures: nil)
        CorpusReader().read([try Self.corpus(in: directory, withCopy: true)]) { event in
            if case .article(let article) = event { articles[article.id] = processor.process(article).passages }
        }
        let signatures = articles.compactMapValues(StorySignature.init)
        #expect(signatures.count == 6)
        let copies = signatures[Self.originalID]!.similarity(to: signatures[Self.copyID]!)
        #expect(copies >= Story.similarity)
        // Five articles of one war, two of them of the same fortnight: none is another's copy.
        for (a, first) in signatures where a != Self.copyID {
            for (b, second) in signatures where a < b && b != Self.copyID {
                #expect(first.similarity(to: second) < 0.2, "\(a) and \(b)")
            }
        }
    }

    @Test func copiesOnDifferentShardsAreOneStoryShownOnce() throws {
        let directory = TemporaryDirectory()
        let corpus = try Self.corpus(in: directory, withCopy: true)
        let index = directory.child("index")
        let (summary, _) = try buildIndex([corpus], into: index, jobs: 3)
        #expect(summary.stories == 1 && summary.storyCopies == 1)
        // Both copies are indexed; they are on different shards of three.
        let shardOf = { (id: String) in Fingerprint.hash(Schema.articleKey(id)) % 3 }
        #expect(shardOf(Self.originalID) != shardOf(Self.copyID))
        #expect(try Searcher(locations: [index]).article(Self.copyID).count > 5)

        let collapsed = try search(index, Self.sharedPhrase)
        #expect(collapsed.total == 2) // every matching passage is counted
        #expect(collapsed.hits.count == 1)
        let hit = try #require(collapsed.hits.first)
        #expect(hit.passage.article == Self.originalID)
        #expect(hit.story == Self.originalID && hit.copies == 1 && hit.outlets == 2)
        #expect(hit.copiesNote == "+1 copy in other outlets")
        #expect(hit.otherPassages == 0) // the copy's passage is not more of this article

        let all = try search(index, Self.sharedPhrase, copies: .all)
        #expect(Set(all.hits.map(\.passage.article)) == [Self.originalID, Self.copyID])
        #expect(all.hits.allSatisfy { $0.story == Self.originalID && $0.copies == 1 })

        // One hit per story, not per article, with per-article grouping.
        let perStory = try search(index, "Karabakh ceasefire Moscow", perArticle: true)
        let articles = perStory.hits.map(\.passage.article)
        #expect(articles.contains(Self.originalID) != articles.contains(Self.copyID))
        #expect(Set(articles).count == articles.count)
        let perArticle = try search(index, "Karabakh ceasefire Moscow", copies: .all, perArticle: true)
        #expect(perArticle.hits.map(\.passage.article).contains(Self.copyID) && perArticle.hits.map(\.passage.article).contains(Self.originalID))
    }

    @Test func anIncrementalRunThatBringsOrTakesACopyEndsEqualToACleanBuild() throws {
        let directory = TemporaryDirectory()
        let corpus = try Self.corpus(in: directory, withCopy: false)
        let growing = directory.child("growing")
        try buildIndex([corpus], into: growing, jobs: 2)
        let alone = try search(growing, Self.sharedPhrase)
        #expect(alone.hits.count == 1 && alone.hits[0].story == nil)

        directory.write("corpus/" + Self.copyID, try Self.secondOutletsCopy())
        let (added, _) = try buildIndex([corpus], into: growing, jobs: 2)
        #expect(added.articlesAdded == 1 && added.stories == 1)
        let clean = directory.child("clean")
        try buildIndex([corpus], into: clean, jobs: 1)
        for query in [Self.sharedPhrase, "Karabakh ceasefire Moscow", "casualties near Talish"] {
            let (a, b) = (try search(growing, query, copies: .all), try search(clean, query, copies: .all))
            #expect(a.hits.map { "\($0.passage.article)#\($0.passage.ordinal) \($0.story ?? "-") \($0.copies)" }
                    == b.hits.map { "\($0.passage.article)#\($0.passage.ordinal) \($0.story ?? "-") \($0.copies)" }, "\(query)")
            #expect(try search(growing, query).hits.map(\.passage.ordinal) == (try search(clean, query)).hits.map(\.passage.ordinal))
        }

        try FileManager.default.removeItem(atPath: directory.child("corpus/" + Self.copyID))
        let (removed, _) = try buildIndex([corpus], into: growing, jobs: 2)
        #expect(removed.articlesRemoved == 1 && removed.stories == 0)
        let again = try search(growing, Self.sharedPhrase)
        #expect(again.hits.count == 1 && again.hits[0].story == nil && again.hits[0].copies == 0)
        #expect(again.hits.map(\.passage.ordinal) == alone.hits.map(\.passage.ordinal) && again.total == alone.total)
    }

    @Test func aFigureTheStoryReportsInTwoOutletsCountsOnce() throws {
        let directory = TemporaryDirectory()
        let single = directory.child("single"), both = directory.child("both")
        try buildIndex([try Self.corpus(in: directory, withCopy: false)], into: single)
        let other = TemporaryDirectory()
        try buildIndex([try Self.corpus(in: other, withCopy: true)], into: both)
        var request = SearchRequest(query: "")
        request.filters[.source] = ["The Moscow Times", "France 24"]
        let once = try Searcher(locations: [single]).figures(request)
        #expect(!once.figures.isEmpty)
        let ledger = try Searcher(locations: [both]).figures(request)
        #expect(ledger.figures.map(\.text) == once.figures.map(\.text))
        #expect(ledger.figures.allSatisfy { $0.article == Self.originalID })
        request.copies = .all
        let twice = try Searcher(locations: [both]).figures(request)
        #expect(twice.figures.count > once.figures.count)
    }

    @Test func theShippedCorpusHasNoCopiesAndAnswersAsBefore() throws {
        let directory = TemporaryDirectory()
        let index = directory.child("index")
        let (summary, _) = try buildIndex([try Self.corpus(in: directory, withCopy: false)], into: index)
        #expect(summary.stories == 0)
        let result = try search(index, "casualties near Talish")
        #expect(result.hits.allSatisfy { $0.story == nil && $0.copies == 0 })
        let json = String(decoding: try JSONEncoder().encode(SearchJSON(result)), as: UTF8.self)
        #expect(!json.contains("\"story\"") && !json.contains("\"copies\""))
    }
}

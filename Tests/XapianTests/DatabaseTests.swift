import Foundation
import TestSupport
import Testing
@testable import Xapian

/// Builds a small database of `texts`, one document each, with value slot 0 = `colours[i]`.
func makeDatabase(at path: String, texts: [String], colours: [String] = [], keys: [String] = []) throws -> WritableDatabase {
    let db = try WritableDatabase(path: path, mode: .createOrOverwrite)
    let generator = try TermGenerator(stemmer: Stem("english"))
    for (i, text) in texts.enumerated() {
        let doc = try Document()
        try generator.setDocument(doc)
        try generator.indexText(text)
        try doc.setData(text)
        try doc.addBooleanTerm("Q\(i)")
        if i < colours.count { try doc.addValue(colours[i], slot: 0) }
        if i < keys.count { try doc.addValue(keys[i], slot: 1) }
        try db.add(doc)
    }
    try db.commit()
    return db
}

@Suite struct DatabaseTests {
    @Test func openingAMissingDatabaseNamesThePath() throws {
        let dir = TemporaryDirectory()
        let missing = dir.child("nothing-here")
        let error = #expect(throws: XapianError.self) { try Database(path: missing) }
        #expect(error?.kind.isOpeningFailure == true)
        #expect(error?.context == missing)
    }

    @Test func errorKindsFollowXapiansClassTree() throws {
        typealias Kind = XapianError.Kind
        #expect(Kind.networkTimeout.parent == .network)
        #expect(Kind.networkTimeout.isKind(of: .network))
        #expect(!Kind.network.isKind(of: .networkTimeout))
        #expect(Kind.databaseNotFound.isKind(of: .databaseOpening) && Kind.databaseNotFound.isKind(of: .database))
        #expect(Kind.databaseLock.isKind(of: Kind(rawValue: "RuntimeError")))
        #expect(Kind.invalidArgument.parent == Kind(rawValue: "LogicError"))
        #expect(Kind(rawValue: "LogicError").parent == Kind(rawValue: "Error"))
        #expect(Kind(rawValue: "Error").parent == nil)
        #expect(Kind(rawValue: "NoSuchError").parent == nil && !Kind(rawValue: "NoSuchError").isKind(of: .database))
        // Every kind Swift names is in the shim's list (its chain reaches Error).
        for kind: Kind in [.invalidArgument, .database, .databaseCorrupt, .databaseLock, .databaseModified, .databaseOpening,
                           .databaseVersion, .databaseNotFound, .databaseClosed, .network, .networkTimeout, .queryParser, .wildcard] {
            #expect(kind.isKind(of: Kind(rawValue: "Error")), "\(kind)")
        }
        // A thrown subclass is caught as its parent: a version mismatch is an opening failure.
        #expect(Kind.databaseVersion.isOpeningFailure)
    }

    @Test func aSecondWriterGetsALockErrorWithThePath() throws {
        let dir = TemporaryDirectory()
        let path = dir.child("db")
        let first = try WritableDatabase(path: path)
        let error = #expect(throws: XapianError.self) { try WritableDatabase(path: path) }
        #expect(error?.kind == .databaseLock)
        #expect(error?.context == path)
        try first.close()
        _ = try WritableDatabase(path: path) // the lock is released by close
    }

    @Test func documentsRoundTripDataTermsAndValues() throws {
        let dir = TemporaryDirectory()
        let db = try WritableDatabase(path: dir.child("db"))
        let doc = try Document()
        try doc.setData("payload \u{0}with a NUL and ünïcödé")
        try doc.addTerm("alpha", wdf: 3)
        try doc.addBooleanTerm("XSIDEarmenia")
        try doc.addValue("20160402", slot: 5)
        let id = try db.add(doc)
        try db.commit()
        let back = try db.document(id)
        #expect(try back.data() == "payload \u{0}with a NUL and ünïcödé")
        #expect(try back.value(slot: 5) == "20160402")
        #expect(try back.value(slot: 6) == "")
        let terms = try back.terms()
        #expect(terms.map(\.term) == ["XSIDEarmenia", "alpha"])
        #expect(terms.first { $0.term == "alpha" }?.wdf == 3)
        #expect(back.id == id)
        #expect(throws: XapianError.self) { try db.document(999) }
    }

    @Test func replaceAndDeleteByUniqueTerm() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"), texts: ["one", "two", "three"])
        let replacement = try Document()
        try replacement.setData("deux")
        try replacement.addBooleanTerm("Q1")
        try db.replace(uniqueTerm: "Q1", with: replacement)
        try db.delete(term: "Q2")
        try db.commit()
        #expect(try db.documentCount == 2)
        #expect(try db.termFrequency("Q2") == 0)
        let enquire = try Enquire(database: db)
        try enquire.setQuery(try Query(term: "Q1"))
        let mset = try enquire.matches()
        #expect(try mset.document(0).data() == "deux")
    }

    @Test func statisticsTermsAndPrefixes() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"), texts: ["shelling near Talish", "shelled villages", "a ceasefire"])
        #expect(try db.documentCount == 3)
        #expect(try db.lastDocumentID == 3)
        #expect(try db.termFrequency("Zshell") == 2)
        #expect(try db.averageLength > 1)
        let prefixed = try db.allTerms(prefix: "Zsh")
        #expect(prefixed.map(\.term) == ["Zshell"])
        #expect(prefixed.first?.frequency == 2)
        #expect(try db.valueFrequency(slot: 0) == 0)
    }

    @Test func metadataAndSynonyms() throws {
        let dir = TemporaryDirectory()
        let db = try WritableDatabase(path: dir.child("db"))
        try db.setMetadata("A:one", "1")
        try db.setMetadata("A:two", "2")
        try db.setMetadata("B:other", "x")
        try db.addSynonym("Ztalysh", for: "talish")
        try db.commit()
        #expect(try db.metadata("A:two") == "2")
        #expect(try db.metadataKeys(prefix: "A:") == ["A:one", "A:two"])
        #expect(try db.synonyms(of: "talish") == ["Ztalysh"])
        try db.clearSynonyms(for: "talish")
        try db.setMetadata("A:one", "")
        try db.commit()
        #expect(try db.synonyms(of: "talish").isEmpty)
        #expect(try db.metadataKeys(prefix: "A:") == ["A:two"])
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        let dir = TemporaryDirectory()
        let db = try makeDatabase(at: dir.child("db"), texts: ["kept"])
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try db.transaction {
                try db.add(try Document())
                throw Abort()
            }
        }
        #expect(try db.documentCount == 1)
        try db.transaction { try db.add(try Document()) }
        #expect(try db.documentCount == 2)
    }

    @Test func readersSeeCommitsAfterReopen() throws {
        let dir = TemporaryDirectory()
        let writer = try makeDatabase(at: dir.child("db"), texts: ["first"])
        let reader = try Database(path: dir.child("db"))
        try writer.add(try Document())
        try writer.commit()
        #expect(try reader.documentCount == 1)
        #expect(try reader.reopen())
        #expect(try reader.documentCount == 2)
        try reader.close()
        let error = #expect(throws: XapianError.self) { _ = try reader.termFrequency("first") }
        #expect(error?.kind == .databaseClosed)
    }

    @Test func shardsOpenedTogetherRankLikeOneDatabase() throws {
        let dir = TemporaryDirectory()
        let texts = ["armenian forces shelling", "azeri forces", "shelling shelling near the village", "a ceasefire", "forces and shelling"]
        let single = try makeDatabase(at: dir.child("single"), texts: texts)
        _ = try makeDatabase(at: dir.child("a"), texts: Array(texts[0..<2]))
        _ = try makeDatabase(at: dir.child("b"), texts: Array(texts[2...]))
        let sharded = try Database(shards: [Database(path: dir.child("a")), Database(path: dir.child("b"))])
        #expect(try sharded.documentCount == 5)
        func ranked(_ db: Database) throws -> [(String, Double)] {
            let enquire = try Enquire(database: db)
            let parser = try QueryParser()
            try parser.setStemmer(Stem("english"))
            try enquire.setQuery(try parser.parse("shelling forces"))
            let mset = try enquire.matches(limit: 10)
            return try (0..<mset.count).map { (try mset.document($0).data(), try mset.item($0).weight) }
        }
        let one = try ranked(single), two = try ranked(sharded)
        #expect(one.map(\.0) == two.map(\.0))
        for (a, b) in zip(one, two) { #expect(abs(a.1 - b.1) < 1e-9) }
    }

    @Test func compactingTwoShardsGivesOneEquivalentDatabase() throws {
        let dir = TemporaryDirectory()
        _ = try makeDatabase(at: dir.child("a"), texts: ["talish shelling", "baku statement"])
        _ = try makeDatabase(at: dir.child("b"), texts: ["yerevan statement", "talish villagers"])
        let both = try Database(shards: [Database(path: dir.child("a")), Database(path: dir.child("b"))])
        try both.compact(to: dir.child("merged"))
        let merged = try Database(path: dir.child("merged"))
        #expect(try merged.documentCount == 4)
        #expect(try merged.termFrequency("talish") == 2)
        let enquire = try Enquire(database: merged)
        try enquire.setQuery(try Query(term: "statement"))
        let texts = try (0..<2).map { try enquire.matches().document($0).data() }
        #expect(Set(texts) == ["baku statement", "yerevan statement"])
    }
}

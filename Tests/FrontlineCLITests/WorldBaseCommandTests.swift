import EngineTestSupport
import Foundation
import FrontlineEngine
import Testing

/// `frontline index` of a corpus of another war with no gazetteer: the world base alone, said so.
@Suite struct WorldBaseCommandTests {
    @Test func aCorpusWithNoGazetteerIsTaggedWithTheWorldBaseAloneNeverKarabakhs() throws {
        let dir = TemporaryDirectory()
        dir.write("war/a.txt", """
        Russian-backed separatists in Donetsk said the republic had been shelled.

        Ukrainian officials said 11 civilians were killed in Russian shelling of Kharkiv.
        """)
        // Run from a folder with no Corpus/: the base is found through the program's checkout.
        let run = try runFrontline(["index", dir.child("war"), "--index", dir.child("index")], in: dir.path)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("world base alone") && run.err.contains("world.json"), "\(run.err)")
        let searcher = try Searcher(locations: [dir.child("index")])
        #expect(try searcher.search(SearchRequest(query: "side:ukraine")).total == 1)
        #expect(try searcher.search(SearchRequest(query: "separatists")).hits.allSatisfy { !$0.passage[.side].contains("karabakh") })
        #expect(try searcher.search(SearchRequest(query: "claimant:ukraine")).total == 1)
    }

    /// The summary and `stats` say what an index was read with, not only a warning at the start.
    @Test func anIndexOfTheBaseAloneOrWithNoLexiconSaysSoInItsSummaryAndStats() throws {
        let dir = TemporaryDirectory()
        dir.write("war/a.txt", "Ukrainian officials said 11 civilians were killed in Russian shelling of Kharkiv.")
        let run = try runFrontline(["index", dir.child("war"), "--index", dir.child("index")], in: dir.path)
        #expect(run.status == 0 && run.out.contains("tagging:  the world base") && run.out.contains("alone: no conflict gazetteer"), "\(run.out)")
        #expect(run.out.contains("figures:  the figure lexicon"), "\(run.out)")
        let stats = try runFrontline(["stats", "--index", dir.child("index")], in: dir.path)
        #expect(stats.out.contains("tagging:   the world base") && stats.out.contains("no conflict gazetteer"), "\(stats.out)")
        let json = try runFrontline(["stats", "--index", dir.child("index"), "--json"], in: dir.path)
        let readWith = (try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any])["read_with"] as? [String: Any]
        #expect(readWith?["world_base"] is String && readWith?["gazetteer"] == nil && readWith?["figures"] is String, "\(json.out)")

        // A gazetteer with no figures.json beside it: no figure lexicon, said in both.
        let gazetteer = dir.write("g/gazetteer.json", #"{"sides": [{"id": "ukraine", "names": ["Ukraine", "Ukrainian"]}, {"id": "russia", "names": ["Russia", "Russian"]}]}"#)
        let bare = try runFrontline(["index", dir.child("war"), "--index", dir.child("bare"), "--gazetteer", gazetteer], in: dir.path)
        #expect(bare.status == 0 && bare.out.contains("figures:  not read: no figure lexicon") && bare.out.contains("tagging:  the gazetteer"), "\(bare.out)\(bare.err)")
        let bareStats = try runFrontline(["stats", "--index", dir.child("bare")], in: dir.path)
        #expect(bareStats.out.contains("figures:   not read: no figure lexicon"), "\(bareStats.out)")
    }

    /// A gazetteer problem labelled "error" stops the run before anything is indexed.
    @Test func aGazetteerWithAnErrorStopsTheRunAndIndexesNothing() throws {
        let dir = TemporaryDirectory()
        dir.write("war/a.txt", "Ukrainian officials said 11 civilians were killed in Russian shelling of Kharkiv.")
        // "IS" is only a common word: an error, the entry's name dropped.
        let gazetteer = dir.write("g.json", #"{"sides": [{"id": "ukraine", "names": ["Ukraine"]}, {"id": "isis", "names": ["IS", "Islamic State"]}]}"#)
        let run = try runFrontline(["index", dir.child("war"), "--index", dir.child("index"), "--gazetteer", gazetteer], in: dir.path)
        #expect(run.status == 6, "\(run.status) \(run.out) \(run.err)")
        #expect(run.err.contains("name \"IS\"") && run.err.contains("1 error") && run.err.contains("nothing was indexed"), "\(run.err)")
        #expect(!run.out.contains("articles:"), "\(run.out)")
        let stats = try runFrontline(["stats", "--index", dir.child("index")], in: dir.path)
        #expect(stats.status != 0, "\(stats.out)")
    }
}

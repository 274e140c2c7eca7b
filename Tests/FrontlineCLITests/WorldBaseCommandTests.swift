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
}

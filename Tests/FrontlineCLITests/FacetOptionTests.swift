import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineEngine

/// Every declared facet reaches the command line: a filter option of its name, and its
/// tags in `show` and `inspect` (here the `unit` facet, from the shipped gazetteer).
@Suite struct FacetOptionTests {
    static let article = """
        ---
        title: Peacekeepers arrive
        date: 2020-11-10
        source: Test Wire
        ---
        The 15th Motor Rifle Brigade crossed into Stepanakert on Tuesday, its convoy watched by residents.
        """

    @Test func everyDeclaredFacetHasAFilterOption() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        #expect(try runFrontline(["index", Repository.corpus, "--index", index, "-q"]).status == 0)
        func total(_ filter: [String]) throws -> Int {
            let run = try runFrontline(["search", "ceasefire", "--index", index, "--json", "--no-facets"] + filter)
            #expect(run.status == 0, "\(filter): \(run.err)")
            return (try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])?["total"] as? Int ?? -1
        }
        #expect(try total([]) > 0)
        for facet in Facet.filterable {
            // An option the CLI lacks is a usage error; one it does not apply keeps every passage.
            #expect(try total(["--\(facet.rawValue)", "zz-none"]) == 0, "--\(facet.rawValue) does not filter")
        }
    }

    @Test func showAndInspectListEveryTagFacet() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.child("corpus")
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try Self.article.write(toFile: corpus + "/peacekeepers.md", atomically: true, encoding: .utf8)
        let index = dir.child("index")
        #expect(try runFrontline(["index", corpus, "--index", index, "-q", "--gazetteer", Repository.gazetteer]).status == 0)
        let shown = try runFrontline(["show", "peacekeepers.md#0", "--index", index, "--no-color"])
        #expect(shown.out.contains("places: Stepanakert · units: 15th Motor Rifle Brigade"), "\(shown.out)")
        let json = try runFrontline(["show", "peacekeepers.md#0", "--index", index, "--json"])
        #expect(json.out.contains("\"units\" : [\n        \"15th-brigade\"\n      ]"), "\(json.out)")
        let inspected = try runFrontline(["inspect", corpus + "/peacekeepers.md", "--gazetteer", Repository.gazetteer, "--no-color"])
        #expect(inspected.out.contains("places: stepanakert · units: 15th-brigade"), "\(inspected.out)")
        let searched = try runFrontline(["search", "convoy", "--unit", "15th Brigade", "--index", index, "--no-color"])
        #expect(searched.out.contains("unit     15th Motor Rifle Brigade 1"), "\(searched.out)")
    }
}

import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineEngine

/// Every declared facet reaches the command line: a filter option of its name.
@Suite struct FacetOptionTests {
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
}

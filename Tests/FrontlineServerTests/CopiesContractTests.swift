import EngineTestSupport
import Foundation
import FrontlineEngine
@testable import FrontlineServer
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Syndicated copies on every face: the API answers what `frontline search --json` prints
/// with copies folded and with `copies=all` (`--all-copies`), and the page says how many
/// copies a hit stands for, linking to them.
@Suite struct CopiesContractTests {
    static let phrase = "\"made a mockery of the truce deal brokered by Moscow\""

    @Test func copiesFoldAlikeInTheCommandLineTheAPIAndThePage() async throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        dir.write("corpus/" + SyndicatedCopy.copyID, try SyndicatedCopy.text())
        let index = dir.child("index")
        try buildIndex([corpus], into: index)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = Application(router: try FrontlineServer(options: .init(locations: [index])).router(logger: logger))
        let query = "q=%22made+a+mockery+of+the+truce+deal+brokered+by+Moscow%22"
        try await app.test(.router) { client in
            for (arguments, parameters, hits) in [([String](), "", 1), (["--all-copies"], "&copies=all", 2), (["--per-article"], "&per_article=1", 1)] {
                let cli = try runFrontline(["search", Self.phrase] + arguments + ["--index", index, "--json"])
                #expect(cli.status == 0, "\(cli.err)")
                let expected = try JSONSerialization.jsonObject(with: Data(cli.out.utf8)) as? NSDictionary
                #expect((expected?["hits"] as? [NSDictionary])?.count == hits, "\(arguments)")
                #expect((expected?["hits"] as? [NSDictionary])?.allSatisfy { $0["story"] as? String == SyndicatedCopy.originalID && $0["copies"] as? Int == 1 } == true)
                try await client.execute(uri: "/api/search?" + query + parameters, method: .get) { response in
                    let actual = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? NSDictionary
                    #expect(actual != nil && actual == expected, "\(parameters)")
                }
            }
            try await client.execute(uri: "/?" + query, method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(">+1 copy in other outlets</a>"))
                #expect(page.contains("copies=all"))
            }
            try await client.execute(uri: "/api/search?" + query + "&copies=some", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
        let text = try runFrontline(["search", Self.phrase, "--index", index, "--no-color"])
        #expect(text.out.contains("+1 copy in other outlets"), "\(text.out)")
    }
}

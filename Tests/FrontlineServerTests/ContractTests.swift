import EngineTestSupport
import Foundation
import FrontlineEngine
@testable import FrontlineServer
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// One contract: `/api/search` answers exactly what `frontline search --json` prints for
/// the same parameters, and a served index shows new revisions without a restart.
@Suite struct ContractTests {
    /// CLI arguments and the same search as API parameters.
    static let cases: [([String], String)] = [
        (["casualties near Talish"], "q=casualties+near+Talish"),
        (["ceasefire"], "q=ceasefire"),
        (["ceasefire", "--per-article"], "q=ceasefire&per_article=1"),
        (["ceasefire", "--side", "Azeri", "--from", "2020-10"], "q=ceasefire&side=Azeri&from=2020-10"),
        (["ceasefire", "--claimant", "Kremlin"], "q=ceasefire&claimant=Kremlin"),
        (["casualties", "--claimant", "armenia", "--claimant", "azerbaijan"], "q=casualties&claimant=armenia&claimant=azerbaijan"),
        (["Talysh"], "q=Talysh"),
        (["Stepanakret"], "q=Stepanakret"),
        (["\"defence ministry\""], "q=%22defence+ministry%22"),
        (["drone*"], "q=drone*"),
        (["Putin OR Lavrov"], "q=Putin+OR+Lavrov"),
        (["ceasefire -Russia"], "q=ceasefire+-Russia"),
        (["side:karabakh"], "q=side%3Akarabakh"),
        (["", "--side", "armenia"], "side=armenia"),
        (["helicopter", "--sort", "date"], "q=helicopter&sort=date"),
        (["helicopter", "--sort", "-date"], "q=helicopter&sort=-date"),
        (["killed", "--limit", "3", "--offset", "2"], "q=killed&limit=3&offset=2"),
        (["killed", "--date-bucket", "year"], "q=killed&date_bucket=year"),
        (["killed", "--no-facets"], "q=killed&facets=0"),
        (["ceasefire", "--source", "The Moscow Times"], "q=ceasefire&source=The+Moscow+Times"),
        (["ceasefire", "--actor", "putn"], "q=ceasefire&actor=putn"),
        (["attack", "--place", "Talish", "--to", "2016"], "q=attack&place=Talish&to=2016"),
        (["mercenaries", "--per-article", "--sort", "-date"], "q=mercenaries&per_article=1&sort=-date"),
        (["killed", "--figure", "killed"], "q=killed&figure=killed"),
        (["", "--figure", "equipment", "--figure", "attacks"], "figure=equipment&figure=attacks"),
        (["figure:wounded children"], "q=figure%3Awounded+children"),
    ]

    /// `frontline figures` arguments and the same request to `/api/figures`.
    static let figureCases: [([String], String)] = [
        ([], ""),
        (["--category", "equipment"], "category=equipment"),
        (["--disputed"], "disputed=1"),
        (["Azeri", "--side", "azerbaijan"], "q=Azeri&side=azerbaijan"),
        (["casualties", "--claimant", "armenia", "--category", "killed"], "q=casualties&claimant=armenia&category=killed"),
    ]

    static let index: String? = {
        let path = ProcessLifetime.folder("contract-index") + "/index"
        let built = try? runFrontline(["index", Repository.corpus, "--index", path, "--gazetteer", Repository.gazetteer, "-q"])
        return built?.status == 0 ? path : nil
    }()

    @Test func theAPIAnswersWhatTheCommandLinePrints() async throws {
        try await expectSameAnswers(command: "search", path: "/api/search", cases: Self.cases)
    }

    @Test func theFiguresAPIAnswersWhatTheCommandLinePrints() async throws {
        try await expectSameAnswers(command: "figures", path: "/api/figures", cases: Self.figureCases) { json, arguments in
            #expect(((json?["figures"] as? [Any])?.count ?? 0) > 0, "\(arguments) finds figures")
        }
    }

    /// For each case, `frontline COMMAND ARGUMENTS --json` and `PATH?PARAMETERS` give the same JSON.
    private func expectSameAnswers(command: String, path: String, cases: [([String], String)],
                                   check: @escaping @Sendable (NSDictionary?, [String]) -> Void = { _, _ in }) async throws {
        let index = try #require(Self.index, "the shipped corpus could not be indexed")
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = Application(router: try FrontlineServer(options: .init(locations: [index])).router(logger: logger))
        try await app.test(.router) { client in
            for (arguments, parameters) in cases {
                let cli = try runFrontline([command] + arguments + ["--index", index, "--json"])
                #expect(cli.status == 0, "\(arguments): \(cli.err)")
                let expected = try JSONSerialization.jsonObject(with: Data(cli.out.utf8)) as? NSDictionary
                check(expected, arguments)
                try await client.execute(uri: path + "?" + parameters, method: .get) { response in
                    #expect(response.status == .ok, "\(parameters)")
                    let actual = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? NSDictionary
                    #expect(actual != nil && actual == expected, "\(parameters)")
                }
            }
        }
    }

    @Test func aServedIndexShowsANewRevisionWithoutARestart() async throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        try buildIndex([corpus], into: dir.child("index"))
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = Application(router: try FrontlineServer(options: .init(locations: [dir.child("index")])).router(logger: logger))
        try await app.test(.router) { client in
            let before = try await client.execute(uri: "/api/search?q=xylophones&limit=0", method: .get) { try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any] }
            dir.write("corpus/new.txt", "Armenia said shelling hit a depot of xylophones overnight.")
            try buildIndex([corpus], into: dir.child("index"))
            let after = try await client.execute(uri: "/api/search?q=xylophones&limit=0", method: .get) { try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any] }
            #expect(before?["total"] as? Int == 0)
            #expect(after?["total"] as? Int == 1)
        }
    }
}

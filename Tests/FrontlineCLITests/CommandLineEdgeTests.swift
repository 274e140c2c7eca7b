import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineEngine

/// The edges of the command line: what a user types by mistake or on purpose gets an
/// answer, a clear message and the documented status, never a crash or a wrong count.
@Suite struct CommandLineEdgeTests {
    /// One index of the shipped corpus for the whole suite (read-only use), removed at exit.
    static let sharedIndex: String? = {
        let index = ProcessLifetime.folder("cli-edges") + "/index"
        let built = try? runFrontline(["index", Repository.corpus, "--index", index, "--gazetteer", Repository.gazetteer, "-q"])
        return built?.status == 0 ? index : nil
    }()

    let index: String

    init() throws {
        index = try #require(Self.sharedIndex, "the shipped corpus could not be indexed")
    }

    private func search(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try runFrontline(["search"] + arguments + ["--index", index])
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try search(arguments + ["--json"])
        #expect(run.status == 0, "\(arguments): \(run.err)")
        return (try? JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]) ?? [:]
    }

    @Test func exclusionsAfterTheFirstWordArePartOfTheQuery() throws {
        let all = try json(["ceasefire"])["total"] as? Int ?? 0
        let without = try json(["ceasefire", "-Russia"])
        #expect(without["query"] as? String == "ceasefire -Russia")
        let total = without["total"] as? Int ?? 0
        #expect(total > 0 && total < all)
        let hits = without["hits"] as? [[String: Any]] ?? []
        #expect(hits.allSatisfy { !($0["text"] as? String ?? "").contains("Russia") })
        let help = try search(["ceasefire", "-Talish"]) // "-h" inside: once printed the help
        #expect(help.status == 0 && !help.out.contains("USAGE"))
        // A quoted query starting with an exclusion, and one after options.
        #expect(try json(["-russia ceasefire"])["total"] as? Int ?? 0 > 0)
        #expect(try json(["ceasefire", "--limit", "1", "-russia"])["query"] as? String == "ceasefire -russia")
        // --sort takes -date as its value, not as a query word.
        #expect(try json(["ceasefire", "--sort", "-date"])["query"] as? String == "ceasefire")
        let asked = try search(["ceasefire", "-h"])
        #expect(asked.status == 0 && asked.out.contains("USAGE"))
    }

    @Test(arguments: [
        ["search", "x", "--offset", "9223372036854775800"], ["search", "x", "--limit", "-1"], ["search", "x", "--limit", "99999999999999999999"],
        ["show", "000_a6506743cf02c8fe.txt#-9223372036854775807", "--context", "5"], ["show", "000_a6506743cf02c8fe.txt#1", "--context", "-5"],
        ["show", "000_a6506743cf02c8fe.txt#1", "--context", "9223372036854775807"], ["compare", "x", "--limit", "-3"],
        ["search", "x", "--from", "2020-13-45"], ["search", "x", "--to", "yesterday"], ["search", "x", "--index", "tcp://host"],
        ["search", "x", "--index", "tcp://127.0.0.1:99999"], ["index", "--jobs", "-1"], ["index", "--batch", "0"],
    ])
    func badNumbersAndAddressesAreUsageErrors(_ arguments: [String]) throws {
        let hasIndex = arguments.contains("--index") || arguments.first == "index"
        let run = try runFrontline(arguments + (hasIndex ? [] : ["--index", index]))
        #expect(run.status == 64, "\(arguments): status \(run.status) \(run.err)")
        #expect(!run.err.contains("Missing value") && !run.err.contains("query error") && !run.err.contains("Fatal"), "\(run.err)")
    }

    @Test func datesSayWhatIsWrongWithThem() throws {
        let run = try search(["x", "--from", "2020-13-45"])
        #expect(run.err.contains("--from") && run.err.contains("2016-04-01"), "\(run.err)")
        #expect(!run.err.contains("date:"), "option errors do not give query-syntax advice")
    }

    @Test func showNamesThePassageRange() throws {
        for passage in ["#999", "#28"] {
            let run = try runFrontline(["show", "000_a6506743cf02c8fe.txt" + passage, "--index", index])
            #expect(run.status == 9, "\(passage): \(run.err)")
            #expect(run.err.contains("#0–#27"), "\(run.err)")
        }
        let unknown = try runFrontline(["show", "nothing-here.txt", "--index", index])
        #expect(unknown.status == 9 && unknown.err.contains("nothing-here.txt"))
        #expect(try runFrontline(["show", "000_a6506743cf02c8fe.txt#27", "--index", index]).status == 0)
    }

    @Test func unknownFilterValuesGetTheSameNoticeAsInTheQuery() throws {
        for (field, value, closest) in [("side", "armenai", "armenia"), ("claimant", "atlantis", ""), ("actor", "Putn", "putin"), ("place", "Talysch", "talish")] {
            let filtered = try json(["ceasefire", "--\(field)", value])
            let inQuery = try json(["ceasefire \(field):\(value)"])
            let notices = filtered["notices"] as? [String] ?? []
            #expect(notices.count == 1 && notices == inQuery["notices"] as? [String], "\(field): \(notices) vs \(String(describing: inQuery["notices"]))")
            #expect(closest.isEmpty || notices.first?.contains("did you mean") == true && notices.first?.contains(closest) == true, "\(field): \(notices)")
        }
    }

    @Test func anIndexGivenTwiceIsSearchedOnce() throws {
        let once = try json(["ceasefire"])
        let twice = try json(["ceasefire", "--index", index, "--index", index + "/"])
        #expect(once["total"] as? Int == twice["total"] as? Int)
        #expect((once["facets"] as? [String: Any]).map { NSDictionary(dictionary: $0) } == (twice["facets"] as? [String: Any]).map { NSDictionary(dictionary: $0) })
    }

    @Test func countsAreExactAndInTheRightNumber() throws {
        let all = try json(["ceasefire"])["total"] as? Int ?? 0
        let page = try search(["ceasefire", "--no-facets", "--limit", String(all)])
        #expect(page.out.hasPrefix("\(all) passages match (showing 1–\(all))"), "\(page.out.prefix(80))")
        let one = try search(["\"defence ministry has said 31\""])
        #expect(one.out.hasPrefix("1 passage matches"), "\(one.out.prefix(80))")
        #expect(one.out.contains("Facets (the one match)"))
        #expect(!one.out.contains("1 passages") && !one.out.contains("all 1 matches"))
    }

    @Test func noSubcommandIsAUsageError() throws {
        let run = try runFrontline([])
        #expect(run.status == 64)
        #expect(run.err.contains("SUBCOMMANDS"))
    }

    @Test func aCorruptShardSaysSoBrieflyAndHowToRepair() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        #expect(try runFrontline(["index", Repository.corpus, "--index", index, "--gazetteer", Repository.gazetteer, "-q"]).status == 0)
        let shard = index + "/shard-0"
        for table in try FileManager.default.contentsOfDirectory(atPath: shard) where table.hasSuffix(".glass") {
            let size = (try FileManager.default.attributesOfItem(atPath: shard + "/" + table)[.size] as? Int) ?? 0
            var garbage = [UInt8](repeating: 0, count: size)
            for i in garbage.indices { garbage[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7) }
            FileManager.default.createFile(atPath: shard + "/" + table, contents: Data(garbage))
        }
        let corrupt = try runFrontline(["search", "ceasefire", "--index", index])
        #expect([4, 7].contains(corrupt.status), "status \(corrupt.status): \(corrupt.err)")
        #expect(corrupt.err.utf8.count < 400, "a short message: \(corrupt.err.utf8.count) bytes")
        #expect(corrupt.err.contains("--rebuild"), "\(corrupt.err)")
    }
}

import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineEngine

/// The `frontline` executable as a user meets it: exit statuses, messages, the JSON contract.
@Suite struct CommandLineTests {
    @Test func indexThenSearchJSONFollowsTheContract() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        let built = try runFrontline(["index", Repository.corpus, "--index", index, "--json"])
        #expect(built.status == 0, "\(built.err)")
        let summary = try JSONSerialization.jsonObject(with: Data(built.out.utf8)) as! [String: Any]
        #expect(summary["articles_added"] as? Int == 5)

        let searched = try runFrontline(["search", "casualties", "near", "Talish", "--index", index, "--json", "--limit", "3"])
        #expect(searched.status == 0, "\(searched.err)")
        let result = try JSONSerialization.jsonObject(with: Data(searched.out.utf8)) as! [String: Any]
        #expect(result["query"] as? String == "casualties near Talish")
        #expect((result["total"] as? Int ?? 0) > 3)
        #expect(result.keys.contains("corrected") && result["corrected"] is NSNull)
        let hits = result["hits"] as! [[String: Any]]
        #expect(hits.count == 3)
        let hit = hits[0]
        for key in ["rank", "score", "article", "passage", "kind", "text", "snippet", "sides", "claimants", "actors", "places"] {
            #expect(hit[key] != nil, "hit has no \(key)")
        }
        let article = hit["article"] as! [String: Any]
        #expect(Set(article.keys).isSuperset(of: ["id", "title", "date", "source", "url"]))
        #expect(!(hit["text"] as! String).contains("**"))
        #expect((hit["snippet"] as! String).contains("**"))
        #expect(!(hit["text"] as! String).contains("\u{1B}"))
        let facets = result["facets"] as! [String: [[String: Any]]]
        #expect(Set(facets.keys) == ["side", "claimant", "actor", "place", "source", "figure", "language", "date"])
        #expect(hit["language"] as? String == "en")
        let side = facets["side"]!.first!
        #expect(side["value"] is String && side["label"] is String && side["count"] is Int)
        #expect(facets["date"]!.allSatisfy { ($0["value"] as! String).count == 7 }) // month buckets by default
    }

    @Test func exitStatusesAreDistinctAndMessagesSayWhatToDo() throws {
        let dir = TemporaryDirectory()
        let missing = try runFrontline(["search", "Talish", "--index", dir.child("none")])
        #expect(missing.status == 4)
        #expect(missing.err.contains("frontline index"))
        #expect(!missing.err.contains("Fatal error"))

        let index = dir.child("index")
        #expect(try runFrontline(["index", Repository.corpus, "--index", index, "-q"]).status == 0)
        let syntax = try runFrontline(["search", "shelling AND", "--index", index])
        #expect(syntax.status == 5)
        #expect(syntax.err.contains("query error"))
        let dates = try runFrontline(["search", "x", "--from", "2016-02-30", "--index", index])
        #expect(dates.status == 64)
        let usage = try runFrontline(["search", "--index", index])
        #expect(usage.status == 64)

        let lock = try IndexLock(path: IndexLayout(folder: index).lockPath)
        let locked = try runFrontline(["index", Repository.corpus, "--index", index])
        #expect(locked.status == 3)
        #expect(locked.err.contains(".lock"))
        withExtendedLifetime(lock) {}

        dir.write("bad/good.txt", "Armenia said the village of Talish was shelled.")
        dir.write("bad/binary.txt", bytes: [0x41, 0x00, 0x42])
        let rejected = try runFrontline(["index", dir.child("bad"), "--index", dir.child("index2"), "--gazetteer", Repository.gazetteer])
        #expect(rejected.status == 1)
        #expect(rejected.err.contains("binary.txt:1: error:"))

        let badGazetteer = dir.write("g.json", "{\"sides\": []}")
        #expect(try runFrontline(["index", Repository.corpus, "--index", dir.child("index3"), "--gazetteer", badGazetteer]).status == 6)
        #expect(try runFrontline(["search", "x", "--index", "tcp://127.0.0.1:1"]).status == 8)
    }

    @Test func aShardThatCannotBeReachedFailsTheSearchNamingItOrIsLeftOutWithAllowPartial() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        #expect(try runFrontline(["index", Repository.corpus, "--index", index, "-q"]).status == 0)
        let gone = "tcp://127.0.0.1:1"
        let failed = try runFrontline(["search", "Talysh", "--index", index, "--index", gone])
        #expect(failed.status == 8)
        #expect(failed.err.contains("shard \(gone)") && failed.err.contains("--allow-partial"), "\(failed.err)")
        let partial = try runFrontline(["search", "Talysh", "--index", index, "--index", gone, "--allow-partial", "--no-color"])
        #expect(partial.status == 0)
        #expect(partial.out.contains("note: shard \(gone) (50% of the index) cannot be reached"), "\(partial.out)")
        let json = try runFrontline(["search", "Talysh", "--index", index, "--index", gone, "--allow-partial", "--json"])
        let body = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let missing = body?["missing_shards"] as? [[String: Any]]
        #expect(missing?.first?["location"] as? String == gone && missing?.first?["share"] as? Double == 0.5, "\(json.out)")
        // Replicas: a dead copy beside a live one is not seen at all.
        let replica = try runFrontline(["search", "Talysh", "--index", "\(gone)|\(index)", "--json"])
        #expect(replica.status == 0 && !replica.out.contains("missing_shards"), "\(replica.err)")
    }

    @Test func showStatsAndCompare() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        #expect(try runFrontline(["index", Repository.corpus, "--index", index, "-q"]).status == 0)
        let show = try runFrontline(["show", "002_88958093e7319f4a.txt#7", "--index", index, "--no-color"])
        #expect(show.status == 0)
        #expect(show.out.contains("▶ #7 body"))
        #expect(show.out.contains("Azerbaijan accuse Armenia"))
        let stats = try runFrontline(["stats", "--index", index, "--json"])
        let numbers = try JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as! [String: Any]
        #expect(numbers["articles"] as? Int == 5)
        #expect(numbers["passages"] as? Int == 120)
        let compare = try runFrontline(["compare", "casualties", "--by", "claimant", "--index", index, "--json"])
        #expect(compare.status == 0)
        let groups = (try JSONSerialization.jsonObject(with: Data(compare.out.utf8)) as! [String: Any])["groups"] as! [[String: Any]]
        let values = groups.map { $0["value"] as! String }
        #expect(Array(values.prefix(3)).sorted() == ["armenia", "azerbaijan", "karabakh"])
        for group in groups {
            let hits = group["hits"] as! [[String: Any]]
            #expect(hits.allSatisfy { ($0["claimants"] as! [String]).contains(group["value"] as! String) })
        }
    }

    @Test func statsSaysHowManyMoreValuesThereAre() throws {
        let dir = TemporaryDirectory()
        for month in 0..<30 {
            dir.write("corpus/\(month).txt", "---\ndate: \(2018 + month / 12)-\(String(format: "%02d", 1 + month % 12))-01\n---\nArmenia said the line held.\n")
        }
        let index = dir.child("index")
        #expect(try runFrontline(["index", dir.child("corpus"), "--index", index, "--gazetteer", Repository.gazetteer, "-q"]).status == 0)
        let stats = try runFrontline(["stats", "--index", index])
        #expect(stats.out.contains("+6 more"), "30 months, 24 shown: \(stats.out)")
    }

    @Test func everyCommandSpeaksTheSameJSONVocabulary() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        #expect(try runFrontline(["index", Repository.corpus, "--index", index, "-q", "--gazetteer", Repository.gazetteer]).status == 0)
        func object(_ arguments: [String]) throws -> [String: Any] {
            let run = try runFrontline(arguments + ["--index", index, "--json"])
            #expect(run.status == 0, "\(arguments): \(run.err)")
            return try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any] ?? [:]
        }
        let passageKeys: Set<String> = ["article", "passage", "kind", "language", "text", "sides", "claimants", "actors", "places", "event_dates", "figures"]
        let hit = ((try object(["search", "casualties"]))["hits"] as? [[String: Any]])?.first ?? [:]
        #expect(Set(hit.keys) == passageKeys.union(["rank", "score", "snippet", "other_passages"]))
        let shown = try object(["show", "002_88958093e7319f4a.txt#7", "--context", "1"])
        #expect(Set(shown.keys) == ["article", "marked", "passages"])
        #expect(shown["marked"] as? Int == 7)
        let passages = shown["passages"] as? [[String: Any]] ?? []
        #expect(passages.count == 3 && passages.allSatisfy { Set($0.keys) == passageKeys }, "no storage keys such as \"x\" or \"cl\"")
        #expect(Set((shown["article"] as? [String: Any] ?? [:]).keys) == ["id", "title", "date", "source", "url"])
        let compared = try object(["compare", "casualties"])
        #expect(Set(compared.keys) == ["query", "by", "total", "corrected", "notices", "groups"])
        let group = (compared["groups"] as? [[String: Any]])?.first ?? [:]
        #expect(Set(group.keys) == ["value", "label", "count", "hits"])
        #expect(((group["hits"] as? [[String: Any]])?.first).map { Set($0.keys) == Set(hit.keys) } == true)
        let stats = try object(["stats"])
        #expect(Set(stats.keys) == ["schema", "articles", "passages", "terms", "average_passage_length", "index_bytes", "facets", "read_with"])
        #expect(Set((stats["facets"] as? [String: Any] ?? [:]).keys) == ["side", "claimant", "actor", "place", "source", "figure", "language", "date"])
    }

    @Test func figuresListWhoClaimsWhatAndWhereTheyDisagree() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        #expect(try runFrontline(["index", Repository.corpus, "--index", index, "-q", "--gazetteer", Repository.gazetteer]).status == 0)
        let run = try runFrontline(["figures", "--index", index, "--json"])
        #expect(run.status == 0, "\(run.err)")
        let ledger = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any] ?? [:]
        let figures = ledger["figures"] as? [[String: Any]] ?? []
        let keys = Set((figures.first ?? [:]).keys)
        #expect(keys.isSuperset(of: ["article", "passage", "date", "claimants", "category", "count", "text"]), "\(keys)")
        // "Azerbaijan's Defence Ministry has said 31 of its soldiers have been killed"
        #expect(figures.contains { ($0["text"] as? String) == "31 of its soldiers" && $0["side"] as? String == "azerbaijan" && $0["category"] as? String == "killed" })
        // Azerbaijan's 31 dead since Saturday against Karabakh's 200 eliminated overall, 1–2 April
        // 2016: one dispute of running totals (its 12 of Saturday is one day's, not set against them).
        let disputed = ledger["disputed"] as? [[String: Any]] ?? []
        #expect(disputed.contains { group in
            let values = (group["figures"] as? [[String: Any]] ?? []).compactMap { ($0["count"] as? [String: Any])?["value"] as? Int }
            return group["side"] as? String == "azerbaijan" && Set(values) == [31, 200]
        }, "\(disputed)")
        let text = try runFrontline(["figures", "--index", index, "--disputed"])
        #expect(text.out.contains("Azerbaijan losses, killed"), "\(text.out)")
        // `show` lists a passage's figures; `search --figure` keeps the passages with one.
        let show = try runFrontline(["show", "000_a6506743cf02c8fe.txt#1", "--index", index])
        #expect(show.out.contains("figure: 31 killed soldiers · whose: Azerbaijan · claimed by Azerbaijan"), "\(show.out)")
        let equipment = try runFrontline(["search", "Azerbaijan", "--figure", "equipment", "--index", index, "--json", "--limit", "100"])
        let hits = (try JSONSerialization.jsonObject(with: Data(equipment.out.utf8)) as? [String: Any])?["hits"] as? [[String: Any]] ?? []
        #expect(!hits.isEmpty && hits.allSatisfy { hit in
            (hit["figures"] as? [[String: Any]] ?? []).contains { $0["category"] as? String == "equipment" }
        }, "\(equipment.out.prefix(500))")
        #expect(try runFrontline(["figures", "--index", index, "--category", "kiled"]).status == 64)
    }

    /// Help prose is written over short source lines; on screen each paragraph is filled
    /// to the width, not broken where the source line ended.
    @Test(arguments: ["index", "search", "compare", "figures", "inspect", "serve"])
    func helpParagraphsAreFilledNotBrokenAtSourceLines(_ command: String) throws {
        let help = try runFrontline([command, "--help"]).out
        let prose = help.components(separatedBy: "Exit status:")[0].components(separatedBy: "\n\n").dropFirst() // after OVERVIEW
        for paragraph in prose {
            let lines = paragraph.split(separator: "\n").filter { !$0.hasPrefix(" ") }
            for line in lines.dropLast() where !line.hasSuffix(":") {
                #expect(line.count >= 50, "\(command): a short line inside a paragraph: \"\(line)\"")
            }
        }
    }

    @Test func aBrokenFigureLexiconStopsTheRunAndNamesTheFile() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        let broken = dir.child("figures.json")
        try #"{"categories": {"killed": ["killed"]}}"#.write(toFile: broken, atomically: true, encoding: .utf8)
        let run = try runFrontline(["index", Repository.corpus, "--index", index, "-q", "--gazetteer", Repository.gazetteer, "--figures", broken])
        #expect(run.status == 6, "\(run.err)")
        #expect(run.err.contains(broken) && run.err.contains("\"items\" is missing"), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: index + "/XAPIANDB") && !FileManager.default.fileExists(atPath: index + "/shard-0"))
        // Not JSON: the line; a category the engine does not know: its name.
        try "{\n  \"categories\": {\n    \"killed\": [\"a\" \"b\"]\n  }\n}\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let syntax = try runFrontline(["index", Repository.corpus, "--index", index, "-q", "--figures", broken])
        #expect(syntax.status == 6 && syntax.err.contains("line 3: it is not valid JSON"), "\(syntax.err)")
        var lexicon = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repository.figureLexicon))) as! [String: Any]
        var categories = lexicon["categories"] as! [String: Any]
        categories["deaths"] = ["perished"]
        lexicon["categories"] = categories
        try JSONSerialization.data(withJSONObject: lexicon).write(to: URL(fileURLWithPath: broken))
        let unknown = try runFrontline(["index", Repository.corpus, "--index", index, "-q", "--figures", broken])
        #expect(unknown.status == 6 && unknown.err.contains("the category \"deaths\" is not one of"), "\(unknown.err)")
    }
}

/// `frontline inspect --text`: the indexed text of each input, printed or written per page.
@Suite struct InspectTextTests {
    @Test func theIndexedTextIsPrintedAndWrittenOnePagePerFile() throws {
        let dir = TemporaryDirectory()
        dir.write("pages/a.html", "<html><body><nav><a href='/'>Home</a></nav><p>Officials said the shelling of the town went on through the night.</p><p>The ministry confirmed it on Sunday, and residents took shelter.</p></body></html>")
        dir.write("pages/b.txt", "Armenia said it held the line.\n")
        let printed = try runFrontline(["inspect", "--text", dir.child("pages"), "--gazetteer", Repository.gazetteer, "--no-color"])
        #expect(printed.status == 0, "\(printed.err)")
        #expect(printed.out == "a.html\nOfficials said the shelling of the town went on through the night.\n\nThe ministry confirmed it on Sunday, and residents took shelter.\n\nb.txt\nArmenia said it held the line.\n\n")
        let written = try runFrontline(["inspect", "--text", dir.child("pages"), "--out", dir.child("out"), "--gazetteer", Repository.gazetteer])
        #expect(written.status == 0, "\(written.err)")
        #expect(try String(contentsOfFile: dir.child("out/a.txt"), encoding: .utf8) == "Officials said the shelling of the town went on through the night.\n\nThe ministry confirmed it on Sunday, and residents took shelter.\n")
        #expect(try String(contentsOfFile: dir.child("out/b.txt"), encoding: .utf8) == "Armenia said it held the line.\n")
        let misuse = try runFrontline(["inspect", dir.child("pages"), "--out", dir.child("out")])
        #expect(misuse.status != 0 && misuse.err.contains("--out is only used with --text"), "\(misuse.err)")
    }
}

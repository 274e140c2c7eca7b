import EngineTestSupport
import Foundation
import FrontlineCorpus
import Testing

/// `frontline gazetteer check` and `draft`: the tools for writing a new conflict's gazetteer.
@Suite struct GazetteerCommandTests {
    static let fakes = Repository.root + "/Tests/judged/fakes-dev.jsonl"
    static let syria = Repository.root + "/Tests/judged/syria-gazetteer.json"

    @Test func theShippedGazetteerIsValid() throws {
        let run = try runFrontline(["gazetteer", "check", Repository.gazetteer])
        #expect(run.status == 0, "\(run.out)\(run.err)")
        #expect(run.out.contains("valid (0 errors, 0 warnings"), "\(run.out)")
    }

    @Test func aBrokenFileNamesTheJSONPathOfEachProblemAndFails() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("war.json", """
        {"conflict": "test", "sides": [{"id": "north", "names": ["Northland"]}, {"id": 7, "names": ["Southland"]}],
         "third-parties": [], "actors": [{"id": "kim", "names": ["Kim"]}],
         "places": [{"id": "port", "names": ["Port \\u001b]0;pwned\\u0007"], "\\u001b[2Jcolour": 1}]}
        """)
        // Run from a folder with no Corpus/: the schema is found through the program's checkout.
        let run = try runFrontline(["gazetteer", "check", file], in: dir.path)
        #expect(run.status == 6, "\(run.out)\(run.err)")
        #expect(run.out.contains("error: $.sides[1].id must be text, not a number"), "\(run.out)")
        #expect(run.out.contains("error: $[\"third-parties\"] is not a field of this object"), "\(run.out)")
        #expect(run.out.contains("error: $.actors[0] lacks \"affiliation\""), "\(run.out)")
        #expect(run.out.contains("not valid (") && !run.out.contains("\u{1B}") && !run.out.contains("\u{07}"), "\(run.out)")

        let json = try runFrontline(["gazetteer", "check", file, "--json"], in: dir.path)
        #expect(json.status == 6)
        let report = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let paths = (report["problems"] as! [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(paths.contains("$.sides[1].id") && paths.contains("$.actors[0]"), "\(paths)")
        #expect(report["errors"] as? Int ?? 0 >= 3)
    }

    @Test func coverageOnACorpusGivesSharesAndUnknownNames() throws {
        let text = try runFrontline(["gazetteer", "check", Self.syria, Self.fakes])
        // The Syria file is valid (its names "IS" and "WHO", only common words, were errors: removed).
        #expect(text.status == 0 && text.out.contains("valid (0 errors"), "\(text.out)\(text.err)")
        #expect(text.out.contains("Coverage of 48 articles"), "\(text.out)")
        #expect(text.out.contains("with a side") && text.out.contains("with a claimant") && text.out.contains("%"), "\(text.out)")
        #expect(text.out.contains("Unknown speakers (top"), "\(text.out)")

        let json = try runFrontline(["gazetteer", "check", Self.syria, Self.fakes, "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let coverage = report["coverage"] as! [String: Any]
        let passages = coverage["passages"] as! Int, withSide = coverage["withSide"] as! Int, withClaimant = coverage["withClaimant"] as! Int
        #expect(passages > 100 && withSide > passages / 2 && withClaimant > 0 && withClaimant < passages, "\(coverage)")
        #expect(abs((coverage["sideShare"] as! Double) - Double(withSide) / Double(passages)) < 1e-9)
        let unknown = coverage["unknown"] as! [String: [[String: Any]]]
        let names = unknown["names"]!.map { $0["text"] as! String }
        // Known to the gazetteer or the base: not listed. Unknown: listed, with counts.
        #expect(!names.contains("Aleppo") && !names.contains("Russia") && names.contains("Manbij"), "\(names)")
        #expect(unknown["places"]!.contains { $0["text"] as? String == "Manbij" && ($0["count"] as? Int ?? 0) >= 2 }, "\(unknown["places"]!)")
        // "…, Reuters said" is a speaker; "a source told Sputnik" is not.
        let speakers = unknown["speakers"]!.map { $0["text"] as! String }
        #expect(speakers.contains("Reuters") && !speakers.contains("Sputnik"), "\(speakers)")
        // The file's "syria" is the government, so the base's Syria, and its "Syrian", are left out: unknown.
        #expect(unknown["demonyms"]!.contains { $0["text"] as? String == "Syrian" } && names.contains("Syria"), "\(unknown["demonyms"]!)")
        #expect(unknown.values.allSatisfy { $0.count <= 20 })
    }

    @Test func aDraftLoadsAsAGazetteerAndPassesTheCheck() throws {
        let dir = TemporaryDirectory()
        let out = dir.child("draft.json")
        let run = try runFrontline(["gazetteer", "draft", Self.fakes, "--out", out])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("sides syria, russia (guessed)"), "\(run.err)")
        let (gazetteer, diagnostics) = try Gazetteer.load(path: out)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(gazetteer.sides.map(\.id) == ["syria", "russia"] && gazetteer.sides.allSatisfy { $0.label.contains("guessed side") })
        #expect(gazetteer.actors.count > 5 && gazetteer.actors.allSatisfy { $0.affiliation == GazetteerDraft.unassigned })
        #expect(gazetteer.places.contains { $0.names == ["Manbij"] }, "\(gazetteer.places.map(\.names))")
        let check = try runFrontline(["gazetteer", "check", out, Self.fakes])
        #expect(check.status == 0 && check.out.contains("valid (0 errors"), "\(check.out)\(check.err)")

        let printed = try runFrontline(["gazetteer", "draft", Self.fakes])
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(printed.status == 0 && printed.out == written)
    }

    @Test func articleBytesInCandidatesNeverReachTheTerminalAsControlSequences() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.write("war.jsonl", """
        {"id": "a", "title": "Shelling", "date": "2022-03-01", "text": "Five people were killed in Zorivka\\u001b]0;pwned\\u0007 on Monday, said Ivan\\u009b31m Petrenko.\\n\\nPetrenko\\u202e said the town of Zorivka was shelled again."}
        """)
        let check = try runFrontline(["gazetteer", "check", Repository.gazetteer, corpus])
        #expect(check.out.contains("Petrenko") && check.out.contains("Zorivka"), "\(check.out)\(check.err)")
        #expect(!check.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E }, "\(check.out)")
        let json = try runFrontline(["gazetteer", "check", Repository.gazetteer, corpus, "--json"])
        #expect(json.out.contains("Zorivka") && !json.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(json.out)")
        let draft = try runFrontline(["gazetteer", "draft", corpus])
        #expect(draft.status == 0 && !draft.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(draft.out)")
    }
}

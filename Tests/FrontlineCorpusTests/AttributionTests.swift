import Foundation
import Testing
@testable import FrontlineCorpus

/// Whose losses and who claims them, in the forms real wire reports use about a war the
/// rules were not written for (issue 23): a small two-sided conflict gazetteer over the base.
@Suite struct AttributionTests {
    static let gazetteer: Gazetteer = {
        let json = """
        {"conflict": "test war", "camps": [["ukraine"], ["russia", "dpr"]],
         "sides": [{"id": "ukraine", "label": "Ukraine", "names": ["Ukraine", "Ukrainian"]},
                   {"id": "russia", "label": "Russia", "names": ["Russia", "Russian"]},
                   {"id": "dpr", "label": "Donetsk separatists", "names": ["DPR"], "aliases": ["separatists", "Donetsk separatists"]}],
         "places": [{"id": "kharkiv", "label": "Kharkiv", "names": ["Kharkiv"], "stands_for": "ukraine"},
                    {"id": "sumy-oblast", "label": "Sumy Oblast", "names": ["Sumy Oblast"], "held_by": "ukraine"},
                    {"id": "okhtyrka", "label": "Okhtyrka", "names": ["Okhtyrka"], "held_by": "ukraine"},
                    {"id": "crimea", "label": "Crimea", "names": ["Crimea"], "held_by": "russia"}]}
        """
        return try! Gazetteer.parse(Data(json.utf8), path: "test.json").0.extended(by: worldBase)
    }()
    static let tagger = Tagger(gazetteer: gazetteer)
    let extractor = FigureExtractor(lexicon: shippedLexicon, gazetteer: AttributionTests.gazetteer)

    private func read(_ texts: [String]) -> [(side: String?, claimants: [String])] {
        var context = Tagger.Context()
        return texts.flatMap { text in
            let tags = Self.tagger.tag(tokens: Tokenizer.tokens(text), context: &context)
            return extractor.figures(in: text, claims: tags.claims).map { ($0.side, $0.claimants) }
        }
    }

    @Test func victimsOfANamedPartysFireAreItsOpponents() {
        let found = read(["Eleven civilians were killed in Russian shelling of the city, the governor said."])
        #expect(found.first?.side == "ukraine")
        #expect(read(["Three people were killed by Ukrainian shelling in Donetsk, separatist officials said."]).first?.side == "russia")
    }

    @Test func officialsOfAPlaceSpeakForTheSideHoldingIt() {
        let found = read(["Kharkiv governor Oleh Syniehubov said four people were killed."])
        #expect(found.first?.claimants == ["ukraine"])
        #expect(Self.tagger.tag("The Kharkiv regional administration said the strike hit a school.").claimants == ["ukraine"])
    }

    /// A place the gazetteer says a party holds (`held_by`) is not that party speaking; its
    /// officials are: its governor, its mayor, its local officials, its authorities.
    @Test func officialsOfAHeldPlaceSpeakForTheHolder() {
        #expect(read(["Dmytro Zhyvytskyi, the governor of Sumy Oblast, stated that three other civilians had been killed."]).first?.claimants == ["ukraine"])
        #expect(read(["More than 70 soldiers were killed when a base in Okhtyrka was hit by a bomb, local officials said."]).first?.claimants == ["ukraine"])
        #expect(read(["The authorities in Crimea announced that one person had died."]).first?.claimants == ["russia"])
        #expect(read(["As Governor of Sumy Oblast Ivan Petrenko informed, a boy was injured."]).first?.claimants == ["ukraine"])
        // The place named, but no official of it speaking: no claimant.
        #expect(read(["Fighting near Okhtyrka killed five people, Petrenko said."]).first?.claimants == [])
        #expect(Self.tagger.tag("Okhtyrka said the strike hit a school.").claimants.isEmpty)
    }

    /// "…, X said that <a party's people>": the party is what is said, not who says it.
    @Test func aSpeakerBeforeThatIsNotThePartyAfterIt() {
        let found = read(["The head doctor of a local hospital, Oleksandr Dimyanov, said that 250 Ukrainian soldiers had been wounded."])
        #expect(found.first?.side == "ukraine" && found.first?.claimants == [], "\(found)")
    }

    /// The fire another clause names; a target is not the attacker; "others" are the same people.
    @Test func victimsAcrossClausesTargetsAndOthers() {
        let across = read(["Russian rocket strikes on the city had killed dozens of civilians, while the mayor reported that nine civilians were killed."])
        #expect(across.map(\.side) == ["ukraine", "ukraine"], "\(across)")
        #expect(read(["Ukraine launched a bombing campaign against Russian outposts, reportedly killing 200 soldiers."]).first?.side == "russia")
        let others = read(["Two Russian soldiers were killed and 28 others hospitalized after Ukrainian civilians handed out poisoned cakes."])
        #expect(others.map(\.side) == ["russia", "russia"], "\(others)")
        let joined = read(["Russian authorities declared an emergency, but said one person was killed."])
        #expect(joined.first?.claimants == ["russia"], "\(joined)")
    }

    @Test func anUnknownSpeakerStaysUnknown() {
        var context = Tagger.Context()
        context.lastActorParty = "russia"
        _ = Self.tagger.tag(tokens: Tokenizer.tokens("Olga Smirnova, a ballerina from Moscow, left the city."), context: &context)
        let t = Self.tagger.tag(tokens: Tokenizer.tokens("\"We hid in the cellar,\" she says."), context: &context)
        #expect(t.claimants.isEmpty)
    }

    @Test func aJointStatementHasSeveralClaimants() {
        let t = Self.tagger.tag("Russia, France and the United States said in a joint statement that the shelling must stop.")
        #expect(Set(t.claimants) == ["russia", "france", "united-states"])
    }

    @Test func inAWarOfSeveralCampsTheOpponentOfAnAttackerIsNotGuessed() throws {
        let syria = try Gazetteer.load(path: Repository.root + "/Tests/judged/syria-gazetteer.json").0.extended(by: worldBase)
        let text = "At least 30 people were killed by Russian airstrikes on the city."
        let tags = Tagger(gazetteer: syria).tag(text)
        #expect(FigureExtractor(lexicon: shippedLexicon, gazetteer: syria).figures(in: text, claims: tags.claims).first?.side == nil)
    }
}

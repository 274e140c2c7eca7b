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
         "places": [{"id": "kharkiv", "label": "Kharkiv", "names": ["Kharkiv"], "stands_for": "ukraine"}]}
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

import Foundation
import Testing
@testable import FrontlineCorpus

/// The world base: its file, the base alone, and a conflict gazetteer extending it.
@Suite struct WorldBaseTests {
    private let alone = Tagger(gazetteer: worldBase.gazetteer)

    @Test func theBaseHasEveryStateAndTheInternationalBodies() {
        #expect(worldBase.states.count >= 193)
        let ids = Set(worldBase.states.map(\.id))
        #expect(ids.isSuperset(of: ["ukraine", "russia", "syria", "armenia", "azerbaijan", "united-states", "turkey"]))
        #expect(Set(worldBase.international.map(\.id)).isSuperset(of: ["un", "osce", "icrc", "nato", "eu", "unhcr"]))
        let ukraine = worldBase.states.first { $0.id == "ukraine" }!
        #expect(ukraine.aliases.contains("Ukrainian") && ukraine.aliases.contains("Kyiv"))
        #expect(worldBase.states.first { $0.id == "russia" }!.aliases.contains("Kremlin"))
    }

    @Test func theBaseAloneTagsStatesAsSidesWithTheirDemonymsAndCapitals() {
        let t = alone.tag("Ukrainian forces shelled positions near Donetsk, the Russian Defence Ministry said.")
        #expect(Set(t.sides) == ["ukraine", "russia"])
        #expect(t.claimants == ["russia"])
        #expect(alone.tag("The Kremlin said talks would resume.").claimants == ["russia"])
        #expect(alone.tag("Kyiv said the strike hit a school.").claimants == ["ukraine"])
        #expect(alone.tag("The General Staff of Ukraine said 12 tanks were destroyed.").claimants == ["ukraine"])
        #expect(alone.tag("The UN refugee agency said 2 million people had fled.").claimants == ["unhcr"])
    }

    @Test func aConflictsOwnAliasesDoNotReachAnotherWar() {
        let t = alone.tag("Russian-backed separatists in Donetsk said the republic had been shelled.")
        #expect(!t.sides.contains("karabakh") && !t.claimants.contains("karabakh"))
        #expect(!worldBase.gazetteer.parties.contains { $0.names.contains("separatists") || $0.aliases.contains("separatists") })
    }

    @Test func aConflictGazetteerExtendsTheBaseAndKeepsItsOwnMeanings() throws {
        let shipped = try Gazetteer.load(path: Repository.gazetteer).0
        let extended = shipped.extended(by: worldBase)
        // Its own entries first and unchanged in role; the base adds every other state as a third party.
        #expect(Array(extended.parties.prefix(shipped.parties.count).map(\.id)) == shipped.parties.map(\.id))
        #expect(extended.sides.map(\.id) == shipped.sides.map(\.id))
        #expect(extended.parties.contains { $0.id == "ukraine" && !$0.belligerent })
        // A base state the gazetteer already has (by name: "us" is the base's "united-states") is not added twice.
        #expect(!extended.parties.contains { $0.id == "united-states" })
        #expect(extended.parties.first { $0.id == "us" }!.aliases.contains("United States of America"))
        // An id the gazetteer gives another meaning keeps it: no base names are added to it.
        let syria = try Gazetteer.load(path: Repository.root + "/Tests/judged/syria-gazetteer.json").0
        let government = syria.extended(by: worldBase).parties.first { $0.id == "syria" }!
        #expect(!government.aliases.contains("Syrian") && !government.names.contains("Syria"))
    }

    @Test func aDemonymBeforeASpeakerTheGazetteerDoesNotKnowIsNotTheClaimant() {
        #expect(alone.tag("The Syrian Observatory for Human Rights said 30 people were killed.").claimants.isEmpty)
        #expect(alone.tag("A Ukrainian ballerina says she fled the shelling.").claimants.isEmpty)
        #expect(alone.tag("The British-based observatory said several people were wounded.").claimants.isEmpty)
        // An institution or an official of the state is.
        #expect(alone.tag("Ukrainian officials said the bridge was hit.").claimants == ["ukraine"])
        #expect(alone.tag("Ukrainian President Volodymyr Zelenskyy said the city would hold.").claimants == ["ukraine"])
        #expect(alone.tag("Syrian state TV said six people were killed.").claimants == ["syria"])
        #expect(alone.tag("Russia also said it had hit a depot.").claimants == ["russia"])
    }
}

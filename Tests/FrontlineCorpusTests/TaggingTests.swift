import Testing
@testable import FrontlineCorpus

@Suite struct TaggingTests {
    private func tags(_ text: String) -> Tagger.Tags { shippedTagger.tag(text) }

    @Test func accusationsNameTheAccuserAsClaimantAndBothAsSides() {
        let t = tags("Azerbaijan accuse Armenia of opening fire 127 times over 24 hours along the border.")
        #expect(t.claimants == ["azerbaijan"])
        #expect(Set(t.sides) == ["azerbaijan", "armenia"])
    }

    @Test func karabakhAuthoritiesAreTheKarabakhSide() {
        let t = tags("Karabakh authorities informed about two teenage students being seriously injured near their school.")
        #expect(t.claimants == ["karabakh"])
        #expect(t.sides == ["karabakh"])
    }

    @Test func actorsSpeakForTheirParty() {
        let t = tags("Lavrov said he believed the \"all-night vigil\" that clinched the ceasefire would \"not be in vain\".")
        #expect(t.claimants == ["russia"])
        #expect(t.actors == ["lavrov"])
        #expect(t.sides.isEmpty, "Russia is a third party, not a side")
    }

    @Test func institutionsAndTitlesResolveToTheirSide() {
        #expect(tags("Azerbaijan's Defence Ministry has said 31 of its soldiers have been killed.").claimants == ["azerbaijan"])
        let peskov = tags("\"President Putin calls on the parties to observe a ceasefire,\" Kremlin spokesman Dmitry Peskov told Russian news agencies.")
        #expect(peskov.claimants == ["russia"])
        #expect(Set(peskov.actors) == ["putin", "peskov"])
        #expect(tags("The Armenian-backed defence ministry in Karabakh said a 12-year-old boy was killed.").claimants == ["karabakh"])
    }

    @Test func invertedAndAccordingToAttributions() {
        #expect(tags("\"We expect the decisions to be observed,\" said Russian Foreign Minister Sergei Lavrov in Moscow.").claimants == ["russia"])
        #expect(tags("Bodies of Azeri servicemen, who according to Armenian media were killed, lie near Talish.").claimants == ["armenia"])
    }

    @Test func passiveAgentsAndParticiplesClaim() {
        let t = tags("Armenia said Karabakh forces had shot down a jet but the claim was dismissed as \"nonsense\" by the Azerbaijani defense ministry.")
        #expect(Set(t.claimants) == ["armenia", "azerbaijan"])
        let participle = tags("However the Kremlin has kept its distance from Armenian encouragement, saying that the treaty does not extend to Karabakh.")
        #expect(participle.claimants == ["russia"])
    }

    @Test func relativeClausesAndSubordinateClausesAreSkipped() {
        #expect(tags("Russia, which is in a security treaty with Armenia, said Wednesday it was concerned.").claimants == ["russia"])
        #expect(tags("The tension continues between Armenia and Azerbaijan as both of the sides accuse each other.").claimants.isEmpty)
        #expect(tags("Israel supplies weapons while Iran expressed alarm over the reports of militias.").claimants.isEmpty)
    }

    @Test(arguments: [
        ("According to the Armenian Defence Ministry, 20 soldiers were killed.", ["armenia"]),
        ("Baku claims to have destroyed 10 tanks.", ["azerbaijan"]),
        ("Officials in Stepanakert said two civilians died.", ["karabakh"]),
        ("Armenian defence ministry spokeswoman Shushan Stepanyan wrote on Facebook that the attack failed.", ["armenia"]),
        ("Aerial footage released by Azerbaijan's defence ministry showed vehicles exploding.", ["azerbaijan"]),
        ("Artsakh's emergency service reported shelling in Martuni.", ["karabakh"]),
        ("Yerevan denied the claim.", ["armenia"]),
        ("Turkish President Recep Tayyip Erdogan vowed to support Baku.", ["turkey"]),
        ("The fighting killed 30 soldiers near Talish.", []),
    ])
    func moreAttributions(_ text: String, _ expected: [String]) {
        #expect(tags(text).claimants == expected, "\(text)")
    }

    @Test func coordinatedSubjectsAllClaim() {
        let t = tags("Azerbaijan and Armenia have accused each other of violating a two-day-old ceasefire.")
        #expect(Set(t.claimants) == ["azerbaijan", "armenia"])
    }

    @Test func personalPronounsResolveToTheLastActorInThePassage() {
        let t = tags("EU foreign policy chief Federica Mogherini expressed concern. She added that the EU supported the mediation.")
        #expect(t.claimants == ["eu"])
        #expect(tags("He said the truce had to be implemented.").claimants.isEmpty)
    }

    @Test func placesAndSpellingVariantsResolveToOneId() {
        #expect(tags("heights near the village of Talysh").places == ["talish"])
        #expect(tags("the village of Talish").places == ["talish"])
        #expect(tags("the Nagorny Karabakh region and Nagorno-Karabakh").places == ["nagorno-karabakh"])
    }

    @Test func capitalisedAliasesNeedCapitals() {
        #expect(tags("We roasted a turkey for us all.").sides.isEmpty)
        #expect(tags("We roasted a turkey for us all.").claimants.isEmpty)
        #expect(tags("Turkey said the US backs it.").claimants == ["turkey"])
    }

    @Test func datesResolveAgainstPublication() {
        let published = CalendarDate(year: 2016, month: 4, day: 7)!
        #expect(DateFinder.dates(in: "killed since Saturday (2 April)", published: published).map(\.iso) == ["2016-04-02"])
        #expect(DateFinder.dates(in: "an attack on Friday night", published: CalendarDate(year: 2016, month: 4, day: 2)).map(\.iso) == ["2016-04-01"])
        #expect(DateFinder.dates(in: "on 3 April 2016 and April 5, 2016", published: nil).map(\.iso) == ["2016-04-03", "2016-04-05"])
        #expect(DateFinder.dates(in: "in May the army said", published: published).isEmpty)
        #expect(DateFinder.dates(in: "today and yesterday", published: published).map(\.iso) == ["2016-04-06", "2016-04-07"])
    }

    @Test func theSeedCorpusIsTaggedAsTheIssueDescribes() {
        let southFront = seedPassages("002")
        let accuse = southFront.first { $0.text.hasPrefix("Azerbaijan accuse Armenia") }!
        #expect(accuse.tags.claimants.first == "azerbaijan")
        #expect(Set(accuse.tags.sides).isSuperset(of: ["azerbaijan", "armenia"]))
        let lavrov = seedPassages("004").first { $0.text.hasPrefix("Lavrov said he believed") }!
        #expect(lavrov.tags.claimants == ["russia"])
        #expect(lavrov.tags.actors == ["lavrov"])
    }
}

/// References to a party named in an earlier passage: "It said…", "The military claims…",
/// "He said…" after the actor was named.
@Suite struct ArticleAttributionTests {
    private func claimants(_ prefix: String, passageStarting opening: String) -> [String]? {
        seedPassages(prefix).first { $0.text.hasPrefix(opening) }?.tags.claimants
    }

    @Test func itAndTheMinistryReferToTheLastClaimant() {
        // 004: the Azerbaijani defense ministry speaks in the passage before.
        #expect(claimants("004", passageStarting: "It said a \"large number of enemy forces\"") == ["azerbaijan"])
        // 002: "The military claims" after "According to Azerbaijan's Defense Ministry…".
        #expect(claimants("002", passageStarting: "The military claims that it has destroyed")?.contains("azerbaijan") == true)
    }

    @Test func heIsTheLastActorUnlessTheGazetteerDoesNotKnowWhoSpeaks() {
        // 004: "…his Armenian counterpart Zohrab Mnatsakanyan." then "He said the truce…".
        #expect(claimants("004", passageStarting: "He said the truce") == ["armenia"])
        // 002: "Dmitry Pisarenko, the head of …Sputnik, says … He added": nobody the gazetteer knows.
        #expect(claimants("002", passageStarting: "Karabakh's reports state")?.contains("azerbaijan") == false)
    }

    @Test func aPassageOnItsOwnHasNoOneToReferTo() {
        #expect(shippedTagger.tag("It said 12 soldiers were killed.").claimants.isEmpty)
    }
}

@Suite struct GazetteerTests {
    @Test func theShippedGazetteerIsClean() throws {
        let (gazetteer, diagnostics) = try Gazetteer.load(path: Repository.gazetteer)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(gazetteer.sides.map(\.id) == ["armenia", "azerbaijan", "karabakh"])
        #expect(gazetteer.searchVariantGroups.contains { Set($0) == ["talish", "talysh", "talış", "талыш", "թալիշ"] })
    }

    @Test func duplicateAliasesAndUnknownAffiliationsAreReportedWithLines() throws {
        let json = """
        {
          "sides": [
            {"id": "north", "label": "North", "names": ["North"], "aliases": ["Capital City"]},
            {"id": "south", "label": "South", "names": ["South"], "aliases": ["Capital City"]}
          ],
          "actors": [
            {"id": "ghost", "label": "Ghost", "affiliation": "west", "names": ["Ghost"]}
          ]
        }
        """
        let (gazetteer, diagnostics) = try Gazetteer.parse(Data(json.utf8), path: "g.json")
        #expect(diagnostics.count == 2)
        #expect(diagnostics.contains { $0.line == 4 && $0.message.contains("Capital City") })
        #expect(diagnostics.contains { $0.line == 7 && $0.message.contains("west") })
        #expect(gazetteer.actors.isEmpty)
        #expect(gazetteer.parties[1].aliases.isEmpty)
    }

    @Test func invalidJSONIsReportedWithItsLine() throws {
        let json = "{\n  \"conflict\": \"x\",\n  \"sides\": [\"a\" \"b\"]\n}\n"
        #expect(throws: GazetteerError.self) { try Gazetteer.parse(Data(json.utf8), path: "g.json") }
        do { _ = try Gazetteer.parse(Data(json.utf8), path: "g.json") } catch let error as GazetteerError {
            #expect(error.description.hasPrefix("g.json:3: error:"), "\(error)")
        }
    }

    @Test func idsAreLowerCaseSoThatTheQueryLanguageFindsThem() throws {
        let json = """
        {
          "sides": [{"id": "USA", "label": "United States", "names": ["America"]}, {"id": "north korea", "label": "North Korea"}],
          "actors": [{"id": "Potus", "label": "President", "affiliation": "Usa", "names": ["Potus"]}]
        }
        """
        let (gazetteer, diagnostics) = try Gazetteer.parse(Data(json.utf8), path: "g.json")
        #expect(gazetteer.sides.map(\.id) == ["usa"])
        #expect(gazetteer.actors.map(\.id) == ["potus"] && gazetteer.actors.first?.affiliation == "usa")
        #expect(diagnostics.contains { $0.severity == .warning && $0.line == 2 && $0.message.contains("\"USA\"") && $0.message.contains("\"usa\"") })
        #expect(diagnostics.contains { $0.severity == .error && $0.line == 2 && $0.message.contains("north korea") })
    }

    @Test func aFieldOfTheWrongTypeIsNamedWithItsLine() {
        let json = "{\n  \"sides\": [{\"id\": \"a\"}],\n  \"places\": {\"id\": \"x\"}\n}"
        let error = #expect(throws: GazetteerError.self) { try Gazetteer.parse(Data(json.utf8), path: "g.json") }
        #expect(error?.diagnostic.line == 3)
        #expect(error?.diagnostic.message.contains("places") == true, "\(String(describing: error))")
    }

    @Test func thousandsOfRejectedEntriesAreReportedEachWithItsLine() throws {
        let actors = (0..<5_000).map { "    {\"id\": \"actor-\($0)\", \"names\": [\"Name \($0)\"], \"affiliation\": \"nowhere\"}" }
        let json = "{\n  \"sides\": [{\"id\": \"a\", \"names\": [\"Alpha\"]}],\n  \"actors\": [\n" + actors.joined(separator: ",\n") + "\n  ]\n}\n"
        let (_, diagnostics) = try Gazetteer.parse(Data(json.utf8), path: "g.json")
        #expect(diagnostics.count == 5_000)
        #expect(diagnostics.enumerated().allSatisfy { $0.element.line == $0.offset + 4 }, "\(diagnostics.prefix(3))")
    }

    @Test func commonWordsAreRefusedAsNames() throws {
        let json = #"{"sides": [{"id": "a", "names": ["Alpha", "the", "A"], "aliases": ["of the"]}]}"#
        let (gazetteer, diagnostics) = try Gazetteer.parse(Data(json.utf8), path: "g.json")
        #expect(gazetteer.sides.first?.names == ["Alpha"] && gazetteer.sides.first?.aliases == [])
        #expect(diagnostics.count == 3 && diagnostics.allSatisfy { $0.message.contains("common words") }, "\(diagnostics)")
    }

    @Test func aGazetteerWithoutSidesIsRejected() {
        let error = #expect(throws: GazetteerError.self) { try Gazetteer.parse(Data("{\"actors\": []}".utf8), path: "g.json") }
        #expect(error?.diagnostic.message.contains("no sides") == true)
        #expect(throws: GazetteerError.self) { try Gazetteer.parse(Data("{not json".utf8), path: "g.json") }
    }
}

import Foundation

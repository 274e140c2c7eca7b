import EngineTestSupport
import Foundation
@testable import FrontlineCorpus
import Testing
@testable import FrontlineEngine

/// A facet is one declaration (`Facet.all`): its slots are assigned from it and checked,
/// its values travel as a map through passages, storage and JSON, and the `unit` facet,
/// declared so, is tagged, stored, filtered and counted like the others.
@Suite struct FacetDeclarationTests {
    @Test func slotsFollowTheDeclarationOrderAndStayWhereTheIndexHasThem() {
        let (slots, problem) = Schema.assignSlots(Facet.filterable)
        #expect(problem == nil)
        #expect(slots == [.side: 10..<18, .claimant: 20..<28, .actor: 30..<46, .place: 50..<66, .source: 3..<4,
                          .figure: 70..<71, .language: 80..<81, .unit: 90..<98])
        #expect(Schema.facetSlots == slots)
    }

    @Test func overlappingSlotsAreReported() {
        let clash = Facet("clash", source: .articleSource, prefix: "XCLASH", width: 1, fixedSlot: 12)
        #expect(Schema.assignSlots(Facet.filterable + [clash]).problem == "the value slots of clash (12..<13) overlap those of side")
        let timeline = Facet("late", source: .articleSource, prefix: "XLATE", width: 1, fixedSlot: Schema.timelineSlot)
        #expect(Schema.assignSlots([timeline]).problem == "the value slots of late (4..<5) overlap those of a fixed slot")
    }

    @Test func namesPrefixesAndKeysAreEachDeclaredOnce() {
        let filterable = Facet.filterable
        #expect(Set(Facet.all.map(\.rawValue)).count == Facet.all.count)
        #expect(Set(Facet.all.map(\.plural)).count == Facet.all.count)
        #expect(Set(filterable.map(\.prefix)).count == filterable.count && filterable.allSatisfy { $0.prefix.hasPrefix("X") })
        let stored = Facet.tags.map(\.storedKey)
        #expect(Set(stored).count == stored.count && !stored.contains(""))
        #expect(Set(stored).isDisjoint(with: [StoredPassage.CodingKeys.article, .title, .date, .source, .url, .ordinal, .kind, .text,
                                              .eventDates, .figures, .language].map(\.rawValue)))
        // Each listed gazetteer kind is some facet's, and the gazetteer schema knows its list.
        let schema = (try? String(contentsOfFile: Repository.corpus + "/gazetteer.schema.json", encoding: .utf8)) ?? ""
        for kind in Gazetteer.Kind.listed {
            #expect(Facet.tags.contains { $0.kind == kind && $0.rawValue == kind.name }, "\(kind.name) has no facet")
            #expect(schema.contains("\"\(kind.list ?? "")\": {"), "gazetteer.schema.json has no \(kind.list ?? "")")
        }
        for facet in Facet.tags { #expect(facet.kind?.name == facet.rawValue) }
    }

    @Test func aListedKindsEntriesAreInTheGazetteersHash() throws {
        var gazetteer = try Gazetteer.load(path: Repository.gazetteer).0
        let shipped = GazetteerStore.hash(gazetteer)
        gazetteer.named[Gazetteer.Kind.unit.name]?.append(Gazetteer.Named(id: "5th-corps", label: "5th Corps", names: ["5th Army Corps"], aliases: []))
        #expect(GazetteerStore.hash(gazetteer) != shipped, "an index tagged without the new unit would be kept")
        gazetteer.named = [:]
        let without = GazetteerStore.hash(gazetteer)
        gazetteer.named = [Gazetteer.Kind.unit.name: []]
        #expect(GazetteerStore.hash(gazetteer) == without)
    }

    private func passage(units: [String]) -> (StoredPassage, Passage) {
        var article = Article(id: "a", title: "t", source: "s", url: "u", body: "", file: "f.txt")
        article.date = CalendarDate(year: 2020, month: 11, day: 10)
        var tags = Tagger.Tags()
        tags.sides = ["armenia"]
        tags.places = ["stepanakert"]
        tags[.unit] = units
        let passage = Passage(ordinal: 0, kind: .body, text: "text", tags: tags, eventDates: [], figures: [])
        return (StoredPassage(passage, of: article), passage)
    }

    @Test func tagsTravelAsAMapAndANewFacetIsStoredOnlyWhereItHasValues() throws {
        let (with, _) = passage(units: ["15th-brigade"])
        let decoded = try StoredPassage.decode(with.json())
        #expect(decoded == with && decoded[.unit] == ["15th-brigade"] && decoded[.side] == ["armenia"])
        #expect(with.json().contains("\"un\":[\"15th-brigade\"]"))
        let (without, _) = passage(units: [])
        // The facets of the first layout are stored even when empty; `unit` is left out.
        #expect(without.json() == #"{"a":"a","t":"t","d":"2020-11-10","s":"s","u":"u","o":0,"k":"body","ln":"unknown","x":"text","sd":["armenia"],"cl":[],"ac":[],"pl":["stepanakert"],"ev":[]}"#)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let keys = { (p: StoredPassage) in
            Set((try JSONSerialization.jsonObject(with: encoder.encode(PassageJSON(p))) as? [String: Any] ?? [:]).keys)
        }
        let contract: Set<String> = ["article", "passage", "kind", "language", "text", "sides", "claimants", "actors", "places", "event_dates", "figures"]
        #expect(try keys(without) == contract)
        #expect(try keys(with) == contract.union(["units"]))
    }

    @Test func theUnitFacetIsTaggedFilteredAndCountedFromTheShippedGazetteer() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        try """
        ---
        title: Peacekeepers arrive
        date: 2020-11-10
        source: Test Wire
        ---
        The 15th Motor Rifle Brigade crossed into Stepanakert on Tuesday, its convoy watched by residents.

        Soldiers of the 15th Separate Motor Rifle Brigade set up posts along the Lachin corridor.
        """.write(toFile: corpus + "/peacekeepers.md", atomically: true, encoding: .utf8)
        let index = dir.child("index")
        try buildIndex([corpus], into: index)
        let searcher = try Searcher(locations: [index])
        for value in ["15th-brigade", "15th Brigade", "15th motor rifle brigade"] {
            var request = SearchRequest(query: "")
            request.filters = [.unit: [value]]
            let result = try searcher.search(request)
            #expect(result.total == 2 && result.hits.allSatisfy { $0.passage[.unit] == ["15th-brigade"] }, "\(value)")
            #expect(result.notices.isEmpty, "\(result.notices)")
            #expect(result.counts(of: .unit).map(\.label) == ["15th Motor Rifle Brigade"])
        }
        #expect(try searcher.search(SearchRequest(query: "unit:\"15th Brigade\"")).total == 2)
        var unknown = SearchRequest(query: "")
        unknown.filters = [.unit: ["16th brigade"]]
        let missed = try searcher.search(unknown)
        #expect(missed.total == 0 && missed.notices.contains { $0.hasPrefix("unknown unit \"16th brigade\"; did you mean 15th Motor Rifle Brigade (15th-brigade)") })
        // Passages that name no unit have no unit list in their JSON; the others have one.
        let hit = try #require(try searcher.search(SearchRequest(query: "Talish")).hits.first)
        #expect(hit.passage.tags[.unit] == nil)
    }
}

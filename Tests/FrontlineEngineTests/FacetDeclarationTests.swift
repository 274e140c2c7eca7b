import EngineTestSupport
import Foundation
@testable import FrontlineCorpus
import Testing
@testable import FrontlineEngine

/// A facet is one declaration (`Facet.all`): its slots are assigned from it and checked.
@Suite struct FacetDeclarationTests {
    @Test func slotsFollowTheDeclarationOrderAndStayWhereTheIndexHasThem() {
        let (slots, problem) = Schema.assignSlots(Facet.filterable)
        #expect(problem == nil)
        #expect(slots == [.side: 10..<18, .claimant: 20..<28, .actor: 30..<46, .place: 50..<66, .source: 3..<4,
                          .figure: 70..<71, .language: 80..<81])
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
}

import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineCorpus
@testable import FrontlineEngine

/// The ledger pairs like with like and never adds running totals (issue 23).
@Suite struct LedgerTests {
    private func record(_ claimant: String, _ side: String, _ value: Int, cumulative: Bool = false, rate: String? = nil, date: String = "2022-03-10") -> FigureRecord {
        FigureRecord(article: "a-\(claimant)-\(value)", passage: 0, date: date, claimants: [claimant], side: side, category: "killed", item: nil,
                     subject: "soldiers", count: Figure.Count(value: value, min: value, max: value, approximate: false), place: nil,
                     text: "\(value) soldiers", cumulative: cumulative, rate: rate)
    }

    @Test func aStrikesTollIsNotDisputedAgainstTheWarsTotal() {
        let records = [record("ukraine", "russia", 200), record("russia", "russia", 9_000, cumulative: true)]
        #expect(FigureLedger.disputes(in: records).isEmpty)
        let totals = [record("ukraine", "russia", 14_000, cumulative: true), record("russia", "russia", 1_351, cumulative: true)]
        #expect(FigureLedger.disputes(in: totals).count == 1)
    }

    @Test func aRateIsNeverDisputedNorSummed() {
        let records = [record("ukraine", "ukraine", 100, rate: "day"), record("russia", "ukraine", 1_000)]
        #expect(FigureLedger.disputes(in: records).isEmpty)
        let ledger = FigureLedger(figures: records + [record("ukraine", "ukraine", 30)], disputed: [])
        #expect(ledger.summary(by: .side).first { $0.party == "ukraine" }?.own["killed"] == 1_030)
    }

    @Test func theDisputedOnlyLedgerHoldsTheDisputedGroupsAndTheirFiguresOnly() {
        let disputed = [record("ukraine", "russia", 14_000, cumulative: true), record("russia", "russia", 1_351, cumulative: true)]
        let records = disputed + [record("ukraine", "ukraine", 30)]
        let ledger = FigureLedger(figures: records, disputed: FigureLedger.disputes(in: records))
        let only = ledger.disputedOnly
        #expect(only.disputed.count == 1)
        #expect(only.figures.map(\.article) == ledger.disputed.flatMap(\.figures).map(\.article))
        #expect(Set(only.figures.map(\.article)) == Set(disputed.map(\.article)))
    }

    @Test func summariesDoNotAddRunningTotals() {
        let records = [record("russia", "russia", 498, cumulative: true, date: "2022-03-02"), record("russia", "russia", 1_351, cumulative: true, date: "2022-03-25"),
                       record("russia", "russia", 20)]
        let own = FigureLedger(figures: records, disputed: []).summary(by: .claimant).first { $0.party == "russia" }?.own["killed"]
        #expect(own == 1_351)
    }

    @Test func aThirdPartyHasNoOwnLossesAndNoOtherSide() {
        let records = [record("un", "ukraine", 606), record("un", "russia", 40), record("ukraine", "russia", 100)]
        let summary = FigureLedger(figures: records, disputed: [], belligerents: ["ukraine", "russia"]).summary(by: .claimant)
        let un = summary.first { $0.party == "un" }
        #expect(un?.thirdParty == true && un?.own.isEmpty == true && un?.others["killed"] == 646, "\(summary)")
        let ukraine = summary.first { $0.party == "ukraine" }
        #expect(ukraine?.thirdParty == false && ukraine?.others["killed"] == 100)
    }

    @Test func aFigureNeedsAPartyOrAPlaceOfTheConflict() {
        let fire = Figure(count: Figure.Count(value: 5, min: 5, max: 5, approximate: false), category: "killed", item: nil, subject: "people",
                          side: nil, claimants: ["egypt"], text: "killed five people", period: nil)
        let sides: Set<String> = ["armenia", "azerbaijan"]
        #expect(!FigureLedger.inConflict(fire, passageSides: [], places: [], belligerents: sides))
        #expect(FigureLedger.inConflict(fire, passageSides: [], places: ["talish"], belligerents: sides))
        #expect(FigureLedger.inConflict(fire, passageSides: ["armenia"], places: [], belligerents: sides))
        var claimed = fire
        claimed.claimants = ["azerbaijan"]
        #expect(FigureLedger.inConflict(claimed, passageSides: [], places: [], belligerents: sides))
    }

    /// Indexed beside the war's articles, a church fire in Cairo that Egypt's ministry reports is not one of the war's figures.
    @Test func aChurchFireInCairoIsNotInTheWarsLedger() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        try "At least 41 people were killed in a fire at a Coptic church in Cairo on Sunday, Egypt's health ministry said."
            .write(toFile: corpus + "/cairo.txt", atomically: true, encoding: .utf8)
        try buildIndex([corpus], into: dir.child("index"))
        let ledger = try Searcher(locations: [dir.child("index")]).figures(SearchRequest(query: ""))
        #expect(!ledger.figures.isEmpty)
        #expect(!ledger.figures.contains { $0.article.hasPrefix("cairo") || $0.count.value == 41 }, "\(ledger.figures.filter { $0.count.value == 41 })")
    }
}

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
}

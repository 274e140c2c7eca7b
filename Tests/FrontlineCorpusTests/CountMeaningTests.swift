import Foundation
import Testing
@testable import FrontlineCorpus

/// Counts that keep their meaning: ranges, open bounds, negations, hypotheticals, prisoners,
/// one named person, rates (issue 23, from the forms of real wire reports).
@Suite struct CountMeaningTests {
    let extractor = FigureExtractor(lexicon: shippedLexicon, gazetteer: Tagger(gazetteer: worldBase.gazetteer).gazetteer)

    private func figures(_ text: String) -> [Figure] {
        let tags = Tagger(gazetteer: worldBase.gazetteer).tag(text)
        return extractor.figures(in: text, claims: tags.claims)
    }

    @Test func aRangeKeepsBothEnds() {
        for text in ["From 50 to 100 people were killed.", "Between 50 and 100 people died in the strike.", "The raid killed 50 to 100 people."] {
            let found = figures(text)
            #expect(found.count == 1, "\(text): \(found.map(\.text))")
            #expect(found.first.map { ($0.count.min, $0.count.max) } ?? (0, 0) == (50, 100), "\(text)")
        }
        // A toll that rose from one number to another is the second, not a range.
        #expect(figures("The death toll rose from 50 to 100.").contains { $0.count.value == 100 && $0.count.min == 100 })
    }

    @Test func aHyphenatedRangeKeepsBothEnds() {
        let found = figures("They destroyed 96-100 tanks near the town.")
        #expect(found.map { "\($0.count.min)-\($0.count.max) \($0.category)" } == ["96-100 equipment"], "\(found.map(\.text))")
        #expect(figures("In 1991-94 the war went on.").isEmpty)
    }

    /// A month before a count is its day only when it runs on to it: not "On 17 April, two
    /// people…", nor "…on 3 March. Eight civilians…".
    @Test func aDateBeforeACommaOrASentenceEndIsNotTheCountsDay() {
        #expect(figures("On 17 April, two people were killed in the city.").map(\.count.value) == [2])
        #expect(figures("Strikes began on 3 March. Eight civilians were killed.").map(\.count.value) == [8])
        #expect(figures("The shelling of April 2 was the worst.").isEmpty)
    }

    @Test func bareCountsAfterTheirVerbAndTheWholeOfAPart() {
        #expect(figures("A shell killed one soldier and wounded three more.").map { "\($0.count.value) \($0.category)" } == ["1 killed", "3 wounded"])
        #expect(figures("Two generals were killed and one seriously injured.").map { "\($0.count.value) \($0.category)" } == ["2 killed", "1 wounded"])
        #expect(figures("Of the 80 soldiers in the convoy, only 3 wounded men survived.").map(\.count.value) == [3])
        #expect(figures("He said one person was killed, over a dozen injured, and 252 residents moved to shelters.").allSatisfy { $0.count.value != 252 })
        #expect(figures("On 22 September, a woman and two children were injured by shelling.").map { "\($0.count.value) \($0.category)" } == ["1 wounded", "2 wounded"])
    }

    @Test func atLeastIsAMinimumWithNoInventedMaximum() {
        let count = figures("At least 12 soldiers were killed.").first!.count
        #expect(count.min == 12 && count.value == 12 && count.max == Figure.Count.unbounded)
        #expect(count.phrase == "at least 12")
    }

    @Test func negationsAndHypotheticalsAreNotFigures() {
        #expect(figures("No one was hurt in the attack.").isEmpty)
        #expect(figures("Nobody was killed, and no one was injured.").isEmpty)
        #expect(figures("A strike on the plant could kill thousands of people.").isEmpty)
        #expect(figures("In the war game, 1 billion people would be killed within hours.").isEmpty)
        #expect(figures("Such a bomb might kill 100,000 people.").isEmpty)
        #expect(figures("1) If these terrorists acquire the bomb, thousands will be missing.").allSatisfy { $0.count.value != 1 })
    }

    @Test func killedPrisonersAreKilled() {
        let found = figures("Ten prisoners of war were killed in the shelling of the camp.")
        #expect(found.map(\.category) == ["killed"], "\(found.map(\.text))")
    }

    @Test func aNamedPersonKilledCountsOne() {
        #expect(figures("A journalist has been killed in the east.").map { "\($0.count.value) \($0.category)" } == ["1 killed"])
        #expect(figures("A woman and her baby died when the shell hit.").map { "\($0.count.value) \($0.category)" } == ["2 killed"])
        #expect(figures("A child and a woman were killed and seven others were injured.").map { "\($0.count.value) \($0.category)" } == ["2 killed", "7 wounded"])
        // The word of loss of the sentence before is not this one's.
        #expect(figures("The soldier was killed. A man was arrested later.").isEmpty)
    }

    @Test func aTollFarFromItsNumberIsStillATollOfDeaths() {
        let text = "The death toll from a bomb blast on a crowded Syrian bus convoy outside Aleppo reached at least 112 people the monitoring group said."
        #expect(figures(text).map { "\($0.count.value) \($0.category)" } == ["112 killed"])
    }

    @Test func aRateIsARate() {
        let found = figures("Between 60 and 100 soldiers are killed per day, the president said.")
        #expect(found.count == 1)
        #expect(found.first?.rate == "day")
        #expect(figures("Some 300 people were killed a day in the fighting.").first?.rate == "day")
        #expect(figures("Twelve soldiers were killed on Monday.").first?.rate == nil)
    }
}

/// Which figures are running totals: a toll of the war, "in total", "since the start".
@Suite struct CumulativeFigureTests {
    let extractor = FigureExtractor(lexicon: shippedLexicon, gazetteer: worldBase.gazetteer)

    private func cumulative(_ text: String) -> [Bool] {
        extractor.figures(in: text, claims: []).map(\.cumulative)
    }

    @Test func totalsAreCumulativeAndOneStrikesTollIsNot() {
        #expect(cumulative("The death toll among servicemen rose to 710.") == [true])
        #expect(cumulative("In total, 9,000 soldiers have been killed since the start of the war.") == [true])
        #expect(cumulative("The strike on the theatre killed 200 people.") == [false])
        #expect(cumulative("The death toll from the blast at the station reached 59.") == [false])
    }
}

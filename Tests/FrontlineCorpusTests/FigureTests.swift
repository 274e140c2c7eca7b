import Foundation
import Testing
@testable import FrontlineCorpus

let shippedLexicon: FigureLexicon = try! FigureLexicon.load(path: Repository.figureLexicon).0

/// Figures read from the sentences war reporting is made of, and the numbers that are not figures.
@Suite struct FigureTests {
    let extractor = FigureExtractor(lexicon: shippedLexicon, gazetteer: shippedGazetteer)

    /// The figures of `text` as the indexer reads them, after tagging it in an article whose
    /// earlier passages were last claimed by `claimants` (for "The military claims").
    private func read(_ text: String, claimants: [String] = []) -> [String] {
        var context = Tagger.Context()
        context.lastClaimant = claimants.first
        let tags = shippedTagger.tag(tokens: Tokenizer.tokens(text), context: &context)
        return extractor.figures(in: text, claims: tags.claims).map { f in
            "\(f.count.value)\(f.count.approximate ? "~" : "") \(f.category)\(f.item.map { " " + $0 } ?? "")\(f.subject.map { " " + $0 } ?? "")\(f.side.map { " @" + $0 } ?? "")"
        }
    }

    @Test(arguments: [
        ("Azerbaijan's Defence Ministry has said 31 of its soldiers have been killed since Saturday (2 April).", ["azerbaijan"], ["31 killed soldiers @azerbaijan"]),
        ("Karabakh has acknowledged the loss of 30 fighters and confirmed 101 have been wounded.", ["karabakh"], ["30 killed soldiers @karabakh", "101 wounded @karabakh"]),
        ("NKR defense army announced that overall 200 soldiers from the Azerbaijani soldiers have been elliminated", ["karabakh"], ["200 killed soldiers @azerbaijan"]),
        ("Azerbaijan confirmed losing one helicopter, one tank, and 12 soldiers.", ["azerbaijan"], ["1 equipment helicopter @azerbaijan", "1 equipment tank @azerbaijan", "12 killed soldiers @azerbaijan"]),
        ("Azerbaijan accuse Armenia of opening fire 127 times over 24 hours along the border.", ["azerbaijan"], ["127 attacks @armenia"]),
        ("The military claims that it has destroyed six Armenian tanks, 15 artillery pieces, several bunkers and over 100 enemy soldiers.", ["azerbaijan"],
         ["6 equipment tank @armenia", "15 equipment artillery @armenia", "6~ equipment bunker @armenia", "100 killed soldiers @armenia"]),
        ("Armenia has reported the deaths of 104 soldiers, alongside seven civilians killed and 31 wounded.", ["armenia"], ["104 killed soldiers @armenia", "7 killed civilians @armenia", "31 wounded @armenia"]),
        ("A bomb in one cafe that killed 25 people went off at noon.", [], ["25 killed people"]),
        ("The gunmen killed two of his six children.", [], ["2 killed children"]),
        ("The blasts killed more than 250 people and wounded 1,000, the report said.", [], ["250 killed people", "1000 wounded"]),
        ("Hundreds of thousands of people died in the civil war, and tens of thousands of people are missing.", [], ["599500~ killed people", "59500~ missing people"]),
        ("There were a few people getting hurt down the front.", [], ["3~ wounded people"]),
        ("The famine claimed a million lives, and 1.5 million people were killed in the war.", [], ["1000000 killed people", "1500000 killed people"]),
        ("The shelling claimed the lives of one Armenian and one Azeri civilian.", [], ["1 killed civilians @armenia", "1 killed civilians @azerbaijan"]),
        ("Bodies of Azeri servicemen were killed in an early 1990s war that claimed some 30,000 lives", [], ["30000~ killed people"]),
        ("Twenty-one thousand people lost their lives in the catastrophes.", [], ["21000 killed people"]),
        // Tolls, one person named by a noun, the wounded of an attack by a side.
        ("The death toll among Armenian servicemen rose to 710, the Armenian defence ministry said.", [], ["710 killed soldiers @armenia"]),
        ("The Armenian defence ministry reported that 21 more servicemen had been killed, bringing its military death toll to 1,177.", [], ["21 killed soldiers @armenia", "1177 killed soldiers @armenia"]),
        ("An Azerbaijani missile strike killed a woman and wounded three children.", [], ["1 killed people @armenia", "3 wounded children @armenia"]),
        ("Separatist officials said 84 of their fighters had died since Sunday.", [], ["84 killed soldiers @karabakh"]),
        ("Two Armenian soldiers were taken prisoner near Hadrut, Baku said.", [], ["2 captured soldiers @armenia"]),
        ("Karabakh said they shot down two Azeri helicopter gunboats and a drone.", [], ["2 equipment helicopter @azerbaijan", "1 equipment drone @azerbaijan"]),
        ("Armenia withdrew after 20 of its soldiers were killed.", [], ["20 killed soldiers @armenia"]),
        ("Azerbaijan's defence ministry said Armenian forces had fired on its positions 40 times overnight.", [], ["40 attacks @armenia"]),
        // Whose losses, from who inflicted them or who admits them; a third party's people are no side's.
        ("Azerbaijan said a helicopter was downed by Armenian forces.", [], ["1 equipment helicopter @azerbaijan"]),
        ("Karabakh said two children were injured by rocket fire from Azerbaijan.", [], ["2 wounded children @karabakh"]),
        ("Two French journalists were wounded by Azeri artillery fire, Armenia said.", [], ["2 wounded journalists"]),
        ("Armenia rubbished claims from Baku that 100 of its troops had been killed.", [], ["100 killed soldiers @armenia"]),
        ("Karabakh said a 12-year-old boy was killed and two other children injured on their side.", [], ["1 killed children @karabakh", "2 wounded children @karabakh"]),
        ("The Armenian forces fire has downed an Azeri MI-24 helicopter and has destroyed a tank.", [], ["1 equipment helicopter @azerbaijan", "1 equipment tank @azerbaijan"]),
    ])
    func figuresAreRead(_ text: String, _ claimants: [String], _ expected: [String]) {
        #expect(read(text, claimants: claimants) == expected, "\(text)")
    }

    @Test(arguments: [
        "A 12-year-old boy was killed in the shelling.", "Gevorg Grigoryan, 12, who was wounded, was taken to hospital.",
        "On 2 April the fighting resumed and soldiers were killed.", "The 1994 ceasefire was violated in November 2014, when soldiers were killed.",
        "Four days of shelling killed no one.", "After 11 hours of talks the ministers agreed.", "Over 24 hours the border was quiet; nobody was killed.",
        "An MI-24 helicopter and a T-72 tank were seen.", "The two sides accused each other.", "The talks lasted 10 hours and the truce held.",
    ])
    func trapsAreNotFigures(_ text: String) {
        let figures = read(text)
        #expect(!figures.contains { $0.hasPrefix("12 ") || $0.hasPrefix("2 ") || $0.hasPrefix("1994") || $0.hasPrefix("2014") || $0.hasPrefix("4 ") || $0.hasPrefix("11 ") || $0.hasPrefix("24 ") || $0.hasPrefix("24 ") || $0.hasPrefix("10 ") || $0.hasPrefix("72") }, "\(text): \(figures)")
    }

    @Test(arguments: [
        "Shares rose four times as fast as the index while miners were killed elsewhere.",
        "The firm said 20,000 jobs lost would hurt the town.",
        "An extra five million lives could have been saved by 2015.",
        "Scotland have lost 12 of their 14 games, and the firms are losing hundreds of millions of dollars.",
        "The England international, 24, was hurt in a challenge.",
        "Few people know much about it, and few lives were lost in the game.",
        "The country has about 44 million and half lives below the line since the floods killed crops.",
        "Cutting the limit would save 65 lives a year, and the vaccine could save six million lives.",
        "The lira plunged in value and two million people lost their jobs.",
        "More than 14 million people saw the landlord killed off on Friday.",
    ])
    func numbersThatCountSomethingElseAreNotFigures(_ text: String) {
        #expect(read(text).isEmpty, "\(text): \(read(text))")
    }
}

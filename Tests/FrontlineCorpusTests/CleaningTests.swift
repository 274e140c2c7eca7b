import Testing
@testable import FrontlineCorpus

@Suite struct CleaningTests {
    let cleaner = TextCleaner()

    private func texts(_ prefix: String) -> [String] { seedPassages(prefix).map(\.text) }
    private func all(_ prefix: String) -> String { texts(prefix).joined(separator: "\n") }

    @Test func markdownHeadingsEmphasisAndLinksBecomeText() {
        let passages = seedPassages("004")
        #expect(passages.contains { $0.kind == .headline && $0.text == "Mutual accusations" })
        #expect(passages.contains { $0.kind == .headline && $0.text == "Turkish support?" })
        let text = all("004")
        #expect(!text.contains("**"))
        #expect(!text.contains("](#)"))
        #expect(!text.contains("#"))
    }

    @Test func backslashEscapesAndCurlyQuotesAreNormalised() {
        let text = all("001")
        #expect(text.contains("Azerbaijan's defence ministry said in a statement"))
        #expect(!text.contains("\\"))
        #expect(!text.contains("\u{2019}"))
        let cleaned = cleaner.clean(MarkdownFormat().content(of: "“Quoted” and ‘single’ with\u{00A0}space", firstLine: 1).blocks, title: "")
        #expect(cleaned.paragraphs.map(\.text) == ["\"Quoted\" and 'single' with space"])
    }

    @Test func crlfAndByteOrderMarkAreHandled() {
        let directory = TemporaryDirectory()
        directory.write("a.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Armenia said its forces held.\r\nAzerbaijan denied the claim today.\r\n".utf8))
        let (articles, diagnostics) = readAll([directory.path])
        #expect(diagnostics.isEmpty)
        let passages = ArticleProcessor(gazetteer: shippedGazetteer).process(articles[0]).passages
        #expect(passages.map(\.text) == ["Armenia said its forces held.", "Azerbaijan denied the claim today."])
    }

    @Test func cookieNoticesRepliesAndCommentsAreNotArticleText() {
        let text = all("001").lowercased()
        #expect(!text.contains("cookie"))
        #expect(!text.contains("leave a reply"))
        let southFront = all("002").lowercased()
        for chrome in ["notify of", "newest most voted", "inline feedbacks", "view all comments", "erdogan has concocted",
                       "i predict a situation", "please comment", "support southfront", "source: adst.org", "written by yoana"] {
            #expect(!southFront.contains(chrome), "\(chrome) survived cleaning")
        }
    }

    @Test func donationCountersAdvertisementsAndRepeatedHeadlinesAreDropped() {
        let passages = seedPassages("002")
        #expect(!passages.contains { $0.text.contains("$") })
        #expect(!passages.contains { $0.text.hasPrefix("Dozens of Casualties Reported") })
        #expect(!all("003").contains("Advertisement"))
        #expect(!all("003").hasPrefix("Fighting intensifies"))
    }

    @Test func relatedArticlesBylinesDatelinesAndOriginalURLsAreDropped() {
        let text = all("004")
        for chrome in ["Related article", "Heavy Shelling and Civilian Casualties Dash", "Original url", "themoscowtimes.com",
                       "By Aris Messinis", "October 12, 2020"] {
            #expect(!text.contains(chrome), "\(chrome) survived cleaning")
        }
        #expect(!all("000").contains("IBT Media"))
    }

    @Test func gluedPhotoCreditsSplitCaptionsAndAreRemoved() {
        let captions = seedPassages("000").filter { $0.kind == .caption }.map(\.text)
        #expect(captions.contains("Gevorg Grigoryan, 12, who was wounded in shelling, receives treatment at a hospital in Nagorno Karabakh's main city of Stepanakert on 2 April"))
        #expect(captions.contains("An Armenian volunteer is seen in the town of Askeran on 2 April"))
        #expect(captions.contains("Armenian volunteers in Yerevan select helmets as they prepare to leave for the Nagorno-Karabakh region, on 3 April"))
        #expect(captions.contains("A soldier of the self-defence army of Nagorno-Karabakh carries weapons in Martakert province on 4 April"))
        for credit in ["Balayan", "PAN Photo", "Reuters", "/AFP", "Baghdasaryan", "Khachatryan"] {
            #expect(!captions.contains { $0.contains(credit) }, "credit \(credit) left in a caption")
        }
        #expect(captions.count >= 20)
    }

    @Test func trailingCreditsMakeCaptions() {
        let first = seedPassages("001")[0]
        #expect(first.kind == .caption)
        #expect(first.text == "A house which was damaged during clashes between Armenian and Azeri forces is seen in Nagorno-Karabakh region, which is controlled by separatist Armenians.")
        let drone = seedPassages("003").filter { $0.text.hasPrefix("Aerial footage") }
        #expect(drone.count == 1)
        #expect(drone.first?.kind == .caption)
        #expect(drone.first.map { !$0.text.contains(" - ") } == true)
        let moscow = seedPassages("004")[0]
        #expect(moscow.kind == .caption)
        #expect(moscow.text.hasPrefix("Repeated clashes over the weekend"))
        #expect(!all("004").contains("Sharifulin"))
    }

    @Test func aSentenceBrokenAcrossParagraphsIsJoined() {
        #expect(texts("004").contains { $0.contains("a regional conflict with Turkey backing Azerbaijan") })
    }

    @Test func seedPassageCounts() {
        // Pinned so that a change in cleaning shows up here; recount by hand when a rule changes.
        #expect(seedPassages("000").count == 28)
        #expect(seedPassages("001").count == 21)
        #expect(seedPassages("002").count == 22)
        #expect(seedPassages("003").count == 20)
        #expect(seedPassages("004").count == 29)
    }

    @Test func titlesAreMetadataNotPassages() {
        let cleaned = cleaner.clean(MarkdownFormat().content(of: "# The Headline\n\nBody text that is long enough to stay here.", firstLine: 1).blocks, title: "")
        #expect(cleaned.derivedTitle == "The Headline")
        #expect(cleaned.paragraphs.map(\.text) == ["Body text that is long enough to stay here."])
    }

    @Test func linesSplitOnBytesAsOnCharacters() {
        // Line splitting walks UTF-8 bytes; it must cut exactly where splitting by Character
        // does (a line feed is a grapheme of its own), empty and combining-mark lines included.
        let samples = ["", "\n", "one", "one\n", "\none\n\ntwo", "a\n\u{301}accent\né\n\n", "🇦🇲\n🇦🇿\nend", "no break at all"]
        for sample in samples {
            #expect(sample.lines() == sample.split(separator: "\n", omittingEmptySubsequences: false), "\(sample.debugDescription)")
        }
    }
}

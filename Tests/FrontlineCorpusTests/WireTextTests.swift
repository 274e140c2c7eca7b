import Testing
@testable import FrontlineCorpus

/// Agency and newspaper furniture in the forms AP, Reuters, AFP, the Guardian, the BBC and
/// NBC print it. The fixtures are written here, in those forms (no agency's text is copied):
/// every credit, notice and byline is dropped, a caption is a caption only when it is one,
/// and no sentence beside them is lost.
@Suite struct WireTextTests {
    private func cleaned(_ text: String) -> [Paragraph] {
        TextCleaner().clean(PlainTextFormat().content(of: text, firstLine: 1).blocks, title: "").paragraphs
    }

    private let chrome = ["AP Photo", "Follow AP", "apnews.com", "contributed to this report", "Photograph:", "Getty",
                          "REUTERS/", "Reporting by", "Editing by", "Our Standards", "Image source", "Related", "Libkos"]

    private func expectNoChrome(_ paragraphs: [Paragraph], _ form: String) {
        for paragraph in paragraphs {
            for word in chrome { #expect(!paragraph.text.contains(word), "\(form): \"\(word)\" left in \(paragraph.text)") }
        }
    }

    /// An AP story as its page gives it: dateline, a captioned photo with its credit, the
    /// writers' credit and the "Follow AP's coverage" line.
    private let ap = [
        "KYIV, Ukraine (AP) — Russian missiles struck apartment buildings in the southern city overnight, killing at least 13 people, Ukrainian officials said Sunday.",
        "A rescuer works at the site of a destroyed building in the city, Ukraine, Sunday, Oct. 9, 2022. (AP Photo/Leo Correa)",
        "The regional governor said 89 people were wounded and that rescuers were still searching the rubble for survivors of the strike.",
        "Kyiv's mayor said the capital had not been hit, but air raid sirens sounded across the country for the third night in a row.",
        "Associated Press writers Hanna Arhirova in Kyiv and Jamey Keaten in Geneva contributed to this report.",
        "_ Follow AP's coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine",
    ]

    @Test func apCreditsAndFollowLinesAreDroppedAndOnlyThePhotoIsACaption() {
        let paragraphs = cleaned(ap.joined(separator: "\n\n"))
        expectNoChrome(paragraphs, "AP")
        #expect(paragraphs.map(\.kind) == [.body, .caption, .body, .body])
        #expect(paragraphs[1].text == "A rescuer works at the site of a destroyed building in the city, Ukraine, Sunday, Oct. 9, 2022.")
    }

    @Test func anAPPageFlattenedToOneLineKeepsItsBodyAsBody() {
        // Long enough to be sorted a sentence at a time.
        let line = (ap.prefix(4) + ap.prefix(4).dropFirst().map { $0.replacingOccurrences(of: "the", with: "that") } + ap.suffix(2)).joined(separator: " ")
        #expect(line.split(separator: " ").count > TextCleaner.longLineWords)
        let paragraphs = cleaned(line)
        expectNoChrome(paragraphs, "AP on one line")
        let captions = paragraphs.filter { $0.kind == .caption }.map(\.text)
        #expect(captions.count == 2)
        #expect(captions.allSatisfy { $0.hasPrefix("A rescuer works") })
        let body = paragraphs.filter { $0.kind == .body }.map(\.text).joined(separator: " ")
        #expect(body.contains("KYIV, Ukraine (AP) — Russian missiles struck"))
        #expect(body.contains("rescuers were still searching the rubble"))
        #expect(body.contains("air raid sirens sounded"))
    }

    @Test func reutersAFPAndNBCCreditsAndBylinesAreDropped() {
        let paragraphs = cleaned([
            "KYIV, May 14 (Reuters) - Ukraine said on Saturday its forces had pushed Russian troops back from the outskirts of Kharkiv.",
            "Ukrainian servicemen fire a howitzer near Kharkiv, Ukraine May 13, 2022. REUTERS/Ricardo Moraes",
            "Reporting by Pavel Polityuk and Natalia Zinets; additional reporting by Tom Balmforth; Writing by Michael Perry; Editing by Daniel Wallis",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Ukrainian soldiers walk near the front line in the Donetsk region on Friday. Anatolii Stepanov / AFP via Getty Images",
            "Kyiv (AFP) - Ukraine's president said on Sunday that the fighting in the east was the hardest of the war.",
        ].joined(separator: "\n\n"))
        expectNoChrome(paragraphs, "Reuters, AFP, NBC")
        #expect(paragraphs.map(\.kind) == [.body, .caption, .caption, .body])
        #expect(paragraphs[2].text == "Ukrainian soldiers walk near the front line in the Donetsk region on Friday.")
    }

    @Test func guardianCreditsAndRelatedLinksGoWithoutTheSentenceAfterThem() {
        let paragraphs = cleaned([
            "Ukrainian forces have pushed Russian troops back from the outskirts of Kharkiv, the defence ministry said on Saturday.",
            "Ukrainian soldiers ride a tank near Kharkiv. Photograph: Sergey Bobok/AFP/Getty Images",
            "Related: Russia-Ukraine war: what we know on day 80 of the invasion",
            "The ministry said 23 settlements had been retaken in the past week.",
            "Related: Russia-Ukraine war: what we know on day 81 of the invasion Officials in Kharkiv said 12 civilians had been killed in shelling since Friday.",
            "A firefighter at a burning warehouse on the edge of the city. Photograph: Libkos/AP",
        ].joined(separator: "\n\n"))
        expectNoChrome(paragraphs, "Guardian")
        #expect(paragraphs.map(\.text) == [
            "Ukrainian forces have pushed Russian troops back from the outskirts of Kharkiv, the defence ministry said on Saturday.",
            "Ukrainian soldiers ride a tank near Kharkiv.",
            "The ministry said 23 settlements had been retaken in the past week.",
            "Officials in Kharkiv said 12 civilians had been killed in shelling since Friday.",
            "A firefighter at a burning warehouse on the edge of the city.",
        ])
        #expect(paragraphs.map(\.kind) == [.body, .caption, .body, .body, .caption])
    }

    @Test func bbcImageSourcesAndCaptionsAreToldApart() {
        let paragraphs = cleaned([
            "Image source, Getty Images",
            "Image caption, Firefighters work at the scene of a strike in Kyiv",
            "Russian drones hit energy infrastructure in the capital overnight, the city's mayor said.",
            "Related Topics",
        ].joined(separator: "\n\n"))
        expectNoChrome(paragraphs, "BBC")
        #expect(paragraphs.map(\.kind) == [.caption, .body])
        #expect(paragraphs.first?.text == "Firefighters work at the scene of a strike in Kyiv")
    }

    @Test func aBodyParagraphBeforeAStandaloneCreditStaysBodyWhenLong() {
        let long = Array(repeating: "The shelling went on through the night and the governor said the toll was rising.", count: 6).joined(separator: " ")
        let paragraphs = cleaned([long, "Valery Sharifulin / TASS"].joined(separator: "\n\n"))
        #expect(paragraphs.map(\.kind) == [.body])
    }

    @Test func aCaptionThatRepeatsABodySentenceIsNotKeptTwice() {
        let paragraphs = cleaned([
            "Rescuers search the rubble of a school in the city, Tuesday, March 7, 2023. (AP Photo/Leo Correa)",
            "KYIV, Ukraine (AP) — Officials said five people were killed. Rescuers search the rubble of a school in the city, Tuesday, March 7, 2023. The search went on into the night.",
        ].joined(separator: "\n\n"))
        #expect(paragraphs.map(\.kind) == [.body])
        #expect(paragraphs.first?.text.contains("Rescuers search the rubble") == true)
    }
}

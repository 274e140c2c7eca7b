import EngineTestSupport
import Foundation
import FrontlineCorpus
import Testing
@testable import FrontlineEngine

/// The stored record's hand-written JSON encoder against the standard decoder.
@Suite struct StoredPassageTests {
    static let awkward = [
        "plain", "", "\"quoted\" and \\\\back\\\\slashed\\\\", "line\nbreak\ttab\r", "\u{1B}[2J\u{07}\u{0}\u{1F}\u{7F}\u{9B}",
        "Թալիշ — Talış — Таліш 🇦🇲 e\u{301}", "{\"json\": [1, 2]}", "\\u0041 not an escape", "\u{2028}\u{2029}",
    ]

    @Test(arguments: awkward)
    func everyFieldSurvivesTheRoundTrip(_ value: String) throws {
        var article = Article(id: "id " + value, title: "title " + value, source: "source " + value, url: "url " + value, body: "", file: "f.txt")
        article.date = CalendarDate(year: 2016, month: 4, day: 2)
        var tags = Tagger.Tags()
        tags.sides = ["side " + value, "armenia"]
        tags.claimants = [value]
        tags.actors = ["actor " + value]
        tags.places = [value, value + "2"]
        let figures = [
            Figure(count: .init(value: 31, min: 31, max: 310, approximate: false), category: "killed", item: nil, subject: "soldiers",
                   side: "side " + value, claimants: [value, "armenia"], text: "31 " + value, period: nil),
            Figure(count: .init(value: 61, min: 24, max: 99, approximate: true), category: "equipment", item: "rocket " + value, subject: nil,
                   side: nil, claimants: [], text: value, period: "1990s"),
        ]
        let passage = Passage(ordinal: 7, kind: .caption, text: "text " + value, tags: tags, eventDates: [CalendarDate(year: 2016, month: 4, day: 1)!],
                              figures: figures)
        let stored = StoredPassage(passage, of: article)
        let decoded = try StoredPassage.decode(stored.json())
        #expect(decoded == stored)
        #expect(decoded.text == "text " + value && decoded.article == "id " + value && decoded[.place] == [value, value + "2"])
        #expect(decoded.figures == figures)
        // What the encoder writes is JSON any parser reads.
        #expect(try JSONSerialization.jsonObject(with: Data(stored.json().utf8)) is [String: Any])
    }
}

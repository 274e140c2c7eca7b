import Testing
@testable import FrontlineCorpus

@Suite struct PassageTests {
    let splitter = PassageSplitter()

    private func sentence(_ n: Int, words: Int) -> String {
        (0..<words - 1).map { "w\(n)x\($0)" }.joined(separator: " ") + " end\(n)."
    }

    @Test func shortParagraphsAreOnePassage() {
        #expect(splitter.split("One short paragraph. Two sentences.") == ["One short paragraph. Two sentences."])
    }

    @Test func longParagraphsSplitAtSentencesIntoWindows() {
        let paragraph = (0..<12).map { sentence($0, words: 20) }.joined(separator: " ") // 240 words
        let windows = splitter.split(paragraph)
        #expect(windows.count >= 3)
        for window in windows {
            let count = window.split(separator: " ").count
            #expect((40...100).contains(count), "window of \(count) words")
            #expect(window.hasSuffix("."))
        }
        #expect(windows.joined(separator: " ") == paragraph)
    }

    @Test func aSentenceLongerThanAWindowIsCutAtWords() {
        let paragraph = sentence(0, words: 250)
        let windows = splitter.split(paragraph)
        #expect(windows.allSatisfy { $0.split(separator: " ").count <= 100 })
        #expect(windows.joined(separator: " ") == paragraph)
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        let words = "Mr. Macron met U.S. officials on Oct. 5 in Paris. Then he left.".split(separator: " ")
        #expect(splitter.sentences(words).count == 2)
    }

    @Test func passagesCarryOrdinalsAndKinds() {
        let passages = seedPassages("004")
        #expect(passages.map(\.ordinal) == Array(0..<passages.count))
        #expect(Set(passages.map(\.kind)) == [.caption, .body, .headline])
    }
}

import Foundation
import Testing
@testable import FrontlineCorpus

/// Scores figure extraction on the shipped corpus against the figures and traps coded by
/// hand in `Tests/judged/figures.tsv`.
@Suite struct FigureJudgementTests {
    /// One hand-coded figure.
    struct Judged {
        var article: String, passage: Int, low: Int, high: Int, category: String, what: String?, side: String?, claimant: String?, words: String

        /// True if `figure` has this count and category.
        func counts(_ figure: Figure) -> Bool {
            figure.category == category && (low == high ? figure.count.value == low : figure.count.min == low && figure.count.max == high)
        }
    }

    /// The judged figures and traps (article prefix, passage, number).
    static func judgements() throws -> (figures: [Judged], traps: [(article: String, passage: Int, number: Int, words: String)]) {
        let text = try String(contentsOfFile: Repository.root + "/Tests/judged/figures.tsv", encoding: .utf8)
        var figures: [Judged] = [], traps: [(String, Int, Int, String)] = []
        func optional(_ field: Substring) -> String? { field == "-" ? nil : String(field) }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f[0] == "figure" {
                let bounds = f[3].components(separatedBy: "..").map { Int($0)! }
                figures.append(Judged(article: String(f[1]), passage: Int(f[2])!, low: bounds[0], high: bounds.last!, category: String(f[4]),
                                      what: optional(f[5]), side: optional(f[6]), claimant: optional(f[7]), words: String(f[8])))
            } else {
                traps.append((String(f[1]), Int(f[2])!, Int(f[3])!, String(f[4])))
            }
        }
        return (figures, traps)
    }

    /// The figures extracted from each passage of each shipped article, by article prefix.
    static func extracted() -> [String: [Passage]] {
        let processor = ArticleProcessor(gazetteer: shippedGazetteer, figures: shippedLexicon)
        var passages: [String: [Passage]] = [:]
        for prefix in ["000", "001", "002", "003", "004"] { passages[prefix] = processor.process(seedArticle(prefix)).passages }
        return passages
    }

    @Test func theJudgedSetIsLargeEnoughAndCoversEveryArticle() throws {
        let (figures, traps) = try Self.judgements()
        #expect(figures.count >= 30)
        #expect(traps.count >= 10)
        #expect(Set(figures.map(\.article)) == ["000", "001", "002", "003", "004"])
    }

    @Test func extractionMeetsTheJudgedScores() throws {
        let (judged, traps) = try Self.judgements()
        let passages = Self.extracted()
        var found = 0, attributed = 0
        var misses: [String] = [], misattributed: [String] = []
        var used: [String: Set<Int>] = [:] // extracted figures already matched, by "article#passage"
        for j in judged {
            let key = "\(j.article)#\(j.passage)"
            let figures = passages[j.article]![j.passage].figures
            // Where a passage has several figures of one count and category (one tank, one
            // helicopter), the one agreeing most with the judgement, each matched once.
            func agreement(_ f: Figure) -> Int {
                ((f.item ?? f.subject) == j.what ? 4 : 0) + (f.side == j.side ? 2 : 0) + (f.claimants.first == j.claimant ? 1 : 0)
            }
            let candidates = figures.indices.filter { j.counts(figures[$0]) && !used[key, default: []].contains($0) }
            guard let best = candidates.max(by: { agreement(figures[$0]) < agreement(figures[$1]) }) else {
                misses.append("\(key) \(j.low) \(j.category): \(j.words)")
                continue
            }
            used[key, default: []].insert(best)
            let figure = figures[best]
            found += 1
            if figure.side == j.side && figure.claimants.first == j.claimant {
                attributed += 1
            } else {
                misattributed.append("\(key) \(j.words): side \(figure.side ?? "-") (judged \(j.side ?? "-")), claimant \(figure.claimants.first ?? "-") (judged \(j.claimant ?? "-"))")
            }
        }
        let recall = Double(found) / Double(judged.count), attribution = Double(attributed) / Double(max(1, found))
        print("figures: count+category recall \(found)/\(judged.count) = \(String(format: "%.3f", recall)); side+claimant right on \(attributed)/\(found) = \(String(format: "%.3f", attribution))")
        misses.forEach { print("  missed: \($0)") }
        misattributed.forEach { print("  misattributed: \($0)") }
        #expect(recall >= 0.9, "missed: \(misses)")
        #expect(attribution >= 0.8, "misattributed: \(misattributed)")
        for trap in traps {
            let figures = passages[trap.article]![trap.passage].figures
            #expect(!figures.contains { $0.count.value == trap.number }, "trap \(trap.article)#\(trap.passage) \(trap.number) (\(trap.words)): \(figures.map(\.text))")
        }
    }
}

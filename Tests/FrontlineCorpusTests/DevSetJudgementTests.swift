import Foundation
import Testing
@testable import FrontlineCorpus

/// Scores figure extraction on the development sets of real text about other wars
/// (`Tests/judged/README.md`: FA-KES reports of the Syrian war; Wikipedia on the Russian
/// invasion of Ukraine) against the figures and traps coded by hand for each, the way
/// `FigureJudgementTests` scores the shipped corpus, except that a figure is matched anywhere
/// in its article.
@Suite struct DevSetJudgementTests {
    static let folder = Repository.root + "/Tests/judged"

    /// One development set: its articles, its judgements, the prefix of its article ids.
    struct DevSet {
        var articles: String, judgements: String, prefix: String
        static let fakes = DevSet(articles: "fakes-dev.jsonl", judgements: "fakes-figures.tsv", prefix: "fakes-")
        static let ukraine = DevSet(articles: "ukraine-dev.jsonl", judgements: "ukraine-figures.tsv", prefix: "ukr-")
    }

    /// One hand-coded figure of an article.
    struct Judged {
        var article: String, low: Int, high: Int, category: String, what: String?, side: String?, claimant: String?, words: String

        /// True if `figure` has this count and category.
        func counts(_ figure: Figure) -> Bool {
            figure.category == category && (low == high ? figure.count.value == low : figure.count.min == low && figure.count.max == high)
        }
    }

    /// The judged figures and traps.
    static func judgements(_ set: DevSet = .fakes) throws -> (figures: [Judged], traps: [(article: String, number: Int, words: String)]) {
        let text = try String(contentsOfFile: folder + "/" + set.judgements, encoding: .utf8)
        var figures: [Judged] = [], traps: [(String, Int, String)] = []
        func optional(_ field: Substring) -> String? { field == "-" ? nil : String(field) }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f[0] == "figure" {
                let bounds = f[2].components(separatedBy: "..").map { Int($0)! }
                figures.append(Judged(article: String(f[1]), low: bounds[0], high: bounds.last!, category: String(f[3]),
                                      what: optional(f[4]), side: optional(f[5]), claimant: optional(f[6]), words: String(f[7])))
            } else {
                traps.append((String(f[1]), Int(f[2])!, String(f[3])))
            }
        }
        return (figures, traps)
    }

    /// Every figure extracted from each article of the set, by its id without the set's prefix.
    static func extracted(_ set: DevSet, gazetteer: Gazetteer) -> [String: [Figure]] {
        let processor = ArticleProcessor(gazetteer: gazetteer, figures: shippedLexicon)
        var figures: [String: [Figure]] = [:]
        CorpusReader().read([folder + "/" + set.articles]) { event in
            guard case .article(let article) = event else { return }
            figures[String(article.id.dropFirst(set.prefix.count))] = processor.process(article).passages.flatMap(\.figures)
        }
        return figures
    }

    /// Recall, side+claimant accuracy and the traps extracted, printed with every miss.
    struct Score {
        var found = 0, attributed = 0, judged = 0, trapsHit: [String] = []
        var recall: Double { Double(found) / Double(max(1, judged)) }
        var attribution: Double { Double(attributed) / Double(max(1, found)) }
    }

    static func score(_ set: DevSet = .fakes, gazetteer: Gazetteer, name: String) throws -> Score {
        let (judged, traps) = try judgements(set)
        let extracted = extracted(set, gazetteer: gazetteer)
        var score = Score(judged: judged.count)
        var misses: [String] = [], misattributed: [String] = []
        var used: [String: Set<Int>] = [:]
        for j in judged {
            let figures = extracted[j.article] ?? []
            func agreement(_ f: Figure) -> Int {
                ((f.item ?? f.subject) == j.what ? 4 : 0) + (f.side == j.side ? 2 : 0) + (f.claimants.first == j.claimant ? 1 : 0)
            }
            let candidates = figures.indices.filter { j.counts(figures[$0]) && !used[j.article, default: []].contains($0) }
            guard let best = candidates.max(by: { agreement(figures[$0]) < agreement(figures[$1]) }) else {
                misses.append("\(j.article) \(j.low) \(j.category): \(j.words)")
                continue
            }
            used[j.article, default: []].insert(best)
            let figure = figures[best]
            score.found += 1
            if figure.side == j.side && figure.claimants.first == j.claimant {
                score.attributed += 1
            } else {
                misattributed.append("\(j.article) \(j.words): side \(figure.side ?? "-") (judged \(j.side ?? "-")), claimant \(figure.claimants.first ?? "-") (judged \(j.claimant ?? "-"))")
            }
        }
        for trap in traps where (extracted[trap.article] ?? []).contains(where: { $0.count.value == trap.number }) {
            score.trapsHit.append("\(trap.article) \(trap.number) (\(trap.words))")
        }
        print("dev set (\(name)): count+category recall \(score.found)/\(score.judged) = \(String(format: "%.3f", score.recall)); side+claimant right on \(score.attributed)/\(score.found) = \(String(format: "%.3f", score.attribution)); traps extracted \(score.trapsHit.count)/\(traps.count)")
        misses.forEach { print("  missed: \($0)") }
        misattributed.forEach { print("  misattributed: \($0)") }
        score.trapsHit.forEach { print("  trap: \($0)") }
        return score
    }

    @Test func theDevSetIsLargeEnough() throws {
        let (figures, traps) = try Self.judgements()
        #expect(figures.count >= 100)
        #expect(traps.count >= 20)
        #expect(Set(figures.map(\.article)).count >= 40)
    }

    /// With the gazetteer a user wrote for the war (`syria-gazetteer.json`) over the world base.
    /// Before this set's rules: recall 104/138 = 0.754, side+claimant 56/104 = 0.538, no trap.
    /// (Figures found and not attributed count against the share: the bar is on both.)
    @Test func extractionWithTheWarsGazetteerHoldsItsScores() throws {
        let gazetteer = try Gazetteer.load(path: Self.folder + "/syria-gazetteer.json").0.extended(by: worldBase)
        let score = try Self.score(gazetteer: gazetteer, name: "syria-gazetteer.json over the world base")
        // Recall 120/138 = 0.870 with the first rules of issue 23; 123/138 = 0.891 with those
        // written against the second set (dates after a comma, bare counts after the verb).
        #expect(score.found >= 123)
        // 74/120 before the second set's rules, 76/123 = 0.618 after them.
        #expect(score.attribution >= 0.615)
        #expect(score.attributed >= 76)
        #expect(score.trapsHit.isEmpty)
    }

    /// With no gazetteer, the world base alone, as `frontline index` runs without one (before
    /// the base, it fell back to the shipped Karabakh gazetteer: side+claimant 40/104 = 0.385).
    /// The sides coded are the war's camps, which the base cannot know: what is scored here is
    /// that the base does no harm where it cannot help.
    @Test func extractionWithTheWorldBaseAloneHoldsItsScores() throws {
        let score = try Self.score(gazetteer: worldBase.gazetteer, name: "world base alone")
        #expect(score.found >= 123)
        #expect(score.attributed >= 47) // 45/120 before the second set's rules
        #expect(score.trapsHit.isEmpty)
    }

    @Test func theUkraineSetIsLargeEnough() throws {
        let (figures, traps) = try Self.judgements(.ukraine)
        #expect(figures.count >= 100)
        #expect(traps.count >= 40)
        #expect(Set(figures.map(\.article)).count >= 40)
    }

    /// The second set, with the gazetteer a user wrote for that war (`ukraine-gazetteer.json`).
    /// Coded before any rule was changed for it: recall 78/102 = 0.765, side+claimant 54/78 =
    /// 0.692, 5 of 59 traps extracted (two of them, missiles and rockets fired, were mis-coded
    /// and are no longer traps: the lexicon counts them as attacks).
    @Test func extractionOnTheUkraineSetHoldsItsScores() throws {
        let gazetteer = try Gazetteer.load(path: Self.folder + "/ukraine-gazetteer.json").0.extended(by: worldBase)
        let score = try Self.score(.ukraine, gazetteer: gazetteer, name: "ukraine-gazetteer.json over the world base")
        #expect(score.found >= 99) // 0.971
        #expect(score.attributed >= 87) // 0.879
        #expect(score.trapsHit.isEmpty)
    }

    /// The second set with the world base alone (before: 78 found, 26 attributed): the sides
    /// coded are the war's two camps, which the base cannot know (every state is a side).
    @Test func extractionOnTheUkraineSetWithTheWorldBaseAlone() throws {
        let score = try Self.score(.ukraine, gazetteer: worldBase.gazetteer, name: "ukraine set, world base alone")
        #expect(score.found >= 99)
        #expect(score.attributed >= 42)
        #expect(score.trapsHit.isEmpty)
    }
}

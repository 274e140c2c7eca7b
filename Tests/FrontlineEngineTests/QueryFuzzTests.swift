import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineEngine

/// A small deterministic generator (SplitMix64), so a failing case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random and adversarial queries: each gives results or a clear query error,
/// never a crash or another kind of failure, and each ends within a bound.
///
/// FRONTLINE_FUZZ_QUERIES sets how many (default 400; the long run in README uses 100000),
/// FRONTLINE_FUZZ_SEED the seed; FRONTLINE_FUZZ_TRACE=1 prints each query before it runs.
@Suite struct QueryFuzzTests {
    static let pieces = [
        "Talish", "Talysh", "Azeri", "ceasefire", "Putin", "\"", "(", ")", "AND", "OR", "NOT", "XOR", "NEAR", "NEAR/999999",
        "ADJ/3", "*", "Stepan*", "+", "-", "~", "side:", "side:armenia", "claimant:Kremlin", "actor:\"Vladimir Putin\"",
        "place:", "source:x", "title:", "title:ceasefire", "kind:caption", "nosuch:field", "date:", "date:2016",
        "date:2016-04", "date:2016-04-01..2016-04-07", "date:2020..2016", "date:..", "date:2016-02-30", "date:9999-99",
        "..", "\u{0}", "\u{1B}[31m", "\u{7}", "\t", "é", "Ա", "ب", "🙂", "&&", "||", "\\", "'", "’", ":", "::", "a..b",
    ]

    static func query(_ rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: return String(repeating: "x", count: Int.random(in: 1_000...10_000, using: &rng))
        case 1: return (0..<Int.random(in: 1...400, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " ")
        case 2: return String((0..<Int.random(in: 1...40, using: &rng)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0...127, using: &rng))) })
        default:
            return (0..<Int.random(in: 1...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined(separator: Bool.random(using: &rng) ? " " : "")
        }
    }

    @Test func randomQueriesNeverFailOtherThanWithAQueryError() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["FRONTLINE_FUZZ_QUERIES"] ?? "") ?? 400
        var rng = SeededGenerator(state: UInt64(environment["FRONTLINE_FUZZ_SEED"] ?? "") ?? 20_160_402)
        let searcher = try Searcher(locations: [try #require(seedIndex, "the shipped corpus could not be indexed")])
        let trace = environment["FRONTLINE_FUZZ_TRACE"] != nil
        var answered = 0, rejected = 0, slowest = 0.0
        for number in 0..<count {
            let text = QueryFuzzTests.query(&rng)
            if trace { FileHandle.standardError.write(Data("query \(number): \(text.debugDescription)\n".utf8)) }
            var request = SearchRequest(query: text)
            request.perArticle = Bool.random(using: &rng)
            request.sort = SortOrder.allCases.randomElement(using: &rng)!
            let started = Date()
            do {
                let result = try searcher.search(request)
                #expect(result.total >= result.hits.count)
                answered += 1
            } catch SearchError.query(let problem, let hint) {
                #expect(!problem.isEmpty && !hint.isEmpty)
                rejected += 1
            } catch {
                Issue.record("query \(text.debugDescription.prefix(200)) failed with \(error)")
            }
            slowest = max(slowest, Date().timeIntervalSince(started))
        }
        #expect(answered + rejected == count)
        #expect(slowest < 5, "the slowest query took \(slowest) s")
        print("query fuzz: \(count) queries, \(answered) answered, \(rejected) rejected with a query error, slowest \(String(format: "%.3f", slowest)) s")
    }
}

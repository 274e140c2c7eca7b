import ArgumentParser
import Foundation
import FrontlineEngine

/// `frontline show`: an article's passages with their tags.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an article's cleaned passages and tags, marking one passage (ARTICLE#PASSAGE).",
        discussion: "Exit status: 0 shown; 4 no index; 7 no such article or other failure."
    )

    @Argument(help: ArgumentHelp("An article id, optionally with #PASSAGE, as search prints it.", valueName: "ARTICLE[#PASSAGE]"))
    var target: String
    @OptionGroup var index: IndexLocations
    @Option(help: "With #PASSAGE: how many passages to show on each side of it (default: all).")
    var context: Int?
    @Flag(help: "Print JSON.")
    var json = false
    @Flag(help: "No colour.")
    var noColor = false

    func run() throws {
        let style = Style.forStandardOutput(disabled: noColor || json)
        let (id, marked) = split(target)
        let (passages, labels) = try reportingFailures {
            let searcher = try Searcher(locations: index.resolved)
            var passages = try searcher.article(id)
            if passages.isEmpty, marked != nil {
                passages = try searcher.article(target) // an id that itself contains '#'
            }
            return (passages, searcher.labels)
        }
        guard let first = passages.first else {
            complain("no article \"\(id)\" in the index; 'frontline search' prints article ids as ID#PASSAGE")
            throw ExitCode(Status.failure)
        }
        var shown = passages
        if let marked, let context {
            shown = passages.filter { abs($0.ordinal - marked) <= context }
        }
        if json {
            print(try jsonString(shown))
            return
        }
        print(style.bold(first.title.isEmpty ? first.article : first.title))
        print(style.dim([first.article, first.date, first.source, first.url].filter { !$0.isEmpty }.joined(separator: " · ")))
        for p in shown {
            let isMarked = p.ordinal == marked
            let marker = isMarked ? style.yellow("▶") : " "
            var tags: [String] = []
            if !p.sides.isEmpty { tags.append("sides: " + p.sides.map(labels.label).joined(separator: ", ")) }
            if !p.claimants.isEmpty { tags.append("claimants: " + p.claimants.map(labels.label).joined(separator: ", ")) }
            if !p.actors.isEmpty { tags.append("actors: " + p.actors.map(labels.label).joined(separator: ", ")) }
            if !p.places.isEmpty { tags.append("places: " + p.places.map(labels.label).joined(separator: ", ")) }
            if !p.eventDates.isEmpty { tags.append("dates: " + p.eventDates.joined(separator: ", ")) }
            print("")
            print("\(marker) \(style.dim("#\(p.ordinal) \(p.kind)"))  \(style.cyan(tags.joined(separator: " · ")))")
            let text = wrap(p.text, width: 100, indent: 4)
            print("    " + (isMarked ? style.bold(text) : text))
        }
    }

    private func split(_ target: String) -> (String, Int?) {
        if let hash = target.lastIndex(of: "#"), let ordinal = Int(target[target.index(after: hash)...]) {
            return (String(target[..<hash]), ordinal)
        }
        return (target, nil)
    }
}

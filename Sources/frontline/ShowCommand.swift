import ArgumentParser
import Foundation
import FrontlineEngine
import FrontlineOptions

/// `frontline show`: an article's passages with their tags.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an article's cleaned passages and tags, marking one passage (ARTICLE#PASSAGE).",
        discussion: Status.help([.success, .noIndex, .failure, .notFound, .usage])
    )

    /// The widest context asked for.
    static let maximumContext = 100_000

    @Argument(help: ArgumentHelp("An article id, optionally with #PASSAGE, as search prints it.", valueName: "ARTICLE[#PASSAGE]"))
    var target: String
    @OptionGroup var index: IndexLocations
    @Option(help: ArgumentHelp("The passage to mark, for an id that itself ends in #N (ARTICLE#PASSAGE reads the last #N as the passage).", valueName: "N"))
    var passage: Int?
    @Option(parsing: .unconditional, help: "With #PASSAGE: how many passages to show on each side of it (default: all).")
    var context: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let context, !(0...ShowCommand.maximumContext).contains(context) {
            throw ValidationError("--context must be between 0 and \(ShowCommand.maximumContext)")
        }
        if let passage, !(0...ShowCommand.maximumPassage).contains(passage) {
            throw ValidationError("--passage must be between 0 and \(ShowCommand.maximumPassage)")
        }
    }

    func run() throws {
        let style = output.style
        let (passages, labels, marked) = try reportingFailures { () -> ([StoredPassage], Labels, Int?) in
            let searcher = try Searcher(locations: index.resolved)
            if let passage { return (try searcher.article(target), searcher.labels, passage) }
            // An id may itself contain '#': the whole target is tried as an id first, and
            // when it also reads as another article's passage, the note says how to get that.
            let whole = try searcher.article(target)
            if !whole.isEmpty {
                if let (id, marked) = try? split(target), let marked, !(try searcher.article(id)).isEmpty {
                    complain("note: \(Excerpt.quoted(target)) is an article's id and also passage #\(marked) of \(Excerpt.quoted(id)); showing the article \(Excerpt.quoted(target)) (for the passage: frontline show \(Excerpt.quoted(id)) --passage \(marked))")
                }
                return (whole, searcher.labels, nil)
            }
            let (id, marked) = try split(target)
            return (try searcher.article(id), searcher.labels, marked)
        }
        let view: ArticleView
        do {
            view = try ArticleView(article: split(lenient: target), passages: passages, marked: marked, context: context)
        } catch {
            complain("\(error.message); \(error.hint)")
            throw Status.notFound.exit
        }
        let shown = view.passages, first = shown[0]
        if output.json {
            print(try jsonString(ArticlePassagesJSON(shown, marked: marked)))
            return
        }
        style.print(style.bold(first.title.isEmpty ? first.article : first.title))
        style.print(style.dim([first.article, first.date, first.source, first.url].filter { !$0.isEmpty }.joined(separator: " · ")))
        for p in shown {
            let isMarked = p.ordinal == marked
            let marker = isMarked ? style.yellow("▶") : " "
            var tags: [String] = []
            for facet in Facet.tags where !p[facet].isEmpty { tags.append("\(facet.plural): " + p[facet].map(labels.label).joined(separator: ", ")) }
            if !p.eventDates.isEmpty { tags.append("dates: " + p.eventDates.joined(separator: ", ")) }
            style.print("")
            style.print("\(marker) \(style.dim("#\(p.ordinal) \(p.kind)"))  \(style.cyan(tags.joined(separator: " · ")))")
            let text = wrap(p.text, width: 100, indent: 4)
            style.print("    " + (isMarked ? style.bold(text) : text))
            for figure in p.figures {
                style.print(style.dim("    figure: \(figure.summary(label: labels.label)) — \(Excerpt.quoted(figure.text, limit: 80))"))
            }
        }
    }

    /// `ID#N` as the id and the passage number; a passage part that is not a number in
    /// range is a command-line error.
    private func split(_ target: String) throws -> (String, Int?) {
        guard let hash = target.lastIndex(of: "#") else { return (target, nil) }
        let number = target[target.index(after: hash)...]
        guard let ordinal = Int(number), (0...ShowCommand.maximumPassage).contains(ordinal) else {
            throw ValidationError("the passage in \(Excerpt.quoted(target)) must be a number from 0 to \(ShowCommand.maximumPassage), as in ID#7")
        }
        return (String(target[..<hash]), ordinal)
    }

    /// The article id part of `target`, whatever follows its last '#'.
    private func split(lenient target: String) -> String {
        (try? split(target).0) ?? target
    }

    /// The highest passage number accepted.
    static let maximumPassage = 10_000_000
}

import ArgumentParser
import FrontlineOptions
import Foundation
import FrontlineCorpus
import FrontlineEngine

/// `frontline inspect`: how articles are cleaned, split, tagged and read for figures, without indexing.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how articles are cleaned, split into passages, tagged and read for figures, without indexing them.",
        discussion: HelpText.discussion("""
        Without indexing, shows each article as the indexer reads it: its passages with their
        tags (sides, claimants, actors, places…, dates) and figures. The gazetteer extends the
        world base (world.json beside it, else Corpus/world.json). The figure lexicon is
        --figures, else figures.json beside the gazetteer. With --text, prints only the text
        that is indexed, passage by passage with a blank line between (the title is metadata and
        not among them); with --out DIR, writes it to DIR/<name>.txt for each article instead,
        <name> being the file's name without its extension (or the article id, for files of many
        articles).
        """, statuses: [.success, .rejectedInput, .badGazetteer, .usage])
    )

    @Argument(help: "Corpus files or folders.")
    var paths: [String]
    @Option(help: ArgumentHelp("The gazetteer file (default: Corpus/gazetteer.json).", valueName: "FILE"))
    var gazetteer = "Corpus/gazetteer.json"
    @Option(help: ArgumentHelp("The figure lexicon (default: figures.json beside the gazetteer).", valueName: "FILE"))
    var figures: String?
    @Flag(help: "No colour.")
    var noColor = false
    @Flag(help: "Print only the text that is indexed, passages separated by blank lines.")
    var text = false
    @Option(help: ArgumentHelp("With --text, write each article's text to DIR/<name>.txt instead of printing it.", valueName: "DIR"))
    var out: String?

    func validate() throws {
        if out != nil && !text { throw ValidationError("--out is only used with --text") }
    }

    func run() throws {
        let style = Style.forStandardOutput(disabled: noColor)
        var (loaded, problems) = try reportingFailures { try Gazetteer.load(path: gazetteer) }
        if let basePath = WorldBaseLocation.find(besideGazetteer: gazetteer) {
            let (base, baseProblems) = try reportingFailures { try WorldBase.load(path: basePath) }
            loaded = loaded.extended(by: base)
            problems += baseProblems
        }
        problems.forEach { complain($0.description) }
        let lexiconPath = figures ?? FigureLexicon.path(besideGazetteer: gazetteer)
        var lexicon: FigureLexicon?
        if figures != nil || FileManager.default.fileExists(atPath: lexiconPath) {
            do { lexicon = try FigureLexicon.load(path: lexiconPath).0 } catch {
                complain("\(lexiconPath): the figure lexicon cannot be used: \(FileError.describe(error))")
                throw Status.badGazetteer.exit
            }
        }
        let processor = ArticleProcessor(gazetteer: loaded, figures: lexicon)
        if let out {
            do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                complain("\(out): the folder cannot be made: \(FileError.describe(error))")
                throw Status.usage.exit
            }
        }
        var rejected = false
        CorpusReader().read(paths) { event in
            switch event {
            case .article(let article) where text:
                let read = processor.text(of: article)
                read.diagnostics.forEach { complain($0.description); rejected = rejected || $0.severity == .error }
                let body = read.passages.map(\.text).joined(separator: "\n\n")
                if let out {
                    let path = (out as NSString).appendingPathComponent(InspectCommand.outputName(of: article) + ".txt")
                    do { try Data((body.isEmpty ? "" : body + "\n").utf8).write(to: URL(fileURLWithPath: path)) } catch {
                        complain("\(path): cannot be written: \(FileError.describe(error))")
                        rejected = true
                    }
                } else {
                    style.print(style.bold("\(article.id)") + "\n" + body + "\n")
                }
            case .article(let article):
                let processed = processor.process(article)
                processed.diagnostics.forEach { complain($0.description); rejected = rejected || $0.severity == .error }
                let a = processed.article
                style.print(style.bold("\(a.id): \(a.title.isEmpty ? "(no title)" : a.title)") + style.dim(" — \(a.date?.iso ?? "no date"), \(counted(processed.passages.count, "passage"))"))
                for p in processed.passages {
                    let tags = (Facet.tags.compactMap { facet in facet.kind.map { (facet.plural, p.tags[$0]) } } + [("dates", p.eventDates.map(\.iso))])
                        .filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1.joined(separator: ", "))" }.joined(separator: " · ")
                    style.print("  \(style.dim("#\(p.ordinal) \(p.kind)")) \(style.cyan(tags))")
                    style.print("    " + wrap(p.text, width: 100, indent: 4))
                    for figure in p.figures {
                        style.print(style.dim("    figure: \(figure.summary(label: { $0 }))\(figure.period.map { " · period: " + $0 } ?? "") — \"\(figure.text)\""))
                    }
                }
            case .diagnostic(let diagnostic):
                complain(diagnostic.description)
                rejected = rejected || diagnostic.severity == .error
            case .unreadable, .unreadableSource:
                break // reported by a diagnostic; nothing is indexed here
            }
        }
        if rejected { throw Status.rejectedInput.exit }
    }

    /// The name of an article's --out file: its file's name without the extension, or for a
    /// file of many articles its id, with path separators made underscores.
    static func outputName(of article: Article) -> String {
        let file = (article.file as NSString).lastPathComponent
        if case .onePerFile = ArticleFormats.format(ofPath: file)?.layout { return (file as NSString).deletingPathExtension }
        return article.id.replacingOccurrences(of: "/", with: "_")
    }
}

import ArgumentParser
import FrontlineOptions
import Foundation
import FrontlineCorpus
import FrontlineEngine

/// `frontline index`: build or update an index.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the index of a corpus (.txt, .md and .jsonl files, searched recursively).",
        discussion: HelpText.discussion("""
        A re-run indexes new and changed articles, removes articles no longer in PATH, and leaves
        the rest alone. It never removes what it could not see: a PATH that does not exist stops
        the run before anything changes; the articles of an unreadable file or folder are kept;
        and the articles of a PATH folder that is now empty, or more than half of the index at
        once, are only removed with --prune. The run commits in batches: a run killed at any
        moment leaves the index at its last commit, and the next run completes it. Problems with
        input files are reported as FILE:LINE: error|warning: MESSAGE on standard error; the rest
        is indexed.

        The gazetteer (sides, actors, places) is --gazetteer, else gazetteer.json in the first
        PATH folder; it extends the world base (world.json beside it, else Corpus/world.json:
        every state and the international bodies). With no gazetteer the base is used alone,
        every state a side. The index remembers the gazetteer it was tagged
        with: a run that would use another one (or none) stops unless --gazetteer or --rebuild
        is given. Figures (who claims how many killed, wounded, destroyed…) are read with the
        words of --figures, else figures.json beside the gazetteer; a new lexicon re-reads every
        article.
        """, statuses: [.success, .rejectedInput, .locked, .noIndex, .badGazetteer, .failure, .usage])
    )

    @Argument(help: "Corpus files or folders (default: Corpus).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("The index folder.", valueName: "DIR"))
    var index = "Index"

    @Flag(help: "Discard the existing index and build it anew.")
    var rebuild = false

    @Flag(help: "Remove indexed articles even when a PATH folder is now empty or more than half of the index would go.")
    var prune = false

    @Flag(help: "Follow symbolic links that lead out of the PATH folders (by default they are reported and skipped).")
    var followLinks = false

    @Option(parsing: .unconditional, help: "Writer threads, and shards of a new index (1 to 64; default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("The gazetteer file.", valueName: "FILE"))
    var gazetteer: String?

    @Option(help: ArgumentHelp("The figure lexicon (default: figures.json beside the gazetteer).", valueName: "FILE"))
    var figures: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Commit after about this many passages per shard (1 to 10000000; default: a twentieth of the shard, \(Batching.growingRange.lowerBound) to \(Batching.growingRange.upperBound)).",
        valueName: "N"))
    var batch: Int?

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Flag(name: [.short, .long], help: "Print only problems and the summary.")
    var quiet = false

    @Flag(help: "Print every warning (by default at most 5 of a kind per file).")
    var allWarnings = false

    func validate() throws {
        guard jobs >= 1, jobs <= 64 else { throw ValidationError("--jobs must be between 1 and 64") }
        if let batch, !(1...10_000_000).contains(batch) { throw ValidationError("--batch must be between 1 and 10000000") }
    }

    func run() throws {
        let corpus = paths.isEmpty ? ["Corpus"] : paths
        var options = Indexer.Options(paths: corpus, index: index)
        options.rebuild = rebuild
        options.jobs = jobs
        options.batching = batch.map(Batching.fixed) ?? .growing
        options.prune = prune
        options.followLinks = followLinks
        options.gazetteer = gazetteer ?? defaultGazetteer(for: corpus)
        options.worldBase = WorldBaseLocation.find(besideGazetteer: options.gazetteer)
        options.retag = gazetteer != nil || rebuild
        switch (options.gazetteer, options.worldBase) {
        case (nil, let base?):
            complain("note: no gazetteer given or in \(corpus[0]); tagging with the world base alone (\(base)): every state is a side, no conflict's camps, groups or places (write one with --gazetteer FILE)")
        case (nil, nil): complain("warning: no gazetteer and no world base (\(WorldBase.fileName)) found; passages will not be tagged (use --gazetteer FILE)")
        case (_?, nil): complain("warning: no world base (\(WorldBase.fileName)) found; only the gazetteer's names are known")
        case (_?, _?): break
        }
        options.figures = figures ?? (options.gazetteer ?? options.worldBase).flatMap(defaultFigureLexicon(beside:))
        if options.figures == nil { complain("warning: no figures.json beside the gazetteer; figures will not be read (use --figures FILE)") }

        let progress = ProgressDisplay(enabled: !quiet && !json)
        let diagnostics = DiagnosticPrinter(limit: allWarnings ? nil : 5, output: progress.print)
        let indexer = Indexer(options: options, onDiagnostic: diagnostics.print, onProgress: progress.update)
        let summary = try reportingFailures { try indexer.run() }
        diagnostics.finish()
        progress.finish()
        if json {
            print(try jsonString(summary))
        } else {
            Style(color: false).print(describe(summary))
        }
        if summary.articlesRejected > 0 || summary.errors > 0 { throw Status.rejectedInput.exit }
    }

    /// `figures.json` in the gazetteer's folder, if there is one.
    private func defaultFigureLexicon(beside gazetteer: String) -> String? {
        let candidate = FigureLexicon.path(besideGazetteer: gazetteer)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    private func defaultGazetteer(for corpus: [String]) -> String? {
        var isDirectory: ObjCBool = false
        if let first = corpus.first, FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory), isDirectory.boolValue {
            let candidate = (first as NSString).appendingPathComponent("gazetteer.json")
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    private func describe(_ s: IndexSummary) -> String {
        let megabytes = Double(s.indexBytes) / 1_048_576
        // The files as the user would name them: relative to the current folder when inside it.
        let here = FileManager.default.currentDirectoryPath + "/"
        func shown(_ path: String?) -> String? { path.map { $0.hasPrefix(here) ? String($0.dropFirst(here.count)) : $0 } }
        let read = s.readWith.map { ReadWith(gazetteer: shown($0.gazetteer), worldBase: shown($0.worldBase), figures: shown($0.figures)) }
        // Said only of an index that has copies.
        let copies = s.stories == 0 ? "" : "\ncopies:   \(counted(s.storyCopies, "article")) copying another, in \(counted(s.stories, "story", plural: "stories"))"
        return """
        articles: \(s.articlesAdded) added, \(s.articlesChanged) changed, \(s.articlesUnchanged) unchanged, \(s.articlesRemoved) removed, \(s.articlesRejected) rejected\(copies)
        passages: \(s.passagesAdded) added, \(s.passagesRemoved) removed, \(s.passagesTotal) in the index
        problems: \(counted(s.errors, "error")), \(counted(s.warnings, "warning"))
        index:    \(index) (\(counted(s.shards, "shard")), \(decimal(megabytes, places: 1)) MB) in \(decimal(s.seconds, places: 2)) s
        tagging:  \(read?.tagging ?? "-")
        figures:  \(read?.figureReading ?? "-")
        """
    }
}

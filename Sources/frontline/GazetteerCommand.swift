import ArgumentParser
import FrontlineOptions
import Foundation
import FrontlineCorpus

/// `frontline gazetteer`: tools for writing the gazetteer of a new conflict.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Check a conflict gazetteer, or draft one from a corpus.",
        subcommands: [GazetteerCheckCommand.self, GazetteerDraftCommand.self]
    )

    /// The schema's file name, looked for where the world base is (`WorldBaseLocation`).
    static let schemaFileName = "gazetteer.schema.json"

    /// How many unknown candidates of each kind are shown or drafted.
    static let candidateLimit = 20

    /// Reads `paths` as `frontline inspect` does, counting each article into `coverage`;
    /// true if some input was rejected. Problems go to standard error, at most five warnings
    /// of a kind per file unless `allWarnings`, as `frontline index` prints them.
    static func count(_ paths: [String], with gazetteer: Gazetteer, into coverage: inout GazetteerCoverage, allWarnings: Bool) -> Bool {
        let processor = ArticleProcessor(gazetteer: gazetteer, figures: nil)
        let printer = DiagnosticPrinter(limit: allWarnings ? nil : 5, output: complain)
        defer { printer.finish() }
        var rejected = false
        CorpusReader().read(paths) { event in
            switch event {
            case .article(let article):
                let processed = processor.process(article)
                processed.diagnostics.forEach { printer.print($0); rejected = rejected || $0.severity == .error }
                coverage.add(processed)
            case .diagnostic(let diagnostic):
                printer.print(diagnostic)
                rejected = rejected || diagnostic.severity == .error
            case .unreadable, .unreadableSource:
                break // reported by a diagnostic
            }
        }
        return rejected
    }

    /// The world base for a gazetteer at `gazetteer` (or for none), or nil if there is none.
    static func worldBase(besideGazetteer gazetteer: String?) throws -> (WorldBase, [Diagnostic])? {
        guard let path = WorldBaseLocation.find(besideGazetteer: gazetteer) else { return nil }
        return try reportingFailures { try WorldBase.load(path: path) }
    }
}

/// `frontline gazetteer check FILE [CORPUS...]`.
struct GazetteerCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a gazetteer against its schema and, given a corpus, show how much of it the gazetteer tags.",
        discussion: HelpText.discussion("""
        Validates FILE against the gazetteer's JSON Schema (gazetteer.schema.json, shipped in
        Corpus/), naming the JSON path of each problem, then loads it as indexing does and
        reports what loading finds (an actor of an unknown party, an alias of two entries).
        With CORPUS paths, reads them as `frontline inspect` does, with the gazetteer on top of
        the world base, and reports the share of passages with a side and with a claimant, and
        the most frequent names, demonyms, speakers and places the gazetteer does not know.
        """, statuses: [.success, .rejectedInput, .badGazetteer, .failure, .usage])
    )

    @Argument(help: "The gazetteer file.")
    var file: String
    @Argument(help: "Corpus files or folders to measure coverage on.")
    var corpus: [String] = []
    @OptionGroup var output: OutputOptions
    @Flag(help: "Print every warning about the corpus (default: at most 5 of a kind per file).")
    var allWarnings = false

    /// One problem: from the schema (with its JSON path) or from loading (with its line).
    struct Problem: Encodable {
        var severity: Diagnostic.Severity
        var path: String?
        var line: Int?
        var message: String
    }

    /// What `--json` prints.
    struct Report: Encodable {
        var file: String
        var schema: String
        var errors: Int
        var warnings: Int
        var problems: [Problem]
        var coverage: CoverageReport?
    }

    /// Coverage, for `--json`.
    struct CoverageReport: Encodable {
        var articles: Int
        var passages: Int
        var withSide: Int
        var withClaimant: Int
        var sideShare: Double
        var claimantShare: Double
        var unknown: [String: [GazetteerCoverage.Count]]
    }

    func run() throws {
        guard let schemaPath = WorldBaseLocation.find(GazetteerCommand.schemaFileName, besideGazetteer: nil) else {
            complain("the gazetteer schema (\(GazetteerCommand.schemaFileName)) is not in Corpus/ nor beside the program")
            throw Status.failure.exit
        }
        let schema: JSONSchema
        do { schema = try JSONSchema(data: try Data(contentsOf: URL(fileURLWithPath: schemaPath))) } catch {
            complain("\(schemaPath): the schema cannot be read: \(FileError.describe(error))")
            throw Status.failure.exit
        }
        var problems: [Problem] = []
        var loaded: Gazetteer?
        do {
            let data = try Gazetteer.data(path: file)
            problems = schema.problems(in: data).map { Problem(severity: .error, path: $0.path, line: nil, message: $0.message) }
            do {
                let (gazetteer, diagnostics) = try Gazetteer.load(path: file)
                loaded = gazetteer
                problems += diagnostics.map { Problem(severity: $0.severity, path: nil, line: $0.line, message: $0.message) }
            } catch let error as GazetteerError where problems.isEmpty {
                problems.append(Problem(severity: .error, path: nil, line: error.diagnostic.line, message: error.diagnostic.message))
            } catch is GazetteerError {
                // The schema's problems already say why it cannot be loaded.
            }
        } catch let error as GazetteerError {
            problems.append(Problem(severity: .error, path: nil, line: nil, message: error.diagnostic.message))
        }
        var coverage: GazetteerCoverage?
        var rejected = false
        if let gazetteer = loaded, !corpus.isEmpty {
            var onBase = gazetteer
            if let (base, baseProblems) = try GazetteerCommand.worldBase(besideGazetteer: file) {
                onBase = gazetteer.extended(by: base)
                baseProblems.forEach { complain($0.description) }
            }
            var counted = GazetteerCoverage(gazetteer: onBase)
            rejected = GazetteerCommand.count(corpus, with: onBase, into: &counted, allWarnings: allWarnings)
            coverage = counted
        }
        if loaded == nil, !corpus.isEmpty { complain("\(file): the gazetteer cannot be loaded, so coverage is not measured") }
        let errors = problems.filter { $0.severity == .error }.count
        if output.json {
            print(try jsonString(Report(file: file, schema: schemaPath, errors: errors, warnings: problems.count - errors, problems: problems,
                                        coverage: coverage.map(Self.report))))
        } else {
            printReport(problems: problems, errors: errors, schema: schemaPath, coverage: coverage)
        }
        if errors > 0 { throw Status.badGazetteer.exit }
        if rejected { throw Status.rejectedInput.exit }
    }

    private static func report(_ coverage: GazetteerCoverage) -> CoverageReport {
        CoverageReport(articles: coverage.articles, passages: coverage.passages, withSide: coverage.withSide, withClaimant: coverage.withClaimant,
                       sideShare: coverage.sideShare, claimantShare: coverage.claimantShare,
                       unknown: Dictionary(uniqueKeysWithValues: GazetteerCoverage.Kind.allCases.map { ($0.rawValue, coverage.unknown($0, limit: GazetteerCommand.candidateLimit)) }))
    }

    private func printReport(problems: [Problem], errors: Int, schema: String, coverage: GazetteerCoverage?) {
        let style = output.style
        for problem in problems {
            let place = problem.line.map { "\(file):\($0)" } ?? file
            let kind = problem.severity == .error ? style.yellow("error") : "warning"
            style.print("\(place): \(kind): \(problem.path.map { $0 + " " } ?? "")\(problem.message)")
        }
        let verdict = errors == 0 ? style.green("valid") : "not valid"
        style.print(style.bold("\(file): \(verdict)") + " (\(counted(errors, "error")), \(counted(problems.count - errors, "warning")); schema \(schema))")
        guard let coverage else { return }
        func share(_ count: Int) -> String { padded(String(count), to: 6, alignRight: true) + "  " + padded(decimal(100 * Double(count) / Double(max(1, coverage.passages)), places: 1) + "%", to: 6, alignRight: true) }
        style.print("\n" + style.bold("Coverage") + " of \(counted(coverage.articles, "article")), \(counted(coverage.passages, "passage")):")
        style.print("  with a side      " + share(coverage.withSide))
        style.print("  with a claimant  " + share(coverage.withClaimant))
        for kind in GazetteerCoverage.Kind.allCases {
            let unknown = coverage.unknown(kind, limit: GazetteerCommand.candidateLimit)
            style.print("\n" + style.bold("Unknown \(kind.rawValue)") + (unknown.isEmpty ? ": none" : " (top \(unknown.count)):"))
            for candidate in unknown { style.print(padded(String(candidate.count), to: 8, alignRight: true) + "  " + candidate.text) }
        }
    }
}

/// `frontline gazetteer draft CORPUS... [--out FILE]`.
struct GazetteerDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Write a starting gazetteer for a new conflict from a corpus, for a person to edit.",
        discussion: HelpText.discussion("""
        Reads the corpus with the world base alone and writes a gazetteer file: the states it
        names most as sides (labelled "guessed side"), the speakers and names the base does not
        know as actors of a third party "unassigned" (give each its party's id), and the places
        it does not know as places. The file passes `frontline gazetteer check`; edit it, then
        index with --gazetteer FILE.
        """, statuses: [.success, .rejectedInput, .badGazetteer, .failure, .usage])
    )

    @Argument(help: "Corpus files or folders.")
    var corpus: [String]
    @Option(help: ArgumentHelp("Write the gazetteer to FILE instead of standard output.", valueName: "FILE"))
    var out: String?
    @Option(help: ArgumentHelp("How many of the most named states to guess as sides (default: 2).", valueName: "N"))
    var sides = 2
    @Flag(help: "Print every warning about the corpus (default: at most 5 of a kind per file).")
    var allWarnings = false

    func validate() throws {
        if sides < 0 { throw ValidationError("--sides must be 0 or more") }
    }

    func run() throws {
        guard let (base, problems) = try GazetteerCommand.worldBase(besideGazetteer: nil) else {
            complain("the world base (\(WorldBase.fileName)) is not in Corpus/ nor beside the program; a draft guesses its sides from it")
            throw Status.badGazetteer.exit
        }
        problems.forEach { complain($0.description) }
        let gazetteer = base.gazetteer
        var coverage = GazetteerCoverage(gazetteer: gazetteer)
        let rejected = GazetteerCommand.count(corpus, with: gazetteer, into: &coverage, allWarnings: allWarnings)
        let draft = GazetteerDraft(coverage: coverage, base: base, sides: sides, limit: GazetteerCommand.candidateLimit)
        let text = try jsonString(draft) + "\n"
        if let out {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                complain("\(out): cannot be written: \(FileError.describe(error))")
                throw Status.failure.exit
            }
            complain("\(out): a draft gazetteer from \(counted(coverage.articles, "article")): sides \(draft.sides.joined(separator: ", ")) (guessed), "
                     + "\(counted(draft.actorCount, "actor")) to assign, \(counted(draft.placeCount, "place")); check it with: frontline gazetteer check \(out)")
        } else {
            Swift.print(text, terminator: "")
        }
        if rejected { throw Status.rejectedInput.exit }
    }
}

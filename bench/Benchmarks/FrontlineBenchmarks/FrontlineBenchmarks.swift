// Micro-benchmarks of the indexing core, with ordo-one/package-benchmark.
//
//   cd bench && swift package --allow-writing-to-package-directory benchmark --target FrontlineBenchmarks
//
// Each stage runs on the shipped corpus (Corpus/) and on the BBC corpus
// (../shared/corpus/bbc-2005.jsonl, or FRONTLINE_BBC; skipped with a message
// when absent). Benchmark names carry the input size, so throughput in
// MB/s and passages/s is the reported rate times that size.
import Benchmark
import Foundation
import FrontlineCorpus
import FrontlineEngine
import Xapian

/// A corpus held in memory, read once before the benchmarks run.
struct LoadedCorpus {
    let name: String
    let path: String
    let articles: [Article]
    let megabytes: Double
    let passages: [Passage]

    init?(name: String, path: String, gazetteer: Gazetteer) {
        guard FileManager.default.fileExists(atPath: path) else {
            print("skipping the \(name) benchmarks: \(path) not found (set FRONTLINE_BBC to its path)")
            return nil
        }
        var articles: [Article] = []
        CorpusReader().read([path]) { if case .article(let a) = $0 { articles.append(a) } }
        self.name = name
        self.path = path
        self.articles = articles
        megabytes = Double(articles.reduce(0) { $0 + $1.body.utf8.count }) / 1_048_576
        let processor = ArticleProcessor(gazetteer: gazetteer)
        passages = articles.flatMap { processor.process($0).passages }
    }

    var label: String { "\(name), \(articles.count) articles, \(String(format: "%.1f", megabytes)) MB, \(passages.count) passages" }
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let gazetteerPath = root + "/Corpus/gazetteer.json"
let gazetteer = (try? Gazetteer.load(path: gazetteerPath).0) ?? .empty
let figureLexiconPath = root + "/Corpus/figures.json"
let figureLexicon = try! FigureLexicon.load(path: figureLexiconPath).0
let bbcPath = ProcessInfo.processInfo.environment["FRONTLINE_BBC"] ?? root + "/../shared/corpus/bbc-2005.jsonl"
let corpora = [LoadedCorpus(name: "seed", path: root + "/Corpus", gazetteer: gazetteer),
               LoadedCorpus(name: "BBC", path: bbcPath, gazetteer: gazetteer)].compactMap { $0 }

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident]
    let quick = Benchmark.Configuration(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 20)

    for corpus in corpora {
        Benchmark("Read and clean (\(corpus.label))", configuration: quick) { benchmark in
            let cleaner = TextCleaner()
            for _ in benchmark.scaledIterations {
                CorpusReader().read([corpus.path]) { event in
                    if case .article(let a) = event { blackHole(cleaner.clean(a.body, title: a.title)) }
                }
            }
        }
        let paragraphs = corpus.articles.flatMap { TextCleaner().clean($0.body, title: $0.title).paragraphs }
        Benchmark("Split passages (\(corpus.label))", configuration: quick) { benchmark in
            let splitter = PassageSplitter()
            for _ in benchmark.scaledIterations {
                for paragraph in paragraphs { blackHole(splitter.split(paragraph.text)) }
            }
        }
        Benchmark("Tag passages (\(corpus.label))", configuration: quick) { benchmark in
            let tagger = Tagger(gazetteer: gazetteer)
            for _ in benchmark.scaledIterations {
                for passage in corpus.passages { blackHole(tagger.tag(passage.text)) }
            }
        }
        // What reading figures adds to the corpus pipeline (the indexer skips passages with
        // no word of loss), and what reading every passage in full costs.
        for lexicon in [nil, figureLexicon] {
            Benchmark("Process articles \(lexicon == nil ? "without" : "with") figures (\(corpus.label))", configuration: quick) { benchmark in
                let processor = ArticleProcessor(gazetteer: gazetteer, figures: lexicon)
                for _ in benchmark.scaledIterations {
                    for article in corpus.articles { blackHole(processor.process(article)) }
                }
            }
        }
        Benchmark("Read figures, every passage in full (\(corpus.label))", configuration: quick) { benchmark in
            let extractor = FigureExtractor(lexicon: figureLexicon, gazetteer: gazetteer)
            for _ in benchmark.scaledIterations {
                for passage in corpus.passages { blackHole(extractor.figures(in: passage.text, claims: passage.tags.claims)) }
            }
        }
        Benchmark("Generate terms (\(corpus.label))", configuration: quick) { benchmark in
            let generator = try TermGenerator(stemmer: Stem("english"))
            for _ in benchmark.scaledIterations {
                for passage in corpus.passages {
                    let document = try Document()
                    try generator.setDocument(document)
                    try generator.indexText(passage.text)
                    blackHole(document)
                }
            }
        }
        for jobs in [1, ProcessInfo.processInfo.activeProcessorCount] {
            Benchmark("Index build --jobs \(jobs) (\(corpus.label))", configuration: quick) { benchmark in
                for _ in benchmark.scaledIterations {
                    let folder = NSTemporaryDirectory() + "frontline-bench-" + UUID().uuidString
                    defer { try? FileManager.default.removeItem(atPath: folder) }
                    var options = Indexer.Options(paths: [corpus.path], index: folder)
                    options.jobs = jobs
                    options.gazetteer = gazetteerPath
                    options.figures = figureLexiconPath
                    benchmark.startMeasurement()
                    blackHole(try Indexer(options: options, onDiagnostic: { _ in }).run())
                    benchmark.stopMeasurement()
                }
            }
        }
        let index = NSTemporaryDirectory() + "frontline-bench-search-\(corpus.name)"
        var options = Indexer.Options(paths: [corpus.path], index: index)
        options.rebuild = true
        options.gazetteer = gazetteerPath
        _ = try? Indexer(options: options, onDiagnostic: { _ in }).run()
        for facets in [false, true] {
            Benchmark("Search \(facets ? "with" : "without") facets (\(corpus.name))", configuration: .init(metrics: metrics, maxDuration: .seconds(3))) { benchmark in
                let searcher = try Searcher(locations: [index])
                for _ in benchmark.scaledIterations {
                    var request = SearchRequest(query: "ceasefire talks president said")
                    request.facets = facets
                    blackHole(try searcher.search(request))
                }
            }
        }
    }
}

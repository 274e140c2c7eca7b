import FrontlineCorpus
import Foundation

let g = try Gazetteer.load(path: "Corpus/gazetteer.json")
for d in g.1 { print(d) }
let p = ArticleProcessor(gazetteer: g.0)
let reader = CorpusReader()
reader.read(Array(CommandLine.arguments.dropFirst())) { ev in
    switch ev {
    case .article(let a):
        let r = p.process(a)
        print("=== \(a.id) | \(r.article.title) | \(r.article.date?.iso ?? "-") | \(r.passages.count) passages")
        for d in r.diagnostics { print("  ", d) }
        for ps in r.passages {
            print("[\(ps.ordinal) \(ps.kind)] sides=\(ps.tags.sides) claim=\(ps.tags.claimants) actors=\(ps.tags.actors) places=\(ps.tags.places) dates=\(ps.eventDates.map(\.iso))")
            print("    \(ps.text.prefix(300))")
        }
    case .diagnostic(let d): print(d)
    case .file: break
    }
}

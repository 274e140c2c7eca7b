import Foundation
@_exported import TestSupport
@testable import FrontlineCorpus

/// The world base, loaded once.
let worldBase: WorldBase = try! WorldBase.load(path: Repository.worldBase).0
/// The shipped gazetteer over the world base, as `frontline index` uses it, loaded once.
let shippedGazetteer: Gazetteer = try! Gazetteer.load(path: Repository.gazetteer).0.extended(by: worldBase)
let shippedTagger = Tagger(gazetteer: shippedGazetteer)

/// Reads one shipped seed article by its file-name prefix ("002").
func seedArticle(_ prefix: String) -> Article {
    var found: Article?
    CorpusReader().read([Repository.corpus]) { event in
        if case .article(let article) = event, article.id.hasPrefix(prefix) { found = article }
    }
    return found!
}

/// The processed passages of a seed article.
func seedPassages(_ prefix: String) -> [Passage] {
    ArticleProcessor(gazetteer: shippedGazetteer).process(seedArticle(prefix)).passages
}

/// Reads `roots` and returns the articles and diagnostics.
func readAll(_ roots: [String]) -> (articles: [Article], diagnostics: [Diagnostic]) {
    var articles: [Article] = [], diagnostics: [Diagnostic] = []
    CorpusReader().read(roots) { event in
        switch event {
        case .article(let a): articles.append(a)
        case .diagnostic(let d): diagnostics.append(d)
        case .unreadable, .unreadableSource: break
        }
    }
    return (articles, diagnostics)
}

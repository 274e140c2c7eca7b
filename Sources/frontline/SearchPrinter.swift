import Foundation
import FrontlineCorpus
import FrontlineEngine

/// Renders a search result for a person.
struct SearchPrinter {
    let style: Style
    var width: Int { 100 }

    func render(_ result: SearchResult, offset: Int) -> String {
        var out: [String] = []
        if let corrected = result.corrected {
            out.append(result.usedCorrection
                       ? "No passages match \"\(result.query)\"; showing results for \(style.bold(corrected))."
                       : "Did you mean: \(style.bold(corrected))?")
        }
        for notice in result.notices { out.append(style.yellow("note: \(notice)")) }
        let shown = result.hits.isEmpty ? "" : " (showing \(offset + 1)–\(offset + result.hits.count))"
        let inArticles = result.articles.map { " in " + counted($0, "article") } ?? ""
        let about = result.totalIsExact ? "" : "about "
        out.append(style.bold("\(about)\(counted(result.total, "passage")) match\(result.total == 1 ? "es" : "")\(inArticles)") + shown)
        for hit in result.hits {
            out.append("")
            out.append(hitLines(hit).joined(separator: "\n"))
        }
        out.append(contentsOf: facetLines(result))
        return out.joined(separator: "\n")
    }

    func hitLines(_ hit: Hit) -> [String] {
        let p = hit.passage
        let title = p.title.isEmpty ? p.article : p.title
        let meta = [p.date, p.source].filter { !$0.isEmpty }.joined(separator: ", ")
        var lines = ["\(style.dim(padded(String(hit.rank), to: 3, alignRight: true) + ".")) \(style.bold(title))\(meta.isEmpty ? "" : style.dim(" — " + meta))"]
        var tags = ["\(p.article)#\(p.ordinal)", p.kind]
        // English, the language of most corpora, goes unsaid; any other is shown.
        if p.language != Language.english.rawValue { tags.append(p.language) }
        if hit.score > 0 { tags.append("score " + decimal(hit.score, places: 2)) }
        for facet in Facet.tags where facet.onHitLine && !p[facet].isEmpty { tags.append("\(facet.plural): " + p[facet].joined(separator: ", ")) }
        if hit.otherPassages > 0 { tags.append("+\(hit.otherPassages) more in this article") }
        if let note = hit.copiesNote { tags.append(note) }
        lines.append("     " + style.cyan(tags.joined(separator: " · ")))
        lines.append("     " + wrap(hit.snippet, width: width, indent: 5))
        return lines
    }

    func facetLines(_ result: SearchResult) -> [String] {
        guard result.total > 0, !result.facets.isEmpty else { return [] }
        var out = ["", style.bold(result.total == 1 ? "Facets (the one match)" : "Facets (all \(result.total) matches)")]
        // Languages are worth a line once a match is not all in English.
        let allEnglish: (FacetResult) -> Bool = { $0.facet == .language && $0.counts.allSatisfy { $0.value == Language.english.rawValue } }
        for result in result.facets where !result.counts.isEmpty && !allEnglish(result) {
            let counts = result.counts, name = result.facet.rawValue
            if result.facet == .date {
                let first = counts.first!.value, last = counts.last!.value
                let line = "\(sparkline(counts.map(\.count))) \(first)\(first == last ? "" : " … " + last)"
                let detail = counts.map { "\($0.value) \($0.count)" }.joined(separator: " · ")
                out.append("  " + padded(name, to: 9) + line)
                out.append("           " + style.dim(wrap(detail, width: width, indent: 11)))
            } else {
                let shown = counts.prefix(8).map { "\($0.label) \(style.bold(String($0.count)))" }.joined(separator: " · ")
                let more = counts.count > 8 ? style.dim(" · +\(counts.count - 8) more") : ""
                out.append("  " + padded(name, to: 9) + wrap(shown + more, width: width, indent: 11))
            }
        }
        return out
    }
}

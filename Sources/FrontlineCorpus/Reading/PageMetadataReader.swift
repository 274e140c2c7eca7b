import Foundation

/// What a web page says about itself: from JSON-LD (`NewsArticle` and its kin), then `<meta>`
/// tags (Open Graph, Dublin Core, `article:`), then the page's elements (`<h1>`, `<time>`,
/// `<title>`, `<html lang>`, `<link rel=canonical>`).
struct PageMetadataReader {
    /// The metadata found.
    private(set) var metadata = PageMetadata()

    /// JSON-LD types that describe an article.
    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "blogposting", "liveblogposting", "socialmediaposting", "webpage", "report", "techarticle",
        "scholarlyarticle",
    ]
    /// `<meta>` names and properties of a publication date, best first.
    private static let dateKeys = [
        "article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date", "pubdate",
        "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "date",
        "article.published", "og:updated_time", "article:modified_time", "datemodified",
    ]

    init(_ document: HTMLDocument) {
        var meta: [String: String] = [:]
        var jsonLD: [[String: Any]] = []
        var canonical = "", htmlLanguage = "", pageTitle = "", headline = "", timeValue = ""
        for (i, node) in document.nodes.enumerated() where !node.isText {
            switch node.name {
            case "html": htmlLanguage = node.attribute("lang") ?? node.attribute("xml:lang") ?? ""
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? node.attribute("http-equiv") ?? "").lowercased()
                if !key.isEmpty, let content = node.attribute("content"), meta[key] == nil { meta[key] = content }
            case "link":
                if canonical.isEmpty, node.attribute("rel")?.lowercased() == "canonical" { canonical = node.attribute("href") ?? "" }
            case "title": if pageTitle.isEmpty { pageTitle = document.text(of: i) }
            case "h1": if headline.isEmpty { headline = document.text(of: i) }
            case "time":
                if timeValue.isEmpty { timeValue = node.attribute("datetime") ?? document.text(of: i) }
            case "script":
                let text = document.text(of: i)
                if let data = text.data(using: .utf8), text.utf8.count <= 1 << 20,
                   let object = try? JSONSerialization.jsonObject(with: data) {
                    jsonLD += PageMetadataReader.objects(in: object, depth: 0)
                }
            default: continue
            }
        }
        let article = jsonLD.first { object in PageMetadataReader.types(of: object).contains { PageMetadataReader.articleTypes.contains($0) } }
        func clean(_ value: String?) -> String { Inline.singleLine(value ?? "") }
        // Title: the headline as shown, else as declared.
        let declared = [article?["headline"] as? String, meta["og:title"], meta["twitter:title"]].compactMap { $0 }.map(clean).first { !$0.isEmpty }
        let shown = clean(headline)
        if !shown.isEmpty, declared.map({ $0.lowercased().contains(shown.lowercased()) || shown.lowercased().contains($0.lowercased()) }) ?? true {
            metadata.title = shown
        } else {
            metadata.title = declared ?? clean(pageTitle)
        }
        // Date.
        var dates: [String] = []
        if let published = article?["datePublished"] as? String { dates.append(published) }
        dates += PageMetadataReader.dateKeys.compactMap { meta[$0] }
        dates.append(timeValue)
        if let modified = article?["dateModified"] as? String { dates.append(modified) }
        metadata.date = dates.lazy.compactMap(PageMetadataReader.date).first
        // Author.
        let authors = PageMetadataReader.names(article?["author"])
        let metaAuthor = [meta["author"], meta["article:author"], meta["byl"], meta["dc.creator"]].compactMap { $0 }.first { !$0.contains("://") }
        metadata.author = clean(authors.isEmpty ? metaAuthor : authors.joined(separator: ", "))
        // Outlet.
        let publisher = PageMetadataReader.names(article?["publisher"]).first
        metadata.source = [meta["og:site_name"], publisher, meta["application-name"]].compactMap { $0 }.map(clean).first { !$0.isEmpty } ?? ""
        // Address and language.
        let url = [canonical, meta["og:url"] ?? "", article?["url"] as? String ?? ""].first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        metadata.url = clean(url)
        let language = [htmlLanguage, meta["content-language"] ?? "", meta["og:locale"] ?? "", article?["inLanguage"] as? String ?? ""].first { !$0.isEmpty }
        metadata.language = clean(language).replacingOccurrences(of: "_", with: "-")
    }

    /// The JSON-LD objects in `value`: itself, the members of an array, of `@graph`.
    private static func objects(in value: Any, depth: Int) -> [[String: Any]] {
        guard depth < 4 else { return [] }
        if let array = value as? [Any] { return array.flatMap { objects(in: $0, depth: depth + 1) } }
        guard let object = value as? [String: Any] else { return [] }
        if let graph = object["@graph"] { return [object] + objects(in: graph, depth: depth + 1) }
        return [object]
    }

    /// An object's `@type`s, lower case.
    private static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        return (object["@type"] as? [Any])?.compactMap { ($0 as? String)?.lowercased() } ?? []
    }

    /// The names in a JSON-LD person or organisation value (a name, an object, or a list).
    private static func names(_ value: Any?) -> [String] {
        if let name = value as? String { return name.contains("://") ? [] : [name] }
        if let object = value as? [String: Any] { return (object["name"] as? String).map { [$0] } ?? [] }
        if let array = value as? [Any] { return array.prefix(8).flatMap { names($0) } }
        return []
    }

    /// A metadata date: an ISO date or date-time, or any form `CalendarDate.parse` reads.
    private static func date(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        if case .date(let date) = CalendarDate.parse(trimmed) { return date }
        let head = String(trimmed.prefix(10))
        if head.utf8.count == 10, case .date(let date) = CalendarDate.parse(head) { return date }
        return nil
    }
}

import Foundation

/// Web pages (`.html`, `.htm`, and JSON Lines records whose text is a page): parsed by
/// libxml2 (`HTMLDocument`), the article's main text found by `MainText` and its metadata by
/// `PageMetadataReader`.
public struct HTMLFormat: ArticleFormat {
    /// Creates the format.
    public init() {}
    public var name: String { "HTML" }
    public var extensions: [String] { ["html", "htm", "xhtml"] }
    public var layout: FileLayout { .onePerFile(frontMatter: false) }
    /// Saved pages carry scripts and styles: 32 MB, of which the article is a small part.
    public var maximumArticleBytes: Int { 32 << 20 }
    public var isMarkedUp: Bool { true }

    public func content(of body: String, firstLine: Int) -> ArticleContent {
        guard let document = HTMLDocument(html: body) else {
            var content = ArticleContent()
            content.warnings.append("not readable as HTML")
            return content
        }
        var content = ArticleContent()
        content.metadata = PageMetadataReader(document).metadata
        content.blocks = MainText(document).blocks(line: firstLine)
        if document.tooDeep > 0 {
            content.warnings.append("elements nested more than \(HTMLDocument.maximumDepth) deep (\(document.tooDeep)) were not read")
        }
        if document.truncated {
            content.warnings.append("the page is too large once parsed; its end was not read")
        }
        return content
    }

    /// True if `text` is an HTML page: it starts (after spaces) with a doctype, an `<html>`
    /// element or an XML declaration followed by one.
    static func looksLikePage(_ text: String) -> Bool {
        let head = text.utf8.prefix(512).drop(while: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
        guard head.first == UInt8(ascii: "<") else { return false }
        let lower = String(decoding: head.prefix(64), as: UTF8.self).lowercased()
        return lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || (lower.hasPrefix("<?xml") && String(decoding: head, as: UTF8.self).lowercased().contains("<html"))
    }
}

/// The article's text on a page, as blocks: the readability approach (paragraphs score
/// their containers by length and commas, weighted by class and id hints and discounted by
/// link density; the best container and its like siblings are the article, widened to an
/// ancestor that holds much more prose with few links, as page builders box each part),
/// after page furniture is set aside by element (navigation, forms, asides, footers) and by
/// class or id (comments, sharing, related stories, bylines, advertising), and with link
/// lists dropped.
struct MainText {
    private let document: HTMLDocument
    /// Per node: left out with everything under it.
    private var discarded: [Bool]
    /// Per node: bytes of text under it, of which inside links, and its commas.
    private var textBytes: [Int]
    private var linkBytes: [Int]
    private var commas: [Int]
    /// Per node: true if an element child is a block.
    private var hasBlockChild: [Bool]
    /// Per node: bytes of text and commas not inside a block child (a paragraph written
    /// straight into a container).
    private var directBytes: [Int]
    private var directCommas: [Int]
    /// Per node: true for an element that is a block (`blockTags`).
    private let isBlock: [Bool]
    /// Per node: page structure (a footer, an aside, navigation) kept only for the prose it
    /// holds (a footer of testimonials, an unclosed header around the article).
    private var excused: [Bool]

    init(_ document: HTMLDocument) {
        self.document = document
        let nodes = document.nodes
        discarded = Array(repeating: false, count: nodes.count)
        textBytes = Array(repeating: 0, count: nodes.count)
        linkBytes = Array(repeating: 0, count: nodes.count)
        commas = Array(repeating: 0, count: nodes.count)
        hasBlockChild = Array(repeating: false, count: nodes.count)
        directBytes = Array(repeating: 0, count: nodes.count)
        directCommas = Array(repeating: 0, count: nodes.count)
        isBlock = nodes.map { !$0.isText && MainText.blockTags.contains($0.name) }
        excused = Array(repeating: false, count: nodes.count)
        // Furniture by element first; then by class or id, except for an element that holds
        // much of the page's prose (a layout class such as "has-sidebar" on the article's wrapper).
        // Elements that never hold text go first; page structure (navigation, buttons, headers)
        // is furniture unless it holds most of the page's prose, as it does when the parser
        // nested the article inside an unclosed one.
        mark { node, _ in MainText.holdsNoText(node) }
        measure()
        var excusedNodes = Array(repeating: false, count: nodes.count)
        func excuse(_ i: Int) -> Bool { excusedNodes[i] = true; return false }
        let root = nodes.indices.first { nodes[$0].name == "body" } ?? 0
        var prose = Double(nodes.isEmpty ? 0 : textBytes[root] - linkBytes[root])
        var ownProse = zip(textBytes, linkBytes).map { Double($0 - $1) }
        mark { node, i in
            switch MainText.furnitureElement(node, in: document) {
            case .none: return false
            case .always: return true
            case .unlessMostProse, .unlessMuchProse: return ownProse[i] < 0.5 * prose || excuse(i)
            }
        }
        measure()
        prose = Double(nodes.isEmpty ? 0 : textBytes[root] - linkBytes[root])
        ownProse = zip(textBytes, linkBytes).map { Double($0 - $1) }
        let linkShare = zip(textBytes, linkBytes).map { $0 == 0 ? 0 : Double($1) / Double($0) }
        var known: [Substring: FurnitureName] = [:]
        mark { node, i in
            switch MainText.furnitureName(node, known: &known) {
            case .none: return false
            case .always: return true
            case .unlessMostProse: return ownProse[i] < 0.5 * prose
            case .unlessMuchProse:
                // A layout name ("widget", "meta") on a block of prose: kept for the scoring to
                // judge (a page builder's text widget holds a paragraph or two).
                let proseLike = ownProse[i] >= 150 && linkShare[i] < 0.2
                return ownProse[i] < 0.2 * prose && !proseLike
            }
        }
        excused = excusedNodes
        // The headline is the title (metadata), not article text.
        if let headline = nodes.indices.first(where: { nodes[$0].name == "h1" && !discarded[$0] }) {
            mark { _, i in i == headline }
        }
        measure()
    }

    /// Discards each node for which `rule` holds, with everything under it.
    private mutating func mark(_ rule: (HTMLDocument.Node, Int) -> Bool) {
        for (i, node) in document.nodes.enumerated() where !discarded[i] { // parents come before their children
            if node.parent >= 0, discarded[node.parent] { discarded[i] = true; continue }
            if !node.isText, rule(node, i) { discarded[i] = true }
        }
    }

    /// Counts text, link text and commas under every node that is not discarded.
    private mutating func measure() {
        let nodes = document.nodes
        for i in nodes.indices {
            textBytes[i] = 0; linkBytes[i] = 0; commas[i] = 0; hasBlockChild[i] = false; directBytes[i] = 0; directCommas[i] = 0
        }
        for i in nodes.indices.reversed() where !discarded[i] {
            let node = nodes[i]
            if node.isText {
                let (length, count) = MainText.measure(node.text)
                textBytes[i] = length
                commas[i] = count
            }
            if node.name == "a" { linkBytes[i] = textBytes[i] }
            let parent = node.parent
            guard parent >= 0 else { continue }
            textBytes[parent] += textBytes[i]
            linkBytes[parent] += linkBytes[i]
            commas[parent] += commas[i]
            if isBlock[i] {
                hasBlockChild[parent] = true
            } else {
                directBytes[parent] += node.isText ? textBytes[i] : directBytes[i]
                directCommas[parent] += node.isText ? commas[i] : directCommas[i]
            }
        }
    }

    // MARK: Furniture

    /// Elements whose content is never article text.
    private static let textlessTags: Set<String> = [
        "select", "input", "textarea", "option", "iframe", "object", "embed", "canvas", "video", "audio", "script",
        "img", "picture", "source", "map", "head", "title", "meta", "link",
    ]
    /// Elements of page structure around the article.
    private static let furnitureTags: Set<String> = ["nav", "aside", "footer", "button", "label", "menu", "dialog"]

    /// True for an element whose content is never article text.
    private static func holdsNoText(_ node: HTMLDocument.Node) -> Bool { textlessTags.contains(node.name) }

    /// Words in a class or id of comment sections: furniture wherever they are.
    private static let commentWords: [String] = ["comment", "disqus", "respond", "replies"]
    /// Words of furniture that may be a block of the article's size (lists of related
    /// stories, sharing bars with text): furniture unless the element holds most of the page's prose.
    private static let furnitureWords: [String] = [
        "share", "sharing", "social", "related", "newsletter", "subscri", "cookie", "consent", "breadcrumb", "advert",
        "sponsor", "outbrain", "taboola", "popup", "modal", "pagination", "pager", "footer", "byline", "signup",
        "sign-up", "skip-link", "recommend", "trending", "popular", "read-more", "readmore", "more-stories", "promo",
        "gdpr", "visually-hidden", "sr-only", "screen-reader", "author", "tag-list", "taglist", "toolbar",
        "print-only", "navbar", "navigation", "login", "overlay", "gallery", "slider", "slideshow", "carousel", "video-player", "media-player",
    ]
    /// Words of page layout: furniture unless the name also says it holds the content, or
    /// the element holds much of the page's prose.
    private static let layoutWords: [String] = [
        "nav", "menu", "header", "masthead", "banner", "widget", "sidebar", "meta", "tags", "credit", "copyright",
        "hidden", "rating", "timestamp", "dateline", "date", "tools", "icon", "badge", "topics", "keywords", "cta",
        "aside", "rail", "teaser", "extra",
    ]
    /// Words that mark the content.
    private static let contentWords: [String] = ["article", "content", "entry", "main", "post", "story", "body", "text", "blog"]

    /// Whether `node` is furniture by being hidden (always), or by its element or role (unless
    /// it holds most of the page's prose).
    private static func furnitureElement(_ node: HTMLDocument.Node, in document: HTMLDocument) -> FurnitureName {
        let name = node.name
        if name == "html" || name == "body" { return .none }
        var structural = furnitureTags.contains(name) || (name == "header" && !document.elements(under: node, named: "h1"))
        for (key, value) in node.attributes {
            switch key {
            case "hidden": return .always
            case "aria-hidden" where value == "true": return .always
            case "style":
                let compact = value.lowercased().replacingOccurrences(of: " ", with: "")
                if ByteSearch.contains(compact, "display:none") || ByteSearch.contains(compact, "visibility:hidden") { return .always }
            case "role":
                if ["navigation", "banner", "contentinfo", "complementary", "dialog", "alert", "menu", "search", "alertdialog"].contains(value.lowercased()) { structural = true }
            default: continue
            }
        }
        return structural ? .unlessMostProse : .none
    }

    /// How sure a class or id is that an element is furniture.
    private enum FurnitureName {
        case none, always, unlessMostProse, unlessMuchProse

        /// How sure the verdict is: of several names on an element, the surest wins.
        var certainty: Int {
            switch self {
            case .none: return 0
            case .unlessMuchProse: return 1
            case .unlessMostProse: return 2
            case .always: return 3
            }
        }
    }

    /// What `node`'s class and id say: the surest verdict of their names. `known` keeps each
    /// name's verdict, as a page repeats its class names on many elements.
    private static func furnitureName(_ node: HTMLDocument.Node, known: inout [Substring: FurnitureName]) -> FurnitureName {
        let name = node.name
        if name == "html" || name == "body" || name == "article" || name == "main" { return .none }
        // Links, emphasis and the like are part of the sentence they sit in.
        guard blockTags.contains(name) || name == "span" else { return .none }
        var verdict = FurnitureName.none
        for (key, value) in node.attributes where key == "class" || key == "id" {
            for piece in value.utf8.split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 10 }) {
                let token = Substring(piece)
                let named: FurnitureName
                if let seen = known[token] { named = seen } else {
                    named = furnitureName(ofToken: token.lowercased())
                    known[token] = named
                }
                if named == .always { return .always }
                if named.certainty > verdict.certainty { verdict = named }
            }
        }
        return verdict
    }

    /// What one lower-case class name or id says.
    private static func furnitureName(ofToken token: String) -> FurnitureName {
        func has(_ word: String) -> Bool { ByteSearch.contains(token, word) }
        if commentWords.contains(where: { token.hasPrefix($0) }) && !has("commentary") { return .always }
        if furnitureWords.contains(where: has)
            || token == "ad" || token == "ads" || token.hasPrefix("ad-") || token.hasSuffix("-ad") || token.hasPrefix("ads-") || has("-ad-") {
            return .unlessMostProse
        }
        if layoutWords.contains(where: has), !contentWords.contains(where: has) { return .unlessMuchProse }
        return .none
    }

    // MARK: Scoring

    /// Elements that break text into blocks (a table's row is one block, its cells apart by a space).
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "figure", "figcaption", "pre", "table", "tbody", "thead", "tr", "hr",
        "address", "details", "summary", "center",
    ]

    /// Bytes of text (whitespace runs counted once) and commas.
    private static func measure(_ text: String) -> (Int, Int) {
        var length = 0, commas = 0, space = true
        for b in text.utf8 {
            if b == 32 || b == 10 || b == 9 || b == 13 {
                if !space { length += 1 }
                space = true
            } else {
                length += 1
                space = false
                if b == UInt8(ascii: ",") { commas += 1 }
            }
        }
        return (length, commas)
    }

    private func linkDensity(_ i: Int) -> Double {
        textBytes[i] == 0 ? 0 : Double(linkBytes[i]) / Double(textBytes[i])
    }

    /// The weight of an element's class and id: readability's ±25.
    private func classWeight(_ i: Int) -> Double {
        var weight = 0.0
        let node = document.nodes[i]
        if node.attribute("itemprop")?.lowercased() == "articlebody" { weight += 50 }
        for key in ["class", "id"] {
            guard let value = node.attribute(key)?.lowercased(), !value.isEmpty else { continue }
            func has(_ word: String) -> Bool { ByteSearch.contains(value, word) }
            if MainText.contentWords.contains(where: has) || has("hentry") || has("page") { weight += 25 }
            if MainText.negativeWeightWords.contains(where: has) { weight -= 25 }
        }
        return weight
    }

    /// Words of a class or id that lower a container's score (readability's negative hints).
    private static let negativeWeightWords = [
        "comment", "foot", "meta", "promo", "related", "share", "sidebar", "sponsor", "tags", "widget", "media", "contact",
        "banner", "masthead", "shopping", "tool",
    ]

    private func tagWeight(_ name: String) -> Double {
        switch name {
        case "div", "article", "main": return 5
        case "pre", "td", "blockquote": return 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
        default: return 0
        }
    }

    /// The elements holding the article: the best scored container and those of its siblings
    /// that score near it or are paragraphs of prose.
    private func articleElements() -> (elements: [Int], path: Set<Int>?) {
        let nodes = document.nodes
        var scores: [Int: Double] = [:]
        func initialised(_ i: Int) -> Double {
            if let score = scores[i] { return score }
            let score = tagWeight(nodes[i].name) + classWeight(i)
            scores[i] = score
            return score
        }
        for (i, node) in nodes.enumerated() where !discarded[i] && !node.isText {
            let scored: Bool
            switch node.name {
            case "p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6": scored = true
            case "div": scored = !hasBlockChild[i]
            default: scored = false
            }
            // A paragraph of text written straight into a container scores that container.
            let direct = !scored && hasBlockChild[i] && directBytes[i] >= 25 && nodes[i].name != "li"
            guard (scored && textBytes[i] >= 25) || direct else { continue }
            let score = direct
                ? 1 + Double(directCommas[i]) + min(Double(directBytes[i]) / 100, 3)
                : 1 + Double(commas[i]) + min(Double(textBytes[i]) / 100, 3)
            var ancestor = direct ? i : node.parent, level = 0
            while ancestor >= 0, level < 5 {
                guard nodes[ancestor].name != "html" else { break }
                let share = level == 0 ? score : level == 1 ? score / 2 : score / Double(level * 3)
                scores[ancestor] = initialised(ancestor) + share
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
        var final: [Int: Double] = [:]
        for (i, score) in scores { final[i] = score * (1 - linkDensity(i)) }
        guard var top = final.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { return ([], nil) }
        // A parent scoring above its child holds more of the article.
        var lastScore = final[top]!
        let threshold = lastScore / 3
        var parent = nodes[top].parent
        while parent >= 0, nodes[parent].name != "body", nodes[parent].name != "html" {
            if let score = final[parent] {
                if score < threshold { break }
                if score > lastScore { top = parent; break }
                lastScore = score
            }
            parent = nodes[parent].parent
        }
        // An only child stands for its parent.
        while nodes[top].parent >= 0, nodes[nodes[top].parent].name != "body",
              nodes[nodes[top].parent].children.filter({ !nodes[$0].isText && !discarded[$0] }).count == 1 {
            top = nodes[top].parent
        }
        let topScore = final[top] ?? 0
        guard nodes[top].parent >= 0 else { return ([top], nil) }
        let kept = keptSiblings(of: top, score: topScore, final: final)
        return widened(kept)
    }

    /// `top` and those of its siblings that score near it or are paragraphs of prose.
    private func keptSiblings(of top: Int, score topScore: Double, final: [Int: Double]) -> [Int] {
        let nodes = document.nodes
        let siblingThreshold = max(10, topScore * 0.2)
        let topClass = nodes[top].attribute("class") ?? ""
        var kept: [Int] = []
        for sibling in nodes[nodes[top].parent].children where !discarded[sibling] {
            if sibling == top { kept.append(sibling); continue }
            guard !nodes[sibling].isText else { continue }
            var bonus = 0.0
            if !topClass.isEmpty, nodes[sibling].attribute("class") == topClass { bonus = topScore * 0.2 }
            if let score = final[sibling], score + bonus >= siblingThreshold { kept.append(sibling); continue }
            if nodes[sibling].name == "p" {
                let length = textBytes[sibling], density = linkDensity(sibling)
                let text = document.text(of: sibling)
                if (length > 80 && density < 0.25) || (length > 0 && length <= 80 && density == 0 && (text.contains(". ") || text.hasSuffix("."))) {
                    kept.append(sibling)
                }
            }
        }
        return kept
    }

    /// Per node: bytes of prose under it, prose being the text outside links of blocks that
    /// read as paragraphs (at least `paragraphBytes` long, few links), and of text written
    /// straight into a container.
    private func proseBytes() -> [Int] {
        let nodes = document.nodes
        var prose = Array(repeating: 0, count: nodes.count)
        for i in nodes.indices.reversed() where !discarded[i] && !nodes[i].isText {
            var own = 0
            if !hasBlockChild[i], isBlock[i] {
                if textBytes[i] >= MainText.paragraphBytes, linkDensity(i) < 0.25 { own = textBytes[i] - linkBytes[i] }
            } else if hasBlockChild[i], directBytes[i] >= MainText.paragraphBytes {
                own = directBytes[i]
            }
            prose[i] += own
            if nodes[i].parent >= 0, !excused[i] { prose[nodes[i].parent] += prose[i] }
        }
        return prose
    }

    /// The largest share of links in the text an ancestor adds for it to be more of the article.
    static let gainedLinkShare = 0.15
    /// The shortest block of text taken for a paragraph of prose.
    private static let paragraphBytes = 80

    /// The article's elements, widened to an ancestor when that holds much more prose: pages
    /// built of sections, columns or fields nest each part of the article in a box of its own,
    /// deeper than the scores of its paragraphs reach, so the best scored box is one part.
    /// Once widened, `path` holds the elements from the ancestor down to the first of `kept`:
    /// elements excused as furniture for their prose are left out unless on it.
    private func widened(_ kept: [Int]) -> (elements: [Int], path: Set<Int>?) {
        let nodes = document.nodes
        guard let first = kept.first, nodes[first].parent >= 0 else { return (kept, nil) }
        let prose = proseBytes()
        var best = kept
        var bestProse = kept.reduce(0) { $0 + prose[$1] }
        var bestText = kept.reduce(0) { $0 + textBytes[$1] }, bestLinks = kept.reduce(0) { $0 + linkBytes[$1] }
        var ancestor = nodes[first].parent
        while ancestor >= 0, nodes[ancestor].name != "body", nodes[ancestor].name != "html" {
            // The text gained must be prose with few links: a list of teasers (a linked
            // title over each summary) or a footer's links is not more of the article.
            let gainedText = textBytes[ancestor] - bestText, gainedLinks = linkBytes[ancestor] - bestLinks
            if Double(prose[ancestor]) >= 1.3 * Double(bestProse) + 200,
               Double(gainedLinks) < MainText.gainedLinkShare * Double(gainedText) {
                best = [ancestor]
                bestProse = prose[ancestor]
                bestText = textBytes[ancestor]
                bestLinks = linkBytes[ancestor]
            }
            ancestor = nodes[ancestor].parent
        }
        guard best != kept else { return (kept, nil) }
        var path: Set<Int> = [], step = first
        while step >= 0, step != best[0] { path.insert(step); step = nodes[step].parent }
        path.insert(best[0])
        return (best, path)
    }

    // MARK: Blocks

    /// The article's blocks, each given line `line`.
    func blocks(line: Int) -> [Block] {
        var emitter = Emitter(line: line)
        let (elements, path) = articleElements()
        emitter.path = path
        for element in elements { emit(element, kind: .paragraph, into: &emitter) }
        emitter.flush()
        let words = emitter.blocks.reduce(0) { $0 + ByteSearch.wordCount(String($1.text)) }
        if words < 25, let body = document.elements(named: "body").first ?? document.nodes.indices.first {
            // Nothing like an article in one place: every block of the page that is not furniture.
            var everything = Emitter(line: line)
            emit(body, kind: .paragraph, into: &everything)
            everything.flush()
            let all = everything.blocks.reduce(0) { $0 + ByteSearch.wordCount(String($1.text)) }
            if all > words { return everything.blocks }
        }
        return emitter.blocks
    }

    /// The kind of block an element opens, nil if it takes its parent's.
    private func kind(of i: Int) -> Block.Kind? {
        let node = document.nodes[i]
        switch node.name {
        case "h1", "h2", "h3", "h4", "h5", "h6": return .heading
        case "li", "dd", "dt": return .listItem
        case "blockquote": return .quote
        case "figcaption": return .caption
        default:
            if let value = node.attribute("class")?.lowercased(), ByteSearch.contains(value, "caption") { return .caption }
            return nil
        }
    }

    private func emit(_ i: Int, kind: Block.Kind, into emitter: inout Emitter) {
        guard !discarded[i] else { return }
        if excused[i], let path = emitter.path, !path.contains(i) { return }
        let node = document.nodes[i]
        if node.isText {
            emitter.append(node.text, inLink: emitter.linkDepth > 0)
            return
        }
        switch node.name {
        case "br", "hr":
            emitter.flush()
        default:
            if ["ul", "ol", "dl", "table"].contains(node.name), linkDensity(i) > 0.5 {
                emitter.flush() // a list of links: navigation, related stories
            } else if isBlock[i] {
                emitter.flush()
                let inner = self.kind(of: i) ?? kind
                emitter.kind = inner
                for child in node.children { emit(child, kind: inner, into: &emitter) }
                emitter.flush()
                emitter.kind = kind
            } else {
                let isLink = node.name == "a"
                if isLink { emitter.linkDepth += 1 }
                if node.name == "td" || node.name == "th" { emitter.append(" ", inLink: false) }
                for child in node.children { emit(child, kind: kind, into: &emitter) }
                if isLink { emitter.linkDepth -= 1 }
            }
        }
    }

    /// Gathers inline text into blocks.
    private struct Emitter {
        let line: Int
        var blocks: [Block] = []
        var kind: Block.Kind = .paragraph
        var linkDepth = 0
        /// When the article was widened: the elements from its ancestor down to the best box.
        var path: Set<Int>?
        private var text = ""
        private var linkText = 0

        init(line: Int) { self.line = line }

        mutating func append(_ piece: String, inLink: Bool) {
            text += piece
            if inLink { linkText += piece.utf8.count }
        }

        /// Ends the current block: kept unless it is empty or mostly links.
        mutating func flush() {
            defer { text = ""; linkText = 0 }
            guard !text.isEmpty, Double(linkText) / Double(text.utf8.count) <= 0.5 else { return }
            // Runs of white space (no-break spaces too) as one space, none at the ends.
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            var space = false
            var bytes = Array(text.utf8)[...]
            while let b = bytes.first {
                bytes = bytes.dropFirst()
                let isSpace = b == 32 || b == 10 || b == 9 || b == 13 || (b == 0xC2 && bytes.first == 0xA0)
                if isSpace {
                    if b == 0xC2 { bytes = bytes.dropFirst() }
                    space = !out.isEmpty
                    continue
                }
                if space { out.append(32); space = false }
                out.append(b)
            }
            guard !out.isEmpty else { return }
            blocks.append(Block(kind, Substring(String(decoding: out, as: UTF8.self)), line: line))
        }
    }
}

extension HTMLDocument {
    /// True if an element named `name` lies under `node`.
    func elements(under node: Node, named name: String) -> Bool {
        var stack = node.children
        while let next = stack.popLast() {
            if nodes[next].name == name { return true }
            stack += nodes[next].children
        }
        return false
    }
}

import Foundation

/// Walks corpus folders and yields articles from the files of every format in
/// `ArticleFormats.all`, streaming, reporting every problem as a `Diagnostic` and going on.
///
/// ```swift
/// let reader = CorpusReader()
/// try reader.read(["Corpus"]) { event in
///     if case .article(let article) = event { print(article.id) }
/// }
/// ```
public final class CorpusReader {
    /// What the reader produces, in file order.
    public enum Event {
        /// An article that was read (it may still carry warnings, reported separately).
        case article(Article)
        /// A problem with a file, a line or a field.
        case diagnostic(Diagnostic)
        /// The article with this id is in the input but could not be read this time (the
        /// reason was reported); an index should keep the version it already has.
        case unreadable(articleID: String)
        /// A file or folder (absolute path) whose articles could not all be listed or read
        /// this time (the reason was reported); an index should keep every article it has
        /// from there that was not read.
        case unreadableSource(path: String)
    }

    /// The most text of one article of a text format that is read; the rest is cut (with a
    /// warning), so that one enormous "article" cannot exhaust memory. News articles are far shorter.
    public static let maximumArticleBytes = PlainTextFormat().maximumArticleBytes
    /// The longest JSON Lines line read; longer lines are skipped with an error.
    public static let maximumLineBytes = 16 << 20

    /// Hashes of the ids read so far (8 bytes an article, so memory stays flat on huge corpora;
    /// two different ids colliding in 64 bits is not a practical concern).
    private var seenIDs: Set<Int> = []

    /// Whether symbolic links that lead out of the folders being read are followed.
    public let followsLinksOut: Bool

    /// The most bytes of one article read, below each format's own limit (nil: the format's).
    public let articleByteLimit: Int?

    /// Creates a reader. One reader remembers article ids across calls, to report duplicates.
    /// A symbolic link inside a folder that points outside every folder given (say, to
    /// `/etc/shadow`) is reported and not followed unless `followLinksOut`. An article
    /// longer than its format's limit, or than `articleByteLimit` if that is lower, is cut
    /// there with a warning.
    public init(followLinksOut: Bool = false, articleByteLimit: Int? = nil) {
        followsLinksOut = followLinksOut
        self.articleByteLimit = articleByteLimit
    }

    /// The most bytes of one article of `format` read.
    private func limit(of format: any ArticleFormat) -> Int {
        min(format.maximumArticleBytes, articleByteLimit ?? .max)
    }

    /// Lists the article files under `roots` (files or folders, searched recursively,
    /// symlinks followed once), sorted, with the root each belongs to. Problems are reported
    /// through `handler` as diagnostics, and a folder or file that cannot be listed or read
    /// as `.unreadableSource`, so that an index keeps what it has from it.
    public func files(under roots: [String], handler: (Event) -> Void) -> [(path: String, root: String)] {
        var found: [(String, String)] = []
        var visited: Set<String> = []
        let fm = FileManager.default
        func report(_ severity: Diagnostic.Severity, _ path: String, _ message: String) {
            handler(.diagnostic(Diagnostic(severity, file: path, line: nil, message)))
        }
        func isArticleFile(_ path: String) -> Bool { ArticleFormats.format(ofPath: path) != nil }
        let realRoots = roots.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        /// True for a path found inside a folder that is a link leading out of every root.
        func leadsOut(_ path: String) -> Bool {
            guard !followsLinksOut, (try? fm.destinationOfSymbolicLink(atPath: path)) != nil else { return false }
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            return !realRoots.contains { real == $0 || real.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
        func walk(_ path: String, root: String, depth: Int) {
            if depth > 0, leadsOut(path) {
                if isArticleFile(path) || FileAccess.kind(of: path) == .folder {
                    report(.warning, path, "symbolic link out of the folders being indexed; not followed (--follow-links follows it)")
                }
                return
            }
            switch FileAccess.kind(of: path) {
            case .missing:
                if depth > 0, path.unicodeScalars.contains("\u{FFFD}") {
                    // The folder listed a name whose bytes are not UTF-8: it cannot be opened by name.
                    report(.error, path, "the file name is not valid UTF-8 and cannot be opened; rename it to UTF-8 (for example with 'convmv -f latin1 -t utf8 --notest'); whatever was indexed from it is kept")
                    handler(.unreadableSource(path: CorpusReader.absolute(path)))
                } else if (try? fm.destinationOfSymbolicLink(atPath: path)) != nil {
                    report(.error, path, "broken symbolic link; whatever was indexed from it is kept")
                    handler(.unreadableSource(path: CorpusReader.absolute(path)))
                } else {
                    report(.error, path, "no such file or folder")
                }
            case .inaccessible(let reason):
                report(.error, path, "cannot be examined (\(reason)); whatever was indexed from it is kept")
                handler(.unreadableSource(path: CorpusReader.absolute(path)))
            case .special(let what):
                if isArticleFile(path) { report(.error, path, "\(what), not a regular file; skipped") }
            case .regularFile:
                if isArticleFile(path) { found.append((path, root)) }
            case .folder:
                let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard visited.insert(real).inserted else {
                    report(.warning, path, "folder already visited (symbolic link loop?); not read again")
                    return
                }
                guard depth < 64 else {
                    report(.error, path, "folders nested more than 64 deep; not descended")
                    handler(.unreadableSource(path: CorpusReader.absolute(path)))
                    return
                }
                let entries: [String]
                do {
                    entries = try fm.contentsOfDirectory(atPath: path)
                } catch {
                    report(.error, path, "folder cannot be read (\(FileError.describe(error))); the articles indexed from it are kept")
                    handler(.unreadableSource(path: CorpusReader.absolute(path)))
                    return
                }
                for entry in entries.sorted() where !entry.hasPrefix(".") {
                    walk((path as NSString).appendingPathComponent(entry), root: root, depth: depth + 1)
                }
            }
        }
        for root in roots { walk(root, root: root, depth: 0) }
        return found
    }

    /// The paths among `paths` that name nothing (missing, or a symbolic link whose target
    /// is gone): an index run given one stops before changing anything.
    public static func missingPaths(_ paths: [String]) -> [String] {
        paths.filter { FileAccess.kind(of: $0) == .missing }
    }

    /// `path` made absolute and standardised (`.` and `..` resolved), the form in which an
    /// index remembers where each article came from.
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Reads every article under `roots`, calling `handler` for each event.
    public func read(_ roots: [String], handler: (Event) -> Void) {
        for (path, root) in files(under: roots, handler: handler) {
            readFile(path, root: root, handler: handler)
        }
    }

    /// Reads one file; `root` determines the article id of one-article files.
    public func readFile(_ path: String, root: String, handler: (Event) -> Void) {
        let format = ArticleFormats.format(ofPath: path) ?? PlainTextFormat()
        switch format.layout {
        case .onePerLine: readLines(path, handler: handler)
        case .webArchive: readArchive(path, root: root, handler: handler)
        case .converted: readConverted(path, root: root, format: format as? PDFFormat ?? PDFFormat(), handler: handler)
        case .onePerFile(let frontMatter): readArticleFile(path, root: root, format: format, frontMatter: frontMatter, handler: handler)
        }
    }

    /// The metadata fields that hold text (a number or a list there is kept, with a warning).
    static let textFields: Set<String> = ["id", "title", "date", "source", "outlet", "url", "language"]

    /// An id as given, on one line (line breaks — LF, CR, NEL, the Unicode line and paragraph
    /// separators — made spaces, so that an id printed in a list cannot start a line of its
    /// own; other control characters stay, and every front end shows them as symbols), or nil
    /// if blank.
    static func identity(_ given: String) -> String? {
        let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
        let flat = given.unicodeScalars.contains(where: { breaks.contains($0.value) })
            ? String(String.UnicodeScalarView(given.unicodeScalars.map { breaks.contains($0.value) ? " " : $0 }))
            : given
        return flat.trimmingCharacters(in: .whitespaces).isEmpty ? nil : flat
    }

    /// What is wrong with a line JSON cannot read, in words.
    static func jsonProblem(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        // A high surrogate escape without its low half, or a low one without its high half.
        let lone = #"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"#
        if let range = trimmed.range(of: lone, options: .regularExpression) {
            return "not valid JSON: \(trimmed[range]) is half of a UTF-16 surrogate pair, no character"
        }
        if trimmed.hasPrefix("{") && !trimmed.hasSuffix("}") { return "not valid JSON: the object is not closed (a truncated line?)" }
        return "not valid JSON (malformed line)"
    }

    /// The article id of a file: its path relative to the root folder it was found under.
    static func fileID(_ path: String, root: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
            let base = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        }
        return (path as NSString).lastPathComponent
    }

    private func readArticleFile(_ path: String, root: String, format: any ArticleFormat, frontMatter: Bool, handler: (Event) -> Void) {
        // Whatever goes wrong below, an indexed version of this file is kept.
        func reject(_ diagnostic: Diagnostic) {
            handler(.diagnostic(diagnostic))
            handler(.unreadable(articleID: CorpusReader.fileID(path, root: root)))
        }
        var bytes: [UInt8]
        do {
            let read = try LineReader.prefix(of: path, limit: limit(of: format))
            bytes = read.bytes
            if read.size > bytes.count {
                // UTF-16 and UTF-32 are cut at a whole code unit; UTF-8 at a space.
                bytes = TextDecoding.wideEncoding(of: bytes) != nil ? Array(bytes.prefix(bytes.count & ~3)) : CorpusReader.cutAtWhitespace(bytes)
                handler(.diagnostic(Diagnostic(.warning, file: path, line: nil,
                                               "the file is \(CorpusReader.megabytes(read.size)); only its first \(CorpusReader.megabytes(bytes.count)) are read")))
            }
        } catch {
            reject(Diagnostic(.error, file: path, line: nil, "cannot be read (\(FileError.describe(error))); skipped"))
            return
        }
        let decoded = TextDecoding.decode(bytes)
        if let nulLine = decoded.nulLine {
            reject(Diagnostic(.error, file: path, line: nulLine, "contains NUL bytes: a binary file, not an article; skipped"))
            return
        }
        if let bad = decoded.firstInvalidLine {
            handler(.diagnostic(Diagnostic(.warning, file: path, line: bad, "invalid UTF-8 replaced with U+FFFD")))
        }
        let text = ByteSearch.replacingCRLF(decoded.text)
        let matter: FrontMatter
        do {
            matter = frontMatter ? try FrontMatter.split(text) : FrontMatter(body: Substring(text))
        } catch let failure as FrontMatter.Failure {
            reject(Diagnostic(.error, file: path, line: failure.line, failure.message + "; article skipped"))
            return
        } catch {
            reject(Diagnostic(.error, file: path, line: 1, "\(error); article skipped"))
            return
        }
        guard matter.body.contains(where: { !$0.isWhitespace }) else {
            reject(Diagnostic(.error, file: path, line: matter.bodyLine, "no article text (empty file or front matter only); skipped"))
            return
        }
        var fields = matter.fields
        let id = fields.removeValue(forKey: "id").flatMap(CorpusReader.identity) ?? CorpusReader.identity(CorpusReader.fileID(path, root: root)) ?? path
        var article = Article(id: id, body: String(matter.body), format: format, file: path, line: 1, bodyLine: matter.bodyLine)
        article.byteEnd = bytes.count
        apply(fields, to: &article, lineOf: { matter.lines[$0] ?? 1 }, handler: handler)
        emit(article, handler: handler)
    }

    private func readLines(_ path: String, handler: (Event) -> Void) {
        let reader: LineReader
        do {
            reader = try LineReader(path: path, maximumLineBytes: CorpusReader.maximumLineBytes)
        } catch {
            handler(.diagnostic(Diagnostic(.error, file: path, line: nil, "cannot be read (\(FileError.describe(error))); the articles indexed from it are kept")))
            handler(.unreadableSource(path: CorpusReader.absolute(path)))
            return
        }
        // A bad line's article cannot be named, so none of this file's indexed articles is removed.
        var keptAll = false
        func keepAll() {
            if !keptAll { handler(.unreadableSource(path: CorpusReader.absolute(path))) }
            keptAll = true
        }
        while true {
            let raw: [UInt8]
            do {
                switch try reader.next() {
                case nil: return
                case .text(let line): raw = line
                case .tooLong(let length):
                    handler(.diagnostic(Diagnostic(.error, file: path, line: reader.lineNumber,
                                                   "line of \(CorpusReader.megabytes(length)) is longer than the \(CorpusReader.megabytes(CorpusReader.maximumLineBytes)) limit; line skipped")))
                    keepAll()
                    continue
                }
            } catch {
                handler(.diagnostic(Diagnostic(.error, file: path, line: reader.lineNumber + 1, "read failed (\(FileError.describe(error))); rest of file skipped")))
                keepAll()
                return
            }
            let lineNumber = reader.lineNumber
            if lineNumber == 1, let wide = TextDecoding.wideEncoding(of: raw) {
                handler(.diagnostic(Diagnostic(.error, file: path, line: 1,
                                               "\(wide) is not supported in JSON Lines files; convert the file to UTF-8 (iconv -f \(wide) -t UTF-8); file skipped")))
                keepAll()
                return
            }
            if raw.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            if var article = parseJSONLine(raw, path: path, lineNumber: lineNumber, handler: handler, unnamed: keepAll) {
                article.byteEnd = reader.bytesRead
                emit(article, handler: handler)
            }
        }
    }

    /// One JSON Lines record as an article; `unnamed` is called when a bad line's article id
    /// cannot be known (so its indexed version cannot be kept by id).
    private func parseJSONLine(_ raw: [UInt8], path: String, lineNumber: Int, handler: (Event) -> Void, unnamed: () -> Void) -> Article? {
        func reject(_ message: String) -> Article? {
            handler(.diagnostic(Diagnostic(.error, file: path, line: lineNumber, message + "; line skipped")))
            unnamed()
            return nil
        }
        if raw.contains(0) { return reject("contains NUL bytes") }
        let decoded = TextDecoding.decode(raw)
        if decoded.firstInvalidLine != nil {
            handler(.diagnostic(Diagnostic(.warning, file: path, line: lineNumber, "invalid UTF-8 replaced with U+FFFD")))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(decoded.text.utf8), options: [.fragmentsAllowed])
        } catch {
            return reject(CorpusReader.jsonProblem(decoded.text))
        }
        guard let record = object as? [String: Any] else {
            let kind = object is NSNull ? "null" : object is String ? "a string" : object is [Any] ? "an array" : object is NSNumber ? "a number or true/false" : "a value"
            return reject("is \(kind), not a JSON object with a \"text\" field")
        }
        func rejectRecord(_ message: String) -> Article? {
            guard let id = record["id"] as? String, !id.isEmpty else { return reject(message) }
            handler(.diagnostic(Diagnostic(.error, file: path, line: lineNumber, message + "; line skipped")))
            handler(.unreadable(articleID: id))
            return nil
        }
        // The body: "text" (plain text, or a page), else "html" (a page).
        let bodyKey = record["text"] == nil && record["html"] != nil ? "html" : "text"
        guard let textValue = record[bodyKey] else { return rejectRecord("missing \"text\" field") }
        guard let text = textValue as? String else { return rejectRecord("\"\(bodyKey)\" is not a string") }
        guard text.contains(where: { !$0.isWhitespace }) else { return rejectRecord("\"\(bodyKey)\" is empty") }
        let format: any ArticleFormat = bodyKey == "html" ? HTMLFormat() : ArticleFormats.format(ofRecordText: text)
        var fields: [String: String] = [:]
        for (key, value) in record where key != bodyKey {
            if CorpusReader.textFields.contains(key.lowercased()), !(value is String), !(value is NSNull) {
                handler(.diagnostic(Diagnostic(.warning, file: path, line: lineNumber, "\"\(key)\" is not a string; it is kept as its JSON text")))
            }
            switch value {
            case let s as String: fields[key.lowercased()] = s
            case let n as NSNumber: fields[key.lowercased()] = n.stringValue
            case is NSNull: continue
            default:
                if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
                    fields[key.lowercased()] = String(decoding: data, as: UTF8.self)
                }
            }
        }
        let id: String
        if let given = fields.removeValue(forKey: "id").flatMap(CorpusReader.identity) {
            id = given
        } else {
            id = "\((path as NSString).lastPathComponent)#\(lineNumber)"
            handler(.diagnostic(Diagnostic(.warning, file: path, line: lineNumber, "no \"id\"; using \(id)")))
        }
        var body = ByteSearch.replacingCRLF(text)
        if body.utf8.count > limit(of: format) {
            let size = body.utf8.count
            body = String(decoding: CorpusReader.cutAtWhitespace(Array(body.utf8.prefix(limit(of: format)))), as: UTF8.self)
            handler(.diagnostic(Diagnostic(.warning, file: path, line: lineNumber,
                                           "the text is \(CorpusReader.megabytes(size)); only its first \(CorpusReader.megabytes(body.utf8.count)) are read")))
        }
        var article = Article(id: id, body: body, format: format,
                              file: path, line: lineNumber, bodyLine: lineNumber)
        apply(fields, to: &article, lineOf: { _ in lineNumber }, handler: handler)
        return article
    }

    private func apply(_ fields: [String: String], to article: inout Article, lineOf: (String) -> Int, handler: (Event) -> Void) {
        var extra = fields
        article.title = extra.removeValue(forKey: "title").map(Inline.singleLine) ?? ""
        article.source = (extra.removeValue(forKey: "source") ?? extra.removeValue(forKey: "outlet")).map(Inline.singleLine) ?? ""
        article.url = extra.removeValue(forKey: "url").map(Inline.singleLine) ?? ""
        if let dateText = extra.removeValue(forKey: "date"), !dateText.trimmingWhitespace().isEmpty {
            switch CalendarDate.parse(dateText) {
            case .date(let date): article.date = date
            case .invalid:
                handler(.diagnostic(Diagnostic(.warning, file: article.file, line: lineOf("date"),
                                               "date \"\(dateText)\" \(CalendarDate.notADay); looking for a date in the text instead")))
            case .notADate:
                handler(.diagnostic(Diagnostic(.warning, file: article.file, line: lineOf("date"),
                                               "date \"\(dateText)\" is not a date (use YYYY-MM-DD); looking for a date in the text instead")))
            }
        }
        article.extra = extra
    }

    /// `bytes` cut at its last space or newline, so no word or UTF-8 sequence is split; text
    /// with no space near its end (within 64 KB) is cut at the last whole UTF-8 character.
    static func cutAtWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        let window = bytes.index(bytes.endIndex, offsetBy: -(64 << 10), limitedBy: bytes.startIndex) ?? bytes.startIndex
        if let last = bytes[window...].lastIndex(where: { $0 == 32 || $0 == 10 }) { return Array(bytes[..<last]) }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] & 0xC0 == 0x80 { end -= 1 } // continuation bytes
        if end > bytes.startIndex, bytes[end - 1] >= 0xC0 { end -= 1 } // the lead byte of a cut character
        return Array(bytes[..<end])
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    func emit(_ article: Article, handler: (Event) -> Void) {
        guard seenIDs.insert(article.id.hashValue).inserted else {
            handler(.diagnostic(Diagnostic(.error, file: article.file, line: article.line,
                                           "duplicate article id \"\(article.id)\"; the first one read is kept, this one skipped")))
            return
        }
        handler(.article(article))
    }
}

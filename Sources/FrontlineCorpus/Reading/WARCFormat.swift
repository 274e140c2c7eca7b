import CZlib
import Foundation

/// Web archives (`.warc`, `.warc.gz`, as Webrecorder, Browsertrix, `wget --warc-file` and the
/// Internet Archive write them): each `response` record whose HTTP body is an HTML page is one
/// article, read like a page saved as a file; its `WARC-Target-URI` is the URL and its
/// `WARC-Date` the date when the page gives none. Other records (requests, metadata, revisits,
/// images, errors) are skipped and counted. The archive is streamed a record at a time.
public struct WARCFormat: ArticleFormat {
    /// Creates the format.
    public init() {}
    public var name: String { "WARC" }
    public var extensions: [String] { ["warc", "warc.gz"] }
    public var layout: FileLayout { .webArchive }
    /// A record's page, as for a page saved as a file.
    public var maximumArticleBytes: Int { HTMLFormat().maximumArticleBytes }
    public var isMarkedUp: Bool { true }

    public func content(of body: String, firstLine: Int) -> ArticleContent {
        HTMLFormat().content(of: body, firstLine: firstLine)
    }
}

/// A page captured in a web archive: HTML, dated by its capture when the page gives no date.
struct CapturedPage: ArticleFormat {
    /// When the page was captured (`WARC-Date`).
    let captured: CalendarDate?
    var name: String { "HTML" }
    var extensions: [String] { [] }
    var layout: FileLayout { .onePerFile(frontMatter: false) }
    var maximumArticleBytes: Int { HTMLFormat().maximumArticleBytes }
    var isMarkedUp: Bool { true }

    func content(of body: String, firstLine: Int) -> ArticleContent {
        var content = HTMLFormat().content(of: body, firstLine: firstLine)
        if content.metadata.date == nil { content.metadata.date = captured }
        return content
    }
}

/// A file read through zlib in chunks, by lines and by counts of bytes. A corrupt gzip
/// member is skipped by zlib's shim; where it was is kept in `gaps`.
final class CompressedStream {
    private let file: OpaquePointer
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    /// Bytes handed to the buffer so far.
    private var filled = 0
    /// Set when the file could not be read.
    private(set) var failure: String?
    /// The decompressed positions where a corrupt member was skipped, with what was wrong.
    private(set) var gaps: [(position: Int, problem: String)] = []

    init(path: String) throws {
        guard let file = czl_open(path) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        self.file = file
    }

    deinit { czl_close(file) }

    /// The compressed bytes read so far.
    var offset: Int { Int(czl_offset(file)) }
    /// The decompressed bytes taken by the reader so far.
    var position: Int { filled - (buffer.count - start) }

    /// Takes the gaps met at or before the reader's position.
    func passedGaps() -> [(position: Int, problem: String)] {
        let passed = gaps.filter { $0.position <= position }
        gaps.removeFirst(passed.count)
        return passed
    }

    /// Reads more into the buffer; false at the end or on an error.
    private func fill() -> Bool {
        guard !ended else { return false }
        if start > 0 { buffer.removeFirst(start); start = 0 }
        var chunk = [UInt8](repeating: 0, count: 1 << 17)
        let corruptions = czl_corruptions(file)
        let n = chunk.withUnsafeMutableBytes { czl_read(file, $0.baseAddress, $0.count) }
        if n < 0 {
            failure = "read error"
            ended = true
            return false
        }
        filled += n
        if czl_corruptions(file) > corruptions { gaps.append((filled, String(cString: czl_error(file)))) }
        if n == 0 {
            if czl_corruptions(file) > corruptions { return fill() } // only a bad member was met
            ended = true
            return false
        }
        buffer += chunk.prefix(Int(n))
        return true
    }

    /// The next line without its `\r\n` or `\n`; nil at the end. A line longer than `limit`
    /// is returned cut at `limit` (the rest is dropped).
    func line(limit: Int = 64 << 10) -> [UInt8]? {
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: 10) {
                var line = Array(buffer[start..<newline])
                start = newline + 1
                if line.last == 13 { line.removeLast() }
                return line.count > limit ? Array(line.prefix(limit)) : line
            }
            if buffer.count - start > limit {
                let line = Array(buffer[start..<(start + limit)])
                start += limit
                while true { // drop the rest of the line
                    if let newline = buffer[start...].firstIndex(of: 10) { start = newline + 1; break }
                    start = buffer.count
                    if !fill() { break }
                }
                return line
            }
            searched = buffer.count
            if !fill() {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            searched -= start // fill moved the unread bytes to the front
        }
    }

    /// The next `count` bytes (fewer at the end).
    func bytes(_ count: Int) -> [UInt8] {
        while buffer.count - start < count, fill() {}
        let end = min(buffer.count, start + count)
        let bytes = Array(buffer[start..<end])
        start = end
        return bytes
    }

    /// Skips `count` bytes; returns how many there were.
    func skip(_ count: Int) -> Int {
        var left = count
        while left > 0 {
            if start == buffer.count, !fill() { break }
            let step = min(left, buffer.count - start)
            start += step
            left -= step
        }
        return count - left
    }
}

extension CorpusReader {
    /// The most bytes of one record read into memory; a longer one is skipped.
    static let maximumRecordBytes = HTMLFormat().maximumArticleBytes + (1 << 20)

    /// Reads the response records of a web archive as articles.
    func readArchive(_ path: String, root: String, handler: (Event) -> Void) {
        let stream: CompressedStream
        do { stream = try CompressedStream(path: path) } catch {
            handler(.diagnostic(Diagnostic(.error, file: path, line: nil, "cannot be read (\(FileError.describe(error))); the articles indexed from it are kept")))
            handler(.unreadableSource(path: CorpusReader.absolute(path)))
            return
        }
        let fileID = CorpusReader.fileID(path, root: root)
        var record = 0, skipped: [String: Int] = [:]
        func report(_ severity: Diagnostic.Severity, _ message: String) {
            handler(.diagnostic(Diagnostic(severity, file: path, line: nil, message)))
        }
        func keepAll() { handler(.unreadableSource(path: CorpusReader.absolute(path))) }
        /// Skips to the next line that starts a record; false at the end of the file.
        func resynchronise() -> [UInt8]? {
            while let line = stream.line() {
                if line.starts(with: Array("WARC/".utf8)) { return line }
            }
            return nil
        }
        var pending: [UInt8]? = nil
        defer {
            if !skipped.isEmpty {
                let counts = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                report(.warning, "records skipped (not HTML pages): \(counts)")
            }
        }
        func reportGaps() {
            for gap in stream.passedGaps() {
                report(.error, "corrupt compressed data after record \(record) (\(gap.problem)); that part of the archive is skipped")
                keepAll()
            }
        }
        defer { reportGaps() }
        while true {
            guard let version = pending ?? nextNonEmptyLine(stream) else { break }
            pending = nil
            reportGaps()
            record += 1
            let name = "record \(record)"
            guard version.starts(with: Array("WARC/".utf8)) else {
                report(.error, "\(name) does not start with a WARC version line; skipped to the next record")
                keepAll()
                pending = resynchronise()
                continue
            }
            var headers: [String: String] = [:]
            while let line = stream.line(), !line.isEmpty {
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
                let key = String(decoding: line[..<colon], as: UTF8.self).lowercased()
                headers[key] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace()
            }
            let type = headers["warc-type"] ?? "unknown"
            let uri = headers["warc-target-uri"].map { $0.trimmingCharacters(in: "<>") } ?? ""
            let label = uri.isEmpty ? name : "\(name) (\(Inline.singleLine(uri)))"
            guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
                report(.error, "\(label) has no valid Content-Length; skipped to the next record")
                keepAll()
                pending = resynchronise()
                continue
            }
            var block: [UInt8] = []
            if type == "response", length <= CorpusReader.maximumRecordBytes {
                block = stream.bytes(length)
                if block.count < length {
                    report(.error, "\(label) is cut short: the archive ends \(length - block.count) bytes before its declared length")
                    keepAll()
                    break
                }
            } else {
                if type == "response" { report(.warning, "\(label) is larger than \(CorpusReader.megabytes(CorpusReader.maximumRecordBytes)); skipped") }
                let read = stream.skip(length)
                if read < length {
                    report(.error, "\(label) is cut short: the archive ends \(length - read) bytes before its declared length")
                    keepAll()
                    break
                }
                if type != "response" { skipped[type, default: 0] += 1 }
            }
            // A record ends with two empty lines; anything else means it was longer than declared.
            let next = nextNonEmptyLine(stream)
            if let next, !next.starts(with: Array("WARC/".utf8)) {
                report(.error, "\(label) is longer than its Content-Length of \(length) bytes; skipped to the next record")
                keepAll()
                pending = resynchronise()
                continue
            }
            pending = next
            guard type == "response" else { continue }
            switch CorpusReader.page(in: block) {
            case .page(let body):
                let recordID = headers["warc-record-id"].map { $0.trimmingCharacters(in: "<>") } ?? "\(record)"
                let decoded = TextDecoding.decode(body)
                if decoded.nulLine != nil {
                    report(.error, "\(label) contains NUL bytes; skipped")
                    handler(.unreadable(articleID: "\(fileID)#\(recordID)"))
                    continue
                }
                let captured: CalendarDate?
                if let date = headers["warc-date"], case .date(let day) = CalendarDate.parse(String(date.prefix(10))) { captured = day } else { captured = nil }
                var article = Article(id: "\(fileID)#\(recordID)", url: Inline.singleLine(uri), body: decoded.text,
                                      format: CapturedPage(captured: captured), file: path, line: 1, bodyLine: 1)
                article.byteEnd = stream.offset
                emit(article, handler: handler)
            case .skipped(let reason):
                skipped[reason, default: 0] += 1
            }
        }
        if let failure = stream.failure {
            report(.error, "\(failure) after record \(record); the rest of the archive is not read")
            keepAll()
        }
    }

    /// What a response record's HTTP message holds.
    enum ResponsePayload: Equatable {
        case page([UInt8])
        case skipped(String)
    }

    /// The HTML page in an HTTP response (chunked and compressed bodies decoded), or why there is none.
    static func page(in message: [UInt8]) -> ResponsePayload {
        guard let end = headerEnd(message) else { return .skipped("responses without HTTP headers") }
        let head = String(decoding: message[..<end.headers], as: UTF8.self)
        let lines = head.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" })
        guard let status = lines.first, status.hasPrefix("HTTP/") else { return .skipped("responses without HTTP headers") }
        let code = status.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        guard (200..<300).contains(code) else { return .skipped("responses with status other than 2xx") }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = String(line[line.index(after: colon)...]).trimmingWhitespace().lowercased()
        }
        let type = fields["content-type"] ?? ""
        guard ByteSearch.contains(type, "html") else { return .skipped("responses that are not HTML") }
        var body = Array(message[end.body...])
        if ByteSearch.contains(fields["transfer-encoding"] ?? "", "chunked") {
            guard let joined = dechunked(body) else { return .skipped("responses with broken chunked bodies") }
            body = joined
        }
        switch fields["content-encoding"] ?? "identity" {
        case "identity", "": break
        case "gzip", "x-gzip", "deflate":
            guard let inflated = inflate(body) else { return .skipped("responses with corrupt compressed bodies") }
            body = inflated
        default: return .skipped("responses in unsupported content encodings")
        }
        return .page(body)
    }

    private static func headerEnd(_ message: [UInt8]) -> (headers: Int, body: Int)? {
        var i = 0
        while i + 1 < message.count, i < 1 << 20 {
            if message[i] == 10 {
                if message[i + 1] == 10 { return (i, i + 2) }
                if message[i + 1] == 13, i + 2 < message.count, message[i + 2] == 10 { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    /// A chunked HTTP body joined; nil if the chunk sizes do not fit the data.
    static func dechunked(_ body: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = [], i = 0
        while i < body.count {
            guard let lineEnd = body[i...].firstIndex(of: 10) else { return nil }
            let sizeText = String(decoding: body[i..<lineEnd], as: UTF8.self).split(separator: ";").first.map { String($0).trimmingWhitespace() } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            if size == 0 { return out }
            let start = lineEnd + 1
            guard start + size <= body.count else { return nil }
            out += body[start..<(start + size)]
            i = start + size
            while i < body.count, body[i] == 13 || body[i] == 10 { i += 1 }
        }
        return out
    }

    /// gzip or zlib data inflated, up to the page size limit; nil if corrupt or larger.
    static func inflate(_ data: [UInt8]) -> [UInt8]? {
        var capacity = max(1 << 16, data.count * 8)
        while true {
            capacity = min(capacity, HTMLFormat().maximumArticleBytes)
            var out = [UInt8](repeating: 0, count: capacity)
            let n = data.withUnsafeBytes { input in
                out.withUnsafeMutableBytes { czl_inflate(input.baseAddress, input.count, $0.baseAddress, $0.count) }
            }
            if n >= 0 { return Array(out.prefix(n)) }
            guard capacity < HTMLFormat().maximumArticleBytes else { return nil }
            capacity *= 4
        }
    }
}

/// The next line of `stream` that is not empty; nil at the end.
private func nextNonEmptyLine(_ stream: CompressedStream) -> [UInt8]? {
    while let line = stream.line() {
        if !line.isEmpty { return line }
    }
    return nil
}

import Foundation
import Testing
@testable import FrontlineCorpus

/// One WARC record.
private func record(_ type: String, uri: String, id: String, date: String = "2019-11-20T10:00:00Z", payload: [UInt8]) -> [UInt8] {
    let head = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Date: \(date)\r\nWARC-Target-URI: \(uri)\r\n"
        + "Content-Type: application/http; msgtype=\(type)\r\nContent-Length: \(payload.count)\r\n\r\n"
    return Array(head.utf8) + payload + Array("\r\n\r\n".utf8)
}

/// An HTTP response carrying `body` as `type`.
private func response(_ body: [UInt8], type: String = "text/html; charset=utf-8", extra: String = "") -> [UInt8] {
    Array("HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\n\(extra)\r\n".utf8) + body
}

/// `bytes` as one gzip member, by the system's gzip.
private func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c", "-n"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
}

/// Reads `path` and returns each article's indexed text with the article, and the diagnostics.
private func readArchive(_ path: String) -> (articles: [(Article, String)], diagnostics: [Diagnostic]) {
    let processor = ArticleProcessor(gazetteer: shippedGazetteer)
    var articles: [(Article, String)] = [], diagnostics: [Diagnostic] = []
    CorpusReader().read([path]) { event in
        switch event {
        case .article(let article):
            let read = processor.text(of: article)
            articles.append((read.article, read.passages.map(\.text).joined(separator: "\n\n")))
        case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
        default: break
        }
    }
    return (articles, diagnostics)
}

private let pages = Repository.ingestDev + "/dev/html"
private let hasPages = FileManager.default.fileExists(atPath: pages)

/// Two real pages (BBC News, a Times Union article) and the text each gives as a file.
private func realPages() throws -> [(bytes: [UInt8], text: String)] {
    let files = try FileManager.default.contentsOfDirectory(atPath: pages).filter { $0.hasPrefix("c7e39ac4") || $0.hasPrefix("d0382c0d") }.sorted()
    return try files.map { file in
        let path = pages + "/" + file
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        return (bytes, readArchive(path).articles.first?.1 ?? "")
    }
}

@Suite struct WARCTests {
    @Test(.enabled(if: hasPages, "needs the ingest-dev pages"))
    func aCompressedArchiveGivesTheSameTextAsThePagesAsFiles() throws {
        let real = try realPages()
        #expect(real.count == 2 && real.allSatisfy { !$0.text.isEmpty })
        var archive: [UInt8] = []
        for (i, page) in real.enumerated() {
            archive += try gzipped(record("request", uri: "https://example.org/\(i)", id: "q\(i)", payload: Array("GET / HTTP/1.1\r\n\r\n".utf8)))
            archive += try gzipped(record("response", uri: "https://example.org/\(i)", id: "r\(i)", payload: response(page.bytes)))
        }
        archive += try gzipped(record("response", uri: "https://example.org/logo.png", id: "img", payload: response([1, 2, 3], type: "image/png")))
        archive += try gzipped(record("metadata", uri: "https://example.org/0", id: "m", payload: Array("via: x\r\n".utf8)))
        let directory = TemporaryDirectory()
        let path = directory.write("crawl.warc.gz", bytes: archive)
        let (articles, diagnostics) = readArchive(path)
        #expect(articles.map(\.1) == real.map(\.text))
        #expect(articles.map(\.0.id) == ["crawl.warc.gz#urn:uuid:r0", "crawl.warc.gz#urn:uuid:r1"])
        #expect(articles.map(\.0.url) == ["https://example.org/0", "https://example.org/1"])
        #expect(diagnostics.map(\.message) == ["records skipped (not HTML pages): 1 metadata, 2 request, 1 responses that are not HTML"], "\(diagnostics)")
    }

    @Test func theCaptureDateStandsInForAMissingPageDate() {
        let page = Array("<html><body><p>Officials said the shelling of the town went on through the night.</p></body></html>".utf8)
        let dated = Array("<html><head><meta property='article:published_time' content='2019-11-18'></head><body><p>Officials said the shelling of the town went on through the night.</p></body></html>".utf8)
        let directory = TemporaryDirectory()
        let path = directory.write("a.warc", bytes: record("response", uri: "https://a/1", id: "1", date: "2019-11-20T10:00:00Z", payload: response(page))
                                                    + record("response", uri: "https://a/2", id: "2", payload: response(dated)))
        let (articles, _) = readArchive(path)
        #expect(articles.map { $0.0.date?.iso } == ["2019-11-20", "2019-11-18"])
    }

    @Test func chunkedAndCompressedBodiesAreDecoded() throws {
        let page = "<html><body><p>Officials said the shelling of the town went on through the night.</p></body></html>"
        let bytes = Array(page.utf8)
        let chunked = Array("20\r\n".utf8) + bytes.prefix(32) + Array("\r\n\(String(bytes.count - 32, radix: 16))\r\n".utf8) + bytes.dropFirst(32) + Array("\r\n0\r\n\r\n".utf8)
        #expect(CorpusReader.page(in: response(chunked, extra: "Transfer-Encoding: chunked\r\n")) == .page(bytes))
        #expect(CorpusReader.page(in: response(try gzipped(bytes), extra: "Content-Encoding: gzip\r\n")) == .page(bytes))
        #expect(CorpusReader.page(in: response([0x1f, 0x8b, 8, 0, 1, 2, 3], extra: "Content-Encoding: gzip\r\n")) == .skipped("responses with corrupt compressed bodies"))
        #expect(CorpusReader.page(in: Array("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>x</p>".utf8)) == .skipped("responses with status other than 2xx"))
    }

    @Test func aRecordLongerThanDeclaredIsNamedAndTheNextOneRead() {
        let page = Array("<html><body><p>Officials said the shelling of the town went on through the night.</p></body></html>".utf8)
        var first = record("response", uri: "https://a/1", id: "1", payload: response(page))
        first.insert(contentsOf: Array("UNDECLARED BYTES".utf8), at: first.count - 4)
        let directory = TemporaryDirectory()
        let path = directory.write("long.warc", bytes: first + record("response", uri: "https://a/2", id: "2", payload: response(page)))
        let (articles, diagnostics) = readArchive(path)
        #expect(articles.map(\.0.url) == ["https://a/2"])
        #expect(diagnostics.contains { $0.severity == .error && $0.file == path && $0.message.contains("record 1 (https://a/1) is longer than its Content-Length") }, "\(diagnostics)")
    }

    @Test func aCutArchiveKeepsTheRecordsBeforeTheCut() {
        let page = Array("<html><body><p>Officials said the shelling of the town went on through the night.</p></body></html>".utf8)
        let whole = record("response", uri: "https://a/1", id: "1", payload: response(page)) + record("response", uri: "https://a/2", id: "2", payload: response(page))
        let directory = TemporaryDirectory()
        let path = directory.write("cut.warc", bytes: Array(whole.dropLast(40)))
        let (articles, diagnostics) = readArchive(path)
        #expect(articles.map(\.0.url) == ["https://a/1"])
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("record 2 (https://a/2) is cut short") }, "\(diagnostics)")
    }

    @Test func aCorruptGzipMemberIsNamedAndTheRecordsBeforeItKept() throws {
        let page = Array("<html><body><p>Officials said the shelling of the town went on through the night, the ministry said.</p></body></html>".utf8)
        let good = try gzipped(record("response", uri: "https://a/1", id: "1", payload: response(page)))
        var bad = try gzipped(record("response", uri: "https://a/2", id: "2", payload: response(page + Array(repeating: 65, count: 4000))))
        for i in 20..<60 { bad[i] ^= 0x5A }
        let directory = TemporaryDirectory()
        let path = directory.write("bad.warc.gz", bytes: good + bad)
        let (articles, diagnostics) = readArchive(path)
        #expect(articles.map(\.0.url) == ["https://a/1"])
        #expect(diagnostics.contains { $0.severity == .error && $0.file == path && $0.message.contains("corrupt compressed data") }, "\(diagnostics)")
    }
}

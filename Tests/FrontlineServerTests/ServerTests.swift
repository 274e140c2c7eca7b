import CLinux
import EngineTestSupport
import Foundation
import Synchronization
import FrontlineEngine
@testable import FrontlineServer
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import XapianTestSupport

/// The server in process (Hummingbird's router tester): every endpoint, status, error
/// body and security header, against real indexes.
@Suite struct ServerTests {
    static let index: String? = {
        let path = ProcessLifetime.folder("server-index") + "/index"
        return (try? buildIndex([Repository.corpus], into: path)) != nil ? path : nil
    }()

    private func app(locations: [String]? = nil, token: String? = nil) throws -> some ApplicationProtocol {
        var options = FrontlineServer.Options(locations: try locations ?? [#require(Self.index, "the shipped corpus could not be indexed")])
        options.token = token
        options.healthInterval = .milliseconds(200)
        // The served requests are not what these tests time: a sanitizer build on a busy
        // machine may take longer than the default 10 s for a first remote search.
        options.timeLimit = .seconds(60)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return Application(router: try FrontlineServer(options: options).router(logger: logger))
    }

    private func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    @Test func everyEndpointAnswersWithItsTypeAndTheSecurityHeaders() async throws {
        try await app().test(.router) { client in
            let endpoints = [
                ("/", "text/html"), ("/?q=ceasefire&side=armenia", "text/html"), ("/compare?q=casualties", "text/html"),
                ("/figures?q=casualties", "text/html"), ("/figures?disputed=1&by=side", "text/html"), ("/api/figures?category=killed", "application/json"),
                ("/articles/002_88958093e7319f4a.txt?passage=7", "text/html"), ("/static/app.css", "text/css"), ("/static/app.js", "text/javascript"),
                ("/api/search?q=ceasefire", "application/json"), ("/api/compare?q=casualties&by=side", "application/json"),
                ("/api/articles/002_88958093e7319f4a.txt?passage=7&context=1", "application/json"), ("/api/stats", "application/json"),
                ("/api/suggest?q=tal", "application/json"), ("/api/export?q=ceasefire&format=csv", "text/csv"),
                ("/api/export?q=ceasefire&format=jsonl", "application/x-ndjson"), ("/healthz", "application/json"),
            ]
            for (uri, type) in endpoints {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(uri): \(String(describing: response.headers[.contentType]))")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "\(uri)")
                    #expect(response.headers[values: .init("X-Content-Type-Options")!].first == "nosniff", "\(uri)")
                    #expect(response.headers[values: .init("Referrer-Policy")!].first == "no-referrer", "\(uri)")
                }
            }
        }
    }

    @Test func errorsAreJSONWithTheirStatusAndNeverATraceOrAPath() async throws {
        let index = try #require(Self.index)
        try await app().test(.router) { client in
            let cases: [(String, HTTPRequest.Method, HTTPResponse.Status, String)] = [
                ("/api/search?q=shelling%20AND", .get, .badRequest, "bad_query"),
                ("/api/search?q=x&limit=5000", .get, .badRequest, "bad_parameter"),
                ("/api/search?q=x&from=2020-13-45", .get, .badRequest, "bad_parameter"),
                ("/api/search?q=x&sort=sideways", .get, .badRequest, "bad_parameter"),
                ("/api/search?q=" + String(repeating: "x", count: 2_100), .get, .badRequest, "query_too_long"),
                ("/api/search?q=" + String(repeating: "x", count: 9_000), .get, .uriTooLong, "uri_too_long"),
                ("/api/articles/no-such-article", .get, .notFound, "not_found"),
                ("/api/articles/002_88958093e7319f4a.txt?passage=999", .get, .notFound, "not_found"),
                ("/api/nothing-here", .get, .notFound, "not_found"),
                ("/api/export?q=x&format=xml", .get, .badRequest, "bad_parameter"),
                ("/api/figures?category=kiled", .get, .badRequest, "bad_parameter"),
                ("/api/search?q=x", .post, .methodNotAllowed, "method_not_allowed"),
                ("/api/search?q=caf%E9", .get, .badRequest, "bad_encoding"),
                ("/api/search?q=%ff", .get, .badRequest, "bad_encoding"),
            ]
            for (uri, method, status, code) in cases {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == status, "\(uri.prefix(60))")
                    let body = String(buffer: response.body)
                    let error = try json(response)["error"] as? [String: Any]
                    #expect(error?["code"] as? String == code, "\(uri.prefix(60)): \(body.prefix(200))")
                    #expect(error?["message"] is String)
                    #expect(!body.contains(index) && !body.contains("/tmp") && !body.contains("Swift"), "\(body.prefix(200))")
                }
            }
            try await client.execute(uri: "/api/search?q=x", method: .get, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .contentTooLarge)
            }
            // A body announced as chunked, without a length, is refused as well.
            try await client.execute(uri: "/api/search?q=x", method: .get, headers: [.transferEncoding: "chunked"], body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/api/search?q=x", method: .delete) { response in
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            // HEAD is answered like GET, without a body.
            try await client.execute(uri: "/api/search?q=ceasefire", method: .head) { response in
                #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("application/json") == true, "\(response.status) \(String(buffer: response.body))")
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
        }
    }

    @Test func theServerStartsWithAShardDownNamesItAndAnswersFromTheRestWhenAsked() async throws {
        let dir = TemporaryDirectory()
        try buildIndex([Repository.corpus], into: dir.child("index"), jobs: 2)
        let up = try #require(TCPServer(serving: dir.child("index") + "/shard-0"), "xapian-tcpsrv is not installed")
        let stopped = try #require(TCPServer(serving: dir.child("index") + "/shard-1"))
        stopped.stop()
        let gone = stopped.address
        try await app(locations: [up.address, gone]).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let shards = try json(response)["shards"] as? [[String: Any]]
                #expect(shards?.map { $0["reachable"] as? Bool } == [true, false], "\(String(buffer: response.body))")
                #expect(shards?.last?["location"] as? String == gone)
            }
            try await client.execute(uri: "/api/search?q=ceasefire", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let error = try json(response)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "shard_unreachable")
                #expect((error?["message"] as? String)?.contains(gone) == true, "\(String(buffer: response.body))")
            }
            try await client.execute(uri: "/api/search?q=&partial=1", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                let missing = body["missing_shards"] as? [[String: Any]]
                #expect(missing?.count == 1 && missing?.first?["location"] as? String == gone, "\(String(buffer: response.body))")
                #expect((missing?.first?["share"] as? Double).map { $0 > 0 && $0 < 1 } == true)
                #expect((body["notices"] as? [String])?.contains { $0.contains(gone) } == true)
            }
            try await client.execute(uri: "/?q=ceasefire&partial=1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("shard \(gone)"))
            }
        }
    }

    @Test func aShardThatAcceptsButNeverAnswersHoldsUpNoRequest() async throws {
        let dir = TemporaryDirectory()
        try buildIndex([Repository.corpus], into: dir.child("index"), jobs: 2)
        let up = try #require(TCPServer(serving: dir.child("index") + "/shard-0"), "xapian-tcpsrv is not installed")
        // A listener that never accepts: connections complete, and nothing ever answers them.
        let silent = Process()
        silent.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        silent.arguments = ["python3", "-c", "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(64); print(s.getsockname()[1], flush=True); time.sleep(300)"]
        let output = Pipe()
        silent.standardOutput = output
        silent.standardError = FileHandle.nullDevice
        try silent.run()
        // SIGKILL: the test process ignores SIGTERM (the server's own handling), and its children inherit that.
        defer { kill(silent.processIdentifier, SIGKILL) }
        let port = try #require(Int(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        let hung = "tcp://127.0.0.1:\(port)"
        // A server process of its own, timed by curl: the answer times are the server's,
        // not those of this process's task threads, which the rest of the suite keeps busy.
        let server = try #require(ServedFrontline(["--index", up.address, "--index", hung]))
        let bound = server.port
        for _ in 0..<3 {
            for (path, code) in [("/healthz", "503"), ("/api/search?q=ceasefire", "503")] {
                let answer = try runProgram("/usr/bin/curl", ["-s", "-w", "\\n%{http_code} %{time_total}", "http://127.0.0.1:\(bound)\(path)"], timeout: 60).out
                let last = answer.split(separator: "\n").last?.split(separator: " ") ?? []
                #expect(last.first.map(String.init) == code && answer.replacingOccurrences(of: "\\/", with: "/").contains(hung), "\(path): \(answer)")
                // Answered from state: neither waits for the silent shard's 5 s call limit.
                #expect((last.last.flatMap { Double($0) } ?? 99) < 2, "\(path): \(answer)")
            }
            try await Task.sleep(for: .milliseconds(300))
        }
        server.stop()
    }

    @Test func aShardThatStopsAnsweringIsA503() async throws {
        let dir = TemporaryDirectory()
        try buildIndex([Repository.corpus], into: dir.child("index"), jobs: 1)
        let shard = Mutex<TCPServer?>(TCPServer(serving: dir.child("index") + "/shard-0"))
        let address = try #require(shard.withLock { $0?.address }, "xapian-tcpsrv is not installed")
        try await app(locations: [address]).test(.router) { client in
            // While the shard answers, so does the server. A searcher that met an unreachable
            // shard is dropped and the next request opens a new one, so a first connection
            // lost on a slow machine (a sanitizer build under load) is retried, not a failure.
            var answers: [String] = []
            for _ in 0..<10 where answers.last != "200" {
                if !answers.isEmpty { try await Task.sleep(for: .milliseconds(500)) }
                try await client.execute(uri: "/api/search?q=ceasefire", method: .get) { response in
                    answers.append(response.status == .ok ? "200" : "\(response.status.code) \(String(buffer: response.body))")
                }
            }
            #expect(answers.last == "200", "\(answers)")
            shard.withLock { $0?.stop() } // the shard's machine goes away
            try await client.execute(uri: "/api/search?q=ceasefire", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let error = try json(response)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "shard_unreachable")
            }
        }
    }

    @Test func aShardDamagedWhileServingIsUnhealthyAndItsSearchesA503() async throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        try buildIndex([Repository.corpus], into: index, jobs: 1)
        try await app(locations: [index]).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            // Cut the posting lists short, as a disk that filled up or failed would. (Garbage
            // written over the blocks instead can crash Xapian itself, which reads its own
            // tables unchecked: that takes the process down, whatever Frontline does.)
            let postlist = IndexLayout(folder: index).shardPath(0) + "/postlist.glass"
            let handle = try #require(FileHandle(forUpdatingAtPath: postlist))
            let size = try handle.seekToEnd()
            try handle.truncate(atOffset: size / 3)
            try handle.close()
            for query in ["ceasefire", "Talish", "helicopter", "Putin"] {
                try await client.execute(uri: "/api/search?q=\(query)", method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(query): \(String(buffer: response.body))")
                }
            }
            // The probe's sample or the searches found it: health says so, and stays so.
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(300))
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .serviceUnavailable && String(buffer: response.body).contains("corrupt"), "\(String(buffer: response.body))")
                }
            }
        }
    }

    @Test func theArticlePageHonoursContextAnswers404AndPagesALongArticle() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/articles/002_88958093e7319f4a.txt?passage=7&context=1", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("id=\"p6\"") && page.contains("id=\"p7\"") && page.contains("id=\"p8\""))
                #expect(!page.contains("id=\"p5\"") && !page.contains("id=\"p9\""))
            }
            try await client.execute(uri: "/articles/002_88958093e7319f4a.txt?passage=999", method: .get) { #expect($0.status == .notFound) }
        }
        let dir = TemporaryDirectory()
        let paragraphs = (0..<450).map { "Paragraph \($0): the shelling near Talish went on, officials said." }
        dir.write("corpus/long.txt", "Long report\n\n" + paragraphs.joined(separator: "\n\n"))
        try buildIndex([dir.child("corpus")], into: dir.child("index"))
        try await app(locations: [dir.child("index")]).test(.router) { client in
            try await client.execute(uri: "/articles/long.txt?passage=300", method: .get) { response in
                let page = String(buffer: response.body)
                let shown = page.components(separatedBy: "class=\"passage").count - 1
                #expect(shown == ArticlePage.pageSize, "\(shown)")
                #expect(page.contains("id=\"p300\"") && page.contains("earlier passages") && page.contains("later passages"))
            }
        }
    }

    @Test func statsReportTheIndexSize() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/stats", method: .get) { response in
                let bytes = try json(response)["index_bytes"] as? Int ?? 0
                #expect(bytes > 100_000)
            }
        }
    }

    @Test func aTokenACookieCannotCarryIsRefusedAtStart() {
        #expect(FrontlineServer.problem(withToken: "0123456789abcdef-secret") == nil)
        #expect(FrontlineServer.problem(withToken: "short") != nil)
        #expect(FrontlineServer.problem(withToken: "0123456789abcdef;secret") != nil)
        #expect(FrontlineServer.problem(withToken: "0123456789abcdef\nsecret") != nil)
        #expect(FrontlineServer.problem(withToken: "0123456789 abcdef secret") != nil)
    }

    @Test func aConnectionThatSendsItsHeadersTooSlowlyIsClosed() async throws {
        let index = try #require(Self.index)
        let server = try #require(ServedFrontline(["--index", index, "--idle-timeout", "1", "--max-connections", "50"]))
        let bound = server.port
        // 80 connections (more than the cap) each send half a request head and stall; each is
        // closed by the server, and a whole request is answered after them.
        let script = """
        import socket, sys, time
        port = int(sys.argv[1])
        sockets = []
        for _ in range(80):
            s = socket.create_connection(("127.0.0.1", port), timeout=20)
            s.sendall(b"GET /api/search?q=ceasefire HTTP/1.1\\r\\nHost: x\\r\\n")
            sockets.append(s)
        start = time.time(); closed = 0
        for s in sockets:
            s.settimeout(8)
            try:
                closed += s.recv(1) == b""
            except TimeoutError:
                pass
            except OSError:
                closed += 1
        print(closed, round(time.time() - start, 1))
        answer = b""
        for _ in range(5):
            s = socket.create_connection(("127.0.0.1", port), timeout=20)
            s.sendall(b"GET /healthz HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
            answer = s.recv(12)
            if answer:
                break
            time.sleep(1)
        print(answer.decode())
        """
        let result = try runProgram("/usr/bin/env", ["python3", "-c", script, String(bound)], timeout: 60).out
        let lines = result.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("80 ") == true, "\(result)")
        #expect(lines.last?.hasPrefix("HTTP/1.1 200") == true, "\(result)")
        #expect(server.stop() == 0, "a SIGTERM stops the server cleanly")
    }

    @Test func aTokenIsRequiredWhenSet() async throws {
        let token = "0123456789abcdef-secret"
        try await app(token: token).test(.router) { client in
            try await client.execute(uri: "/api/search?q=ceasefire", method: .get) { response in
                #expect(response.status == .unauthorized)
                let error = try json(response)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "unauthorized")
            }
            try await client.execute(uri: "/api/search?q=ceasefire", method: .get, headers: [.authorization: "Bearer wrong-token-xxxxxxx"]) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/search?q=ceasefire", method: .get, headers: [.authorization: "Bearer \(token)"]) { #expect($0.status == .ok) }
            try await client.execute(uri: "/login?token=\(token)", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("HttpOnly") == true)
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "frontline_token=\(token)"]) { #expect($0.status == .ok) }
            // The scheme is case-insensitive.
            try await client.execute(uri: "/api/search?q=ceasefire", method: .get, headers: [.authorization: "bearer \(token)"]) { #expect($0.status == .ok) }
            // Guessing is limited: after ten wrong tokens a client is refused, even with the right one.
            var guesses: [HTTPResponse.Status] = []
            for _ in 0..<12 where guesses.last != .tooManyRequests {
                try await client.execute(uri: "/login?token=guess-guess-guess-1", method: .get) { guesses.append($0.status) }
            }
            #expect(guesses.last == .tooManyRequests && guesses.count <= 11, "\(guesses)")
            try await client.execute(uri: "/login?token=\(token)", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }

    @Test func theExportStreamsEveryMatchingPassage() async throws {
        try await app().test(.router) { client in
            let total = try await client.execute(uri: "/api/search?q=&limit=0", method: .get) { try json($0)["total"] as? Int ?? -1 }
            #expect(total == 120)
            try await client.execute(uri: "/api/export?format=csv", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("rank,article,passage,"))
                let records = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count
                #expect(records >= total + 1, "every passage and a header (quoted fields may hold line breaks)")
            }
            try await client.execute(uri: "/api/export?format=jsonl&side=armenia", method: .get) { response in
                let lines = String(buffer: response.body).split(separator: "\n")
                let armenia = try await client.execute(uri: "/api/search?side=armenia&limit=0", method: .get) { try json($0)["total"] as? Int ?? -1 }
                #expect(lines.count == armenia)
                #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] })
            }
        }
    }

    @Test func aRequestOverItsTimeLimitIsA503AndTheNextOneIsAnswered() async throws {
        let pool = try SearcherPool(locations: [#require(Self.index)], timeLimit: .seconds(10))
        let error = await #expect(throws: APIError.self) {
            try await pool.withSearcher(timeLimit: .milliseconds(50)) { _ in Thread.sleep(forTimeInterval: 2); return 1 }
        }
        #expect(error?.status == .serviceUnavailable && error?.code == "timeout")
        #expect(try await pool.withSearcher { try $0.search(SearchRequest(query: "ceasefire")).total } > 0)
    }

    @Test func cheapSearchesAreAnsweredWhileExpensiveOnesFillTheirLane() async throws {
        let pool = try SearcherPool(locations: [#require(Self.index)], timeLimit: .seconds(30), workers: 2, queueLimit: 4)
        final class Log: Sendable { let items = Mutex<[String]>([]) }
        let finished = Log()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<6 {
                group.addTask {
                    do {
                        _ = try await pool.withSearcher(.heavy) { _ in Thread.sleep(forTimeInterval: 0.4); return number }
                        finished.items.withLock { $0.append("heavy") }
                    } catch let error as APIError {
                        finished.items.withLock { $0.append(error.code) }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(100))
            let total = try await pool.withSearcher(.light) { try $0.search(SearchRequest(query: "ceasefire")).total }
            #expect(total > 0)
            finished.items.withLock { $0.append("light") }
            try await group.waitForAll()
        }
        let order = finished.items.withLock { $0 }
        // One heavy worker and a queue of four: of six, one runs, four wait and at least one
        // is refused at once; the cheap search does not wait behind those that run in turn.
        #expect(order.filter { $0 == "busy" }.count >= 1, "\(order)")
        #expect(order.filter { $0 != "busy" }.firstIndex(of: "light")! <= 1, "\(order)")
    }

    @Test func aSearchExpectedToCountManyPassagesRunsOnTheHeavyLane() async throws {
        let index = try #require(Self.index)
        // The lanes' threads differ in their niceness: 10 on the heavy lane, 0 on the light one.
        let lane: @Sendable (Searcher) -> String = { _ in cl_thread_niceness() == 10 ? "heavy" : "light" }
        let browse = SearchRequest(query: "") // counts all 120 passages, with facets
        let strict = try SearcherPool(locations: [index], timeLimit: .seconds(10), heavyMatches: 100)
        let seen = try await strict.withSearcher(.search(browse), lane)
        #expect(seen.hasPrefix("heavy"), "\(seen)")
        var pageOnly = browse
        pageOnly.facets = false // stops after its page: light however many match
        #expect(try await strict.withSearcher(.search(pageOnly), lane).hasPrefix("light"))
        #expect(try await strict.withSearcher(.search(browse), isKept: { _ in true }, lane).hasPrefix("light"),
                "an answer at hand is given where it is found")
        let roomy = try SearcherPool(locations: [index], timeLimit: .seconds(10), heavyMatches: 1_000)
        #expect(try await roomy.withSearcher(.search(browse), lane).hasPrefix("light"))
        #expect(try await roomy.withSearcher(.search(SearchRequest(query: "cease*")), lane).hasPrefix("heavy"))
    }

    @Test func aFormulaInArticleTextIsDefusedInCSV() {
        #expect(CSV.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        // The first scalar decides: a combining mark or a joiner after '=' is no disguise.
        #expect(CSV.field("=\u{301}1+1") == "'=\u{301}1+1")
        #expect(CSV.field("=\u{200D}cmd") == "'=\u{200D}cmd")
        #expect(CSV.field("\tcmd") == "'\tcmd")
        #expect(CSV.field("a\rb") == "\"a\rb\"")
    }
}

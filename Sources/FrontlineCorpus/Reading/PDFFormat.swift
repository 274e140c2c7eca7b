import Foundation

/// PDF documents (`.pdf`), converted by poppler's `pdftotext` (Debian `poppler-utils`) run as a
/// bounded subprocess: a hostile or broken PDF can crash, hang or bloat only the child, which is
/// stopped after `timeLimit`, cut at `outputLimit` bytes and held to `memoryLimit` of address
/// space. Text comes in reading order, pages joined, hyphenation at line ends undone and
/// running headers and footers (lines repeated at the top or bottom of most pages) removed;
/// title and date come from the document's metadata (`pdfinfo`).
public struct PDFFormat: ArticleFormat {
    /// Creates the format.
    public init() {}
    public var name: String { "PDF" }
    public var extensions: [String] { ["pdf"] }
    public var layout: FileLayout { .converted }
    /// The converted text's limit, as for a text article.
    public var maximumArticleBytes: Int { 4 << 20 }

    /// The converted body holds one paragraph a line.
    public func content(of body: String, firstLine: Int) -> ArticleContent {
        PlainTextFormat().content(of: body, firstLine: firstLine)
    }

    /// The longest a conversion may run.
    static let timeLimit: TimeInterval = 60
    /// The most address space the converter may take.
    static let memoryLimit = 1 << 30

    /// A converted document.
    struct Document {
        /// Paragraphs, one a line.
        var text: String
        var title: String
        var date: CalendarDate?
        /// True if the text was cut at the size limit.
        var truncated: Bool
    }

    /// Why a document could not be converted.
    struct Failure: Error {
        let message: String
    }

    /// Converts the PDF at `path`.
    func convert(_ path: String) throws -> Document {
        // Not -q: its messages name what is wrong ("Incorrect password" for an encrypted PDF).
        let converted = try PDFFormat.run(["pdftotext", "-enc", "UTF-8", "-eol", "unix", path, "-"], limit: maximumArticleBytes)
        guard converted.status == 0 else {
            let reason = converted.errors.split(separator: "\n").first.map(String.init) ?? "pdftotext exited with status \(converted.status)"
            if converted.status == 1, converted.errors.lowercased().contains("password") { throw Failure(message: "the PDF is encrypted (\(reason))") }
            throw Failure(message: "not readable as PDF (\(Inline.singleLine(reason)))")
        }
        let pages = String(decoding: converted.output, as: UTF8.self).split(separator: "\u{0C}").map(String.init)
            .filter { $0.contains(where: { !$0.isWhitespace }) }
        var document = Document(text: PDFFormat.paragraphs(of: pages).joined(separator: "\n"), title: "", date: nil, truncated: converted.truncated)
        if let info = try? PDFFormat.run(["pdfinfo", "-isodates", path], limit: 1 << 20), info.status == 0 {
            for line in String(decoding: info.output, as: UTF8.self).split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
                switch line[..<colon] {
                case "Title": document.title = Inline.singleLine(value)
                case "CreationDate":
                    if document.date == nil, case .date(let day) = CalendarDate.parse(String(value.prefix(10))) { document.date = day }
                default: continue
                }
            }
        }
        return document
    }

    /// The paragraphs of the pages' text: lines joined (a hyphen at a line's end before a
    /// lower-case word undone), running headers and footers and page numbers dropped.
    static func paragraphs(of pages: [String]) -> [String] {
        let pageLines = pages.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        // A short line (digits ignored) at the top or bottom of at least half the pages (three or
        // more) is a running header or footer.
        func key(_ line: String) -> String { String(line.filter { !$0.isNumber }).lowercased() }
        func edges(_ lines: [String]) -> Set<String> {
            let content = lines.filter { !$0.isEmpty && $0.split(separator: " ").count <= 12 }
            return Set(content.prefix(2) + content.suffix(2))
        }
        var edgeCounts: [String: Int] = [:]
        for lines in pageLines {
            for line in edges(lines) { edgeCounts[key(line), default: 0] += 1 }
        }
        let running = pages.count >= 3 ? Set(edgeCounts.filter { $0.value * 2 >= pages.count }.keys) : []
        var paragraphs: [String] = [], current = ""
        func end() {
            if !current.isEmpty { paragraphs.append(current) }
            current = ""
        }
        for lines in pageLines {
            let pageEdges = edges(lines)
            for line in lines {
                if line.isEmpty { end(); continue }
                if pageEdges.contains(line), running.contains(key(line)) || line.allSatisfy(\.isNumber) { continue }
                if current.hasSuffix("-"), current.dropLast().last?.isLetter == true, line.first?.isLowercase == true {
                    current = String(current.dropLast()) + line
                } else {
                    current += current.isEmpty ? line : " " + line
                }
            }
        }
        end()
        return paragraphs
    }

    /// What a bounded run gave.
    struct Run {
        var status: Int32
        var output: [UInt8]
        var errors: String
        var truncated: Bool
    }

    /// Runs a poppler tool under `prlimit` (address space bounded), stopping it after
    /// `timeLimit` seconds or once it has written `limit` bytes.
    static func run(_ arguments: [String], limit: Int) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--as=\(memoryLimit)", "--"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure(message: "\(arguments[0]) could not be started (install poppler-utils): \(FileError.describe(error))") }
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: .now() + timeLimit)
        timer.setEventHandler { if process.isRunning { process.terminate() } }
        timer.resume()
        defer { timer.cancel() }
        let errorText = ErrorCollector()
        let errorThread = Thread { errorText.set(errors.fileHandleForReading.readDataToEndOfFile().prefix(4096)) }
        errorThread.start()
        var bytes: [UInt8] = []
        var truncated = false
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            bytes += chunk
            if bytes.count > limit {
                truncated = true
                bytes = Array(bytes.prefix(limit))
                process.terminate()
                break
            }
        }
        process.waitUntilExit()
        let timedOut = process.terminationReason == .uncaughtSignal && !truncated
        if timedOut { throw Failure(message: "\(arguments[0]) took longer than \(Int(timeLimit)) s or crashed; stopped") }
        return Run(status: truncated ? 0 : process.terminationStatus, output: bytes, errors: errorText.wait(), truncated: truncated)
    }

    /// The error output of a child, gathered on another thread.
    private final class ErrorCollector: @unchecked Sendable { // guarded by `done`
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)
        func set(_ value: Data) { data = value; done.signal() }
        func wait() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}

extension CorpusReader {
    /// Reads a document that a format converts (a PDF) as one article.
    func readConverted(_ path: String, root: String, format: PDFFormat, handler: (Event) -> Void) {
        let id = CorpusReader.fileID(path, root: root)
        let document: PDFFormat.Document
        do { document = try format.convert(path) } catch {
            let message = (error as? PDFFormat.Failure)?.message ?? FileError.describe(error)
            handler(.diagnostic(Diagnostic(.error, file: path, line: nil, "\(message); skipped")))
            handler(.unreadable(articleID: id))
            return
        }
        if document.truncated {
            handler(.diagnostic(Diagnostic(.warning, file: path, line: nil, "the text is longer than \(CorpusReader.megabytes(format.maximumArticleBytes)); only that much is read")))
        }
        let decoded = TextDecoding.decode(Array(document.text.utf8))
        guard decoded.text.contains(where: { !$0.isWhitespace }) else {
            handler(.diagnostic(Diagnostic(.error, file: path, line: nil, "no text in the PDF (scanned pages without a text layer?); skipped")))
            handler(.unreadable(articleID: id))
            return
        }
        var article = Article(id: id, title: document.title, date: document.date, body: decoded.text, format: format, file: path, line: 1, bodyLine: 1)
        article.byteEnd = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        emit(article, handler: handler)
    }
}

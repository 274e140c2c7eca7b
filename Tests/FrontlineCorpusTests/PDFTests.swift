import Foundation
import Testing
@testable import FrontlineCorpus

/// A small PDF of `pages` (lines of Helvetica text each), with a title and a creation date.
private func pdf(_ pages: [[String]], title: String) -> String {
    var objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    let kids = pages.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
    objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for (i, lines) in pages.enumerated() {
        let stream = "BT /F1 11 Tf 14 TL 72 750 Td " + lines.map { "(\($0)) Tj T*" }.joined(separator: " ") + " ET"
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * i) 0 R >>")
        objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
    }
    objects.append("<< /Title (\(title)) /CreationDate (D:20201004120000Z) >>")
    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (i, object) in objects.enumerated() {
        offsets.append(out.utf8.count)
        out += "\(i + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info \(objects.count) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return out
}

private let hasPoppler = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

@Suite(.enabled(if: hasPoppler, "needs pdftotext (Debian poppler-utils)"))
struct PDFTests {
    @Test func aReportReadsInOrderWithoutItsRunningHeadersAndPageNumbers() throws {
        let pages = (1...3).map { n in
            ["FRONTLINE WEEKLY REPORT", "", "Officials said the shelling of the town went on through the night on day \(n).", "", "\(n)"]
        }
        let directory = TemporaryDirectory()
        let path = directory.write("report.pdf", pdf(pages, title: "Report on the front"))
        let (articles, diagnostics) = readAll([path])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let article = try #require(articles.first)
        #expect(article.title == "Report on the front")
        #expect(article.date?.iso == "2020-10-04")
        let read = ArticleProcessor(gazetteer: shippedGazetteer).text(of: article)
        #expect(read.passages.map(\.text) == (1...3).map { "Officials said the shelling of the town went on through the night on day \($0)." })
    }

    @Test func hyphenationAtLineEndsIsUndone() {
        let lines = ["", "Officials said the shelling went on, and the ministry con-", "firmed it on Sunday; a well-", "Known spokesman spoke."]
        #expect(PDFFormat.paragraphs(of: [lines.joined(separator: "\n")]) == [
            "Officials said the shelling went on, and the ministry confirmed it on Sunday; a well- Known spokesman spoke.",
        ])
    }

    @Test func aDamagedPDFIsNamedAndTheRestIndexed() {
        let directory = TemporaryDirectory()
        let bad = directory.write("damaged.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
        let notPDF = directory.write("fake.pdf", bytes: Array(repeating: 0x41, count: 2000))
        directory.write("good.txt", "Armenian officials said the shelling went on through the night.\n")
        let (articles, diagnostics) = readAll([directory.path])
        #expect(articles.map(\.id) == ["good.txt"])
        #expect(diagnostics.count == 2, "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.severity == .error && ($0.file == bad || $0.file == notPDF) && $0.message.hasSuffix("; skipped") }, "\(diagnostics)")
    }
}

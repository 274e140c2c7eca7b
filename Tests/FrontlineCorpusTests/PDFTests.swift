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

    /// A one-page PDF saying "Officials said the shelling of the town went on through the
    /// night.", encrypted with a user password by qpdf 11.3 (`qpdf --encrypt secret owner 128
    /// --use-aes=y`), as base64.
    static let encryptedPDF = [
        "JVBERi0xLjYKJb/3ov4KMSAwIG9iago8PCAvUGFnZXMgMiAwIFIgL1R5cGUgL0NhdGFsb2cgPj4KZW5kb2JqCjIgMCBvYmoKPDwg",
        "L0NvdW50IDEgL0tpZHMgWyAzIDAgUiBdIC9UeXBlIC9QYWdlcyA+PgplbmRvYmoKMyAwIG9iago8PCAvQ29udGVudHMgNCAwIFIg",
        "L01lZGlhQm94IFsgMCAwIDYxMiA3OTIgXSAvUGFyZW50IDIgMCBSIC9SZXNvdXJjZXMgPDwgL0ZvbnQgPDwgL0YxIDUgMCBSID4+",
        "ID4+IC9UeXBlIC9QYWdlID4+CmVuZG9iago0IDAgb2JqCjw8IC9MZW5ndGggMTEyIC9GaWx0ZXIgL0ZsYXRlRGVjb2RlID4+CnN0",
        "cmVhbQrg+kle+OtGUPVL4xUoDrk9LMQ32+RD6xDjRpU/caEbNV0/fwtpH5zgpe5qKtef5buDnXVHrscwRaYSI22liyq81W4mjNG8",
        "MN+nn8L2+21x358bOKFSSAPlaZnC0HtOksZx+S8GN345STeh07QWjl+tZW5kc3RyZWFtCmVuZG9iago1IDAgb2JqCjw8IC9CYXNl",
        "Rm9udCAvSGVsdmV0aWNhIC9TdWJ0eXBlIC9UeXBlMSAvVHlwZSAvRm9udCA+PgplbmRvYmoKNiAwIG9iago8PCAvQ0YgPDwgL1N0",
        "ZENGIDw8IC9BdXRoRXZlbnQgL0RvY09wZW4gL0NGTSAvQUVTVjIgL0xlbmd0aCAxNiA+PiA+PiAvRmlsdGVyIC9TdGFuZGFyZCAv",
        "TGVuZ3RoIDEyOCAvTyA8MGRiNTg1NWZjNTMyNjU2OWU3NjU5MDZjYWY2NGU0NDI5YTRjMjBkNmU5OTZmZGVmOTYzZTliNTA4MGY5",
        "ZTA4Mz4gL1AgLTQgL1IgNCAvU3RtRiAvU3RkQ0YgL1N0ckYgL1N0ZENGIC9VIDw2Mzk2ZTFiMTY4NzNhYjYzZTE0ZTA1NGYzZGNl",
        "Yjk5ZjAxMjI0NTZhOTFiYWU1MTM0MjczYTZkYjEzNGM4N2M0PiAvViA0ID4+CmVuZG9iagp4cmVmCjAgNwowMDAwMDAwMDAwIDY1",
        "NTM1IGYgCjAwMDAwMDAwMTUgMDAwMDAgbiAKMDAwMDAwMDA2NCAwMDAwMCBuIAowMDAwMDAwMTIzIDAwMDAwIG4gCjAwMDAwMDAy",
        "NTEgMDAwMDAgbiAKMDAwMDAwMDQzNCAwMDAwMCBuIAowMDAwMDAwNTA0IDAwMDAwIG4gCnRyYWlsZXIgPDwgL1Jvb3QgMSAwIFIg",
        "L1NpemUgNyAvSUQgWzw2MTgwNzc4MGUwZGViNDA3MTE2Mjg1NDgwYTI1OTYwYT48NjE4MDc3ODBlMGRlYjQwNzExNjI4NTQ4MGEy",
        "NTk2MGE+XSAvRW5jcnlwdCA2IDAgUiA+PgpzdGFydHhyZWYKODAzCiUlRU9GCg==",
    ].joined()

    @Test func anEncryptedPDFIsNamedAsEncryptedAndTheRestIndexed() throws {
        let directory = TemporaryDirectory()
        let locked = directory.write("locked.pdf", bytes: Array(try #require(Data(base64Encoded: PDFTests.encryptedPDF))))
        directory.write("good.txt", "Armenian officials said the shelling went on through the night.\n")
        let (articles, diagnostics) = readAll([directory.path])
        #expect(articles.map(\.id) == ["good.txt"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first.map { $0.severity == .error && $0.file == locked && $0.message.contains("the PDF is encrypted") } == true, "\(diagnostics)")
    }
}

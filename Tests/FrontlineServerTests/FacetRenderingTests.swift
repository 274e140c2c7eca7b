import EngineTestSupport
import Foundation
import FrontlineCorpus
@testable import FrontlineEngine
@testable import FrontlineServer
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Every declared facet reaches the page and the export: a chip for each tag of a passage,
/// an export column for each tag facet, a removable chip for each filter.
@Suite struct FacetRenderingTests {
    /// A passage with one id of every tag facet (`<facet>-id`).
    static let passage: StoredPassage = {
        var tags = Tagger.Tags()
        for facet in Facet.tags { if let kind = facet.kind { tags[kind] = ["\(facet)-id"] } }
        return StoredPassage(Passage(ordinal: 0, kind: .body, text: "text", tags: tags, eventDates: [], figures: []),
                             of: Article(id: "a", title: "t", source: "s", url: "u", body: "", file: "f.txt"))
    }()

    @Test func everyTagFacetHasAChipAndAnExportColumn() throws {
        let labels = Labels(labels: [:], lookup: [:], sides: [])
        let chips = Chips.tags(Self.passage, labels: labels)
        let header = Export.csvHeader.trimmingCharacters(in: .newlines).split(separator: ",").map(String.init)
        let row = Export.csvRow(Hit(rank: 1, score: 1, passage: Self.passage, snippet: "text", otherPassages: 0))
            .trimmingCharacters(in: .newlines).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(header.count == row.count)
        for facet in Facet.tags {
            #expect(chips.contains { $0.kind == "\(facet)" && $0.label == "\(facet)-id" }, "no chip for \(facet)")
            let column = try #require(header.firstIndex(of: facet.plural), "no export column for \(facet)")
            #expect(row[column] == "\(facet)-id")
        }
    }

    @Test func everyFilterableFacetHasARemovableChipOnThePage() async throws {
        let index = ProcessLifetime.folder("facet-rendering-index") + "/index"
        try buildIndex([Repository.corpus], into: index)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = Application(router: try FrontlineServer(options: FrontlineServer.Options(locations: [index])).router(logger: logger))
        try await app.test(.router) { client in
            for facet in Facet.filterable {
                try await client.execute(uri: "/?q=ceasefire&\(facet)=zz-none", method: .get) { response in
                    let page = String(buffer: response.body)
                    #expect(page.contains("title=\"Remove this filter\">\(facet): zz-none"), "no filter chip for \(facet)")
                }
            }
        }
    }
}

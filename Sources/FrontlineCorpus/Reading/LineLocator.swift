/// Finds the line of a quoted string in a JSON file, for diagnostics about parsed data.
/// The file is read once, on creation, into a table of every string literal's lines, so
/// that a gazetteer with thousands of problems is reported in linear time.
struct LineLocator {
    let text: String
    /// The lines each string literal (as written between its quotes) appears on, in order.
    private let lines: [Substring: [Int]]

    init(text: String) {
        self.text = text
        var lines: [Substring: [Int]] = [:]
        let bytes = text.utf8
        var line = 1, index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            guard byte == UInt8(ascii: "\"") else { index = bytes.index(after: index); continue }
            // A string literal: to the next quote that no backslash escapes.
            let start = bytes.index(after: index)
            var end = start, startLine = line
            while end < bytes.endIndex, bytes[end] != UInt8(ascii: "\"") {
                if bytes[end] == UInt8(ascii: "\\") { end = bytes.index(after: end) }
                if end < bytes.endIndex, bytes[end] == UInt8(ascii: "\n") { line += 1 }
                if end < bytes.endIndex { end = bytes.index(after: end) }
            }
            lines[Substring(text[start..<end]), default: []].append(startLine)
            index = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        self.lines = lines
    }

    /// The 1-based line of the `occurrence`-th appearance of `needle` (a quoted string,
    /// `"\"name\""`), or nil.
    func line(of needle: String, occurrence: Int = 1) -> Int? {
        guard needle.count >= 2, needle.first == "\"", needle.last == "\"" else { return nil }
        let found = lines[Substring(needle.dropFirst().dropLast())] ?? []
        return occurrence <= found.count ? found[occurrence - 1] : found.last
    }
}

/// Trimming and splitting strings without Foundation's character sets or `Character`
/// iteration (cheaper on the cleaning hot path).
extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The string without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}

extension StringProtocol {
    /// The runs of text between ASCII spaces, found on the UTF-8 bytes (cheaper than splitting
    /// by `Character` on the hot path of cleaning and splitting).
    func spaceSeparatedWords() -> [Substring] {
        words(separatedBy: { $0 == 0x20 })
    }

    /// The runs of text between bytes for which `isSeparator` is true (ASCII separators only,
    /// so that every run starts and ends on a character boundary).
    func words(separatedBy isSeparator: (UInt8) -> Bool) -> [Substring] {
        let text = Substring(self)
        var words: [Substring] = []
        let utf8 = text.utf8
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if isSeparator(utf8[index]) {
                if let s = start { words.append(text[s..<index]); start = nil }
            } else if start == nil {
                start = index
            }
            index = utf8.index(after: index)
        }
        if let s = start { words.append(text[s...]) }
        return words
    }

    /// The text between `\n` bytes, empty lines included (what `split(separator: "\n",
    /// omittingEmptySubsequences: false)` gives for text whose line ends are `\n`, without
    /// walking it `Character` by `Character`).
    func lines() -> [Substring] {
        let text = Substring(self)
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let end = utf8[start...].firstIndex(of: 0x0A) {
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start...])
        return lines
    }
}

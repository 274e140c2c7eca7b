import FrontlineCorpus

/// Marks the words of a snippet that a query word matched through a transliteration key
/// (`Transliteration`): "Beglaryan" matches «Бегларяна» and Vardenis «Վարդենիս», names no
/// gazetteer lists, which Xapian's own highlighting, knowing only the query's terms, leaves
/// plain. Words already marked, and snippets with no Cyrillic, Armenian or Turkic letter,
/// are left as they are.
enum CrossScriptHighlight {
    /// `snippet` with every unmarked word whose keys meet `keys` put between `markers`.
    static func marked(_ snippet: String, keys: Set<String>, markers: (String, String)) -> String {
        let (start, end) = markers
        guard !keys.isEmpty, !start.isEmpty, snippet.utf8.contains(where: { $0 >= 0xC4 && $0 <= 0xD6 }) else { return snippet }
        var out = "", word = "", inside = false
        var rest = Substring(snippet)
        func flush() {
            guard !word.isEmpty else { return }
            if !inside, word.utf8.contains(where: { $0 >= 0x80 }), Transliteration.keys(word).contains(where: keys.contains) {
                out += start + word + end
            } else {
                out += word
            }
            word = ""
        }
        while let character = rest.first {
            if !inside, rest.hasPrefix(start) {
                flush()
                out += start
                rest = rest.dropFirst(start.count)
                inside = true
            } else if inside, rest.hasPrefix(end) {
                out += end
                rest = rest.dropFirst(end.count)
                inside = false
            } else if character.isLetter {
                if inside { out.append(character) } else { word.append(character) }
                rest = rest.dropFirst()
            } else {
                flush()
                out.append(character)
                rest = rest.dropFirst()
            }
        }
        flush()
        return out
    }
}

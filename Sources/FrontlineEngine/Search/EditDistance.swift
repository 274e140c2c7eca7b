/// Edit distance between short strings (names and words typed by a user), by character.
enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions turning `a`
    /// into `b`, and with `transpositions`, swaps of two adjacent characters too (so
    /// "Stepanakret" is one edit from "Stepanakert").
    static func between(_ a: String, _ b: String, transpositions: Bool = false) -> Int {
        let a = Array(a.prefix(100)), b = Array(b.prefix(100))
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var beforePrevious = Array(0...b.count)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if transpositions, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

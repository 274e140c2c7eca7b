import Foundation

/// Substring tests on UTF-8 bytes, for the cleaning hot path where
/// `String.contains` and Foundation's `range(of:)` cost too much.
enum ByteSearch {
    /// True if `text` contains `needle`, byte for byte.
    @inline(__always)
    static func contains(_ text: String, _ needle: String) -> Bool {
        offset(of: needle, in: text) != nil
    }

    /// True if `text` contains the byte `byte` (memchr over its UTF-8).
    static func contains(_ text: String, byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, Int32(byte), $0.count) != nil }
    }

    /// True if `text` contains any of `needles`.
    static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        needles.contains { contains(text, $0) }
    }

    /// The byte offset of the first `needle` in `text`, or nil.
    static func offset(of needle: String, in text: String) -> Int? {
        var haystack = text
        var pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { n -> Int? in
                guard n.count > 0, n.count <= h.count else { return nil }
                let first = n[0], last = h.count - n.count
                var i = 0
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    /// The number of words (runs of non-space bytes) in `text`.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == 32 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }
}

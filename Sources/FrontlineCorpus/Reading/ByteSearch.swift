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

    /// The byte offset of the first `needle` in `text`, or nil (memchr for its first byte,
    /// memcmp for the rest).
    static func offset(of needle: String, in text: String) -> Int? {
        var haystack = text
        var pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { n -> Int? in
                guard n.count > 0, n.count <= h.count else { return nil }
                let base = UnsafeRawPointer(h.baseAddress!), first = Int32(n[0])
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    guard let hit = memchr(base + i, first, last - i + 1) else { return nil }
                    i = UnsafeRawPointer(hit) - base
                    if n.count == 1 || memcmp(base + i + 1, n.baseAddress! + 1, n.count - 1) == 0 { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    /// `text` with each CR LF pair made a single LF, on bytes (Foundation's
    /// `replacingOccurrences` works through UTF-16 and took a quarter of reading a web page).
    static func replacingCRLF(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.count > 1, memchr(bytes.baseAddress!, 13, bytes.count) != nil else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0, i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if !(b == 13 && i + 1 < bytes.count && bytes[i + 1] == 10) { out[n] = b; n += 1 }
                    i += 1
                }
                return n
            }
        } ?? text
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

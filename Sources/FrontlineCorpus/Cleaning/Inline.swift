/// Byte-level rewriting of one line: Markdown inline syntax to plain text,
/// backslash escapes, and typographic characters to one consistent form.
enum Inline {
    /// Rewrites `line`:
    /// - `**bold**`, `__bold__`, `*em*`, backticks: markers removed;
    /// - `[text](url)` → `text`, `![alt](url)` → `alt`, `<https://…>` removed;
    /// - `\’` and other backslash-escaped punctuation → the character;
    /// - curly quotes → straight quotes, no-break and other odd spaces → space,
    ///   soft hyphens and zero-width characters removed;
    /// - runs of spaces folded to one, ends trimmed.
    static func normalize(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        func append(_ b: UInt8) {
            if b == 32 {
                if out.isEmpty || out.last == 32 { return }
            }
            out.append(b)
        }
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\\"):
                if i + 1 < n, isEscapable(bytes[i + 1]) { i += 1; continue }
                append(b); i += 1
            case UInt8(ascii: "*"), UInt8(ascii: "`"):
                i += 1
            case UInt8(ascii: "_") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "_"):
                i += 2
            case UInt8(ascii: "!") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "["):
                i += 1
            case UInt8(ascii: "["):
                if let (textEnd, linkEnd) = link(bytes, from: i) {
                    // The link text is kept as it is written, but never a control character.
                    var k = i + 1
                    while k < textEnd {
                        if bytes[k] < 32 || bytes[k] == 0x7F {
                            append(32)
                        } else if bytes[k] == 0xC2, k + 1 < textEnd, (0x80...0x9F).contains(bytes[k + 1]) {
                            append(32)
                            k += 1
                        } else {
                            out.append(bytes[k])
                        }
                        k += 1
                    }
                    i = linkEnd
                } else {
                    append(b); i += 1
                }
            case UInt8(ascii: "<"):
                if let close = autolinkEnd(bytes, from: i) { i = close } else { append(b); i += 1 }
            case 9, 32:
                append(32); i += 1
            case 0..<32, 0x7F:
                append(32); i += 1 // control characters (ESC, BEL, a lone CR…) are not text
            case 0xC2 where i + 1 < n && (0x80...0x9F).contains(bytes[i + 1]):
                append(32); i += 2 // C1 control characters (U+0080–U+009F)
            case 0xC2 where i + 1 < n && (bytes[i + 1] == 0xA0 || bytes[i + 1] == 0xAD):
                if bytes[i + 1] == 0xA0 { append(32) }
                i += 2
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80:
                switch bytes[i + 2] {
                case 0x98, 0x99, 0x9B, 0xB2: append(UInt8(ascii: "'"))
                case 0x9C, 0x9D, 0x9F, 0xB3: append(UInt8(ascii: "\""))
                case 0x80...0x8A, 0xAF: append(32)
                case 0x8B, 0x8C, 0x8D: break
                default: out.append(contentsOf: bytes[i...(i + 2)])
                }
                i += 3
            default:
                out.append(b); i += 1
            }
        }
        while out.last == 32 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// A metadata value (title, source, URL) as one clean line: every control character,
    /// line break and tab a space, runs of spaces folded, ends trimmed. No Markdown is removed.
    static func singleLine(_ value: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == " " {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    private static func isEscapable(_ b: UInt8) -> Bool {
        // A backslash before ASCII punctuation, or before a multi-byte character
        // (as in `Azerbaijan\’s`), only escapes it.
        if b >= 0x80 { return true }
        return (b >= 33 && b <= 47) || (b >= 58 && b <= 64) || (b >= 91 && b <= 96) || (b >= 123 && b <= 126)
    }

    /// For `[text](url)` starting at `start`, the index of `]` and the index after `)`.
    private static func link(_ bytes: [UInt8], from start: Int) -> (Int, Int)? {
        guard let close = bytes[(start + 1)...].prefix(500).firstIndex(of: UInt8(ascii: "]")),
              close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "(") else { return nil }
        guard let paren = bytes[(close + 2)...].prefix(2000).firstIndex(of: UInt8(ascii: ")")) else { return nil }
        return (close, paren + 1)
    }

    /// For `<http…>` or `<www…>` starting at `start`, the index after `>`.
    private static func autolinkEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let rest = bytes[(start + 1)...]
        guard rest.starts(with: Array("http".utf8)) || rest.starts(with: Array("www.".utf8)) || rest.starts(with: Array("mailto:".utf8)),
              let close = rest.prefix(2000).firstIndex(of: UInt8(ascii: ">")) else { return nil }
        return close + 1
    }
}

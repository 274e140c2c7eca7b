/// Checks front matter before it reaches the YAML loader, so that hostile
/// metadata cannot crash or exhaust it: article metadata is a flat mapping of a
/// few keys, and anything far from that is refused with the line it is on.
///
/// - Size: at most `maximumBytes` (a YAML loader's work grows with its input).
/// - Nesting: at most `maximumDepth` levels, counting flow brackets (`[`, `{`),
///   block indentation levels and compact indicators (`- - x`). A deeply nested
///   document overflows the loader's recursive composer (a segfault, not an error).
/// - No anchors or aliases (`&a`, `*a`): expanding them ("billion laughs") is
///   exponential in the size of the text, and metadata never needs them.
///
/// The scan over-approximates depth (a bracket inside a plain scalar counts), so
/// it can refuse odd but harmless metadata; it never lets a deep or aliased
/// document through.
enum FrontMatterGuard {
    /// The largest front matter read, in bytes.
    static let maximumBytes = 64 << 10
    /// The deepest nesting accepted.
    static let maximumDepth = 32

    /// Throws `FrontMatter.Failure` naming the first line that breaks a limit.
    /// `firstLine` is the file line of the first YAML line.
    static func check(_ yaml: Substring, firstLine: Int) throws {
        let bytes = Array(yaml.utf8)
        var flowDepth = 0
        var indents: [Int] = [] // the block indentation levels open above this line
        var line = firstLine
        var i = 0
        while i < bytes.count {
            let end = bytes[i...].firstIndex(of: 10) ?? bytes.count
            try checkLine(bytes[i..<end], line: line, flowDepth: &flowDepth, indents: &indents)
            i = end + 1
            line += 1
        }
    }

    private static func checkLine(_ text: ArraySlice<UInt8>, line: Int, flowDepth: inout Int, indents: inout [Int]) throws {
        var i = text.startIndex
        while i < text.endIndex, text[i] == 32 || text[i] == 9 { i += 1 }
        guard i < text.endIndex, text[i] != UInt8(ascii: "#") else { return } // blank or comment
        let indent = i - text.startIndex
        if flowDepth == 0 {
            while let last = indents.last, last >= indent { indents.removeLast() }
            indents.append(indent)
        }
        var depth = indents.count + flowDepth
        var nodeStart = true // where an anchor or alias could begin
        var quote: UInt8?
        func fail(_ message: String) -> FrontMatter.Failure { FrontMatter.Failure(line: line, message: message) }
        while i < text.endIndex {
            let b = text[i]
            let next: UInt8 = i + 1 < text.endIndex ? text[i + 1] : 32
            if let open = quote {
                if b == open { quote = nil }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if nodeStart { quote = b }
                nodeStart = false
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                depth += 1
                nodeStart = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
                nodeStart = false
            case UInt8(ascii: ","):
                nodeStart = flowDepth > 0
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                if next == 32 || next == 9 || i + 1 == text.endIndex {
                    if b != UInt8(ascii: ":") && nodeStart { depth += 1 } // "- - x": a sequence in a sequence
                    nodeStart = true
                } else {
                    nodeStart = false
                }
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                if nodeStart && next != 32 && next != 9 {
                    throw fail("front matter uses a YAML \(b == UInt8(ascii: "&") ? "anchor" : "alias") (\(b == UInt8(ascii: "&") ? "&" : "*")name), which Frontline does not expand; write the value out")
                }
                nodeStart = false
            case UInt8(ascii: "#") where i > text.startIndex && (text[i - 1] == 32 || text[i - 1] == 9):
                return // a comment runs to the end of the line
            case 32, 9:
                break
            default:
                nodeStart = false
            }
            if depth > maximumDepth {
                throw fail("front matter nests more than \(maximumDepth) levels deep; metadata is a flat list of keys and values")
            }
            i += 1
        }
    }
}

import Foundation

/// Styling for terminal output: ANSI colours when writing to a terminal (and
/// `NO_COLOR` is unset), plain text otherwise.
struct Style {
    let color: Bool

    /// Styling for standard output, unless `disabled`.
    static func forStandardOutput(disabled: Bool) -> Style {
        Style(color: !disabled && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func green(_ s: String) -> String { wrap(s, "32") }

    /// The markers put around matched words in snippets.
    var highlight: (String, String) { color ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("**", "**") }

    private func wrap(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}

/// A one-line chart of counts: ▁▂▃▄▅▆▇█.
func sparkline(_ counts: [Int]) -> String {
    let bars = Array("▁▂▃▄▅▆▇█")
    guard let top = counts.max(), top > 0 else { return "" }
    return String(counts.map { bars[min(bars.count - 1, $0 * (bars.count - 1) / top)] })
}

/// Wraps `text` to `width` columns, each line after the first indented by `indent` spaces.
func wrap(_ text: String, width: Int, indent: Int) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty, visibleLength(line) + 1 + visibleLength(String(word)) > width - indent {
            lines.append(line)
            line = ""
        }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
}

/// The length of `s` on screen, ignoring ANSI escape sequences.
func visibleLength(_ s: String) -> Int {
    var count = 0
    var escape = false
    for c in s.unicodeScalars {
        if escape { if c == "m" { escape = false }; continue }
        if c == "\u{1B}" { escape = true; continue }
        count += 1
    }
    return count
}

/// Encodes `value` as pretty, key-sorted JSON.
func jsonString<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

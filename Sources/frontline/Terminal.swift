import Foundation

/// Styling and safe output for people at a terminal.
///
/// Article text is untrusted: a title or a file name may hold ESC, OSC or C1 control
/// sequences that would set the terminal's title, clear the screen or plant links. So
/// styles are never written as escape codes while output is assembled: they are
/// placeholders (`Style.open` code `Style.close`), and `render` turns the finished text
/// into bytes in one place, showing every control character from the data as a visible
/// symbol and only then turning the placeholders into colour codes (SGR only: digits and
/// `;`). No byte of an article can reach the terminal as a control sequence.
struct Style {
    /// Whether colour codes are written.
    let color: Bool

    /// Opens a style placeholder (a private-use character).
    static let open: Unicode.Scalar = "\u{E002}"
    /// Closes a style placeholder's code.
    static let close: Unicode.Scalar = "\u{E003}"

    /// Styling for standard output, unless `disabled`: colour on a terminal whose `TERM`
    /// is set and not `dumb`, unless `NO_COLOR` is set.
    static func forStandardOutput(disabled: Bool) -> Style {
        let environment = ProcessInfo.processInfo.environment
        let capable = !(environment["TERM"] ?? "dumb").isEmpty && environment["TERM"] != "dumb"
        return Style(color: !disabled && isatty(STDOUT_FILENO) != 0 && capable && environment["NO_COLOR"] == nil)
    }

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func green(_ s: String) -> String { wrap(s, "32") }

    /// The markers put around matched words in snippets: a style on a terminal, `**` otherwise.
    var highlight: (String, String) { color ? (code("1;33"), code("0")) : ("**", "**") }

    /// Bolds the numbers in `text` ("31 of its soldiers", "30,000") so that claimed figures
    /// stand out, leaving style placeholders (whose codes hold digits) untouched.
    func emphasiseNumbers(_ text: String) -> String {
        guard color else { return text }
        var out = String.UnicodeScalarView()
        var number = String.UnicodeScalarView()
        var inCode = false
        func flush() {
            if !number.isEmpty { out.append(contentsOf: bold(String(number)).unicodeScalars) }
            number.removeAll()
        }
        for scalar in text.unicodeScalars {
            if scalar == Style.open { flush(); inCode = true }
            if !inCode, ("0"..."9").contains(scalar) || (!number.isEmpty && scalar == ",") {
                number.append(scalar)
                continue
            }
            flush()
            out.append(scalar)
            if scalar == Style.close { inCode = false }
        }
        flush()
        return String(out)
    }

    /// Writes `text` and a newline to standard output, rendered for this terminal.
    func print(_ text: String) {
        Swift.print(render(text))
    }

    /// `text` as bytes for the terminal: control characters from the data made visible,
    /// then style placeholders turned into colour codes (or dropped without colour).
    func render(_ text: String) -> String {
        // Most output has nothing to do: no placeholder (E0 80 82/83 in UTF-8), no C0 but
        // the newline, no DEL, no C1 or bidirectional control (C2 80–9F, E2 80 8E/8F/AA–AE, E2 81 A6–A9).
        if !text.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEE }) {
            return text
        }
        var out = String.UnicodeScalarView()
        var code: String.UnicodeScalarView?
        for scalar in text.unicodeScalars {
            if var pending = code {
                if scalar == Style.close {
                    if color, !pending.isEmpty {
                        out.append(contentsOf: "\u{1B}[".unicodeScalars)
                        out.append(contentsOf: pending)
                        out.append("m")
                    }
                    code = nil
                    continue
                }
                if pending.count < 8, ("0"..."9").contains(scalar) || scalar == ";" {
                    pending.append(scalar)
                    code = pending
                    continue
                }
                // Not one of ours (a stray private-use character in the data): show it as text.
                out.append("\u{FFFD}")
                out.append(contentsOf: pending)
                code = nil
            }
            if scalar == Style.open { code = String.UnicodeScalarView(); continue }
            out.append(Style.visible(scalar))
        }
        if let pending = code {
            out.append("\u{FFFD}")
            out.append(contentsOf: pending)
        }
        return String(out)
    }

    /// `scalar` as it may be shown: a C0 control as its Unicode control picture (ESC as ␛),
    /// a tab as a space, DEL as ␡, a C1 or bidirectional control as U+FFFD; anything else
    /// as itself. The newline stays (output is assembled from lines).
    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x0A: return scalar
        case 0x09: return " "
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        default: return scalar
        }
    }

    private func code(_ code: String) -> String { String(Style.open) + code + String(Style.close) }

    private func wrap(_ s: String, _ codes: String) -> String { color ? code(codes) + s + code("0") : s }
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

/// The length of `s` on screen, not counting style placeholders.
func visibleLength(_ s: String) -> Int {
    var count = 0
    var inCode = false
    for c in s.unicodeScalars {
        if c == Style.open { inCode = true; continue }
        if c == Style.close { inCode = false; continue }
        if !inCode { count += 1 }
    }
    return count
}

/// `text` filled with `fill` (spaces by default) to `width` characters, on the right (or on
/// the left if `alignRight`); Swift's own strings, not `NSString` (the printing path of a search).
func padded(_ text: String, to width: Int, alignRight: Bool = false, with fill: Character = " ") -> String {
    let filling = String(repeating: fill, count: max(0, width - text.count))
    return alignRight ? filling + text : text + filling
}

/// `value` with `places` digits after the point, as `%.Nf` prints it ("3.63", "0.50"):
/// rounded from the exact binary value, a true tie to even. Swift arithmetic, not
/// Foundation's formatting (the printing path of a search), for the values whose scaled
/// magnitude is below 2^53, where it is exact; Foundation's for the rest.
func decimal(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<min(max(places, 0), 6) { scale *= 10 }
    let magnitude = abs(value)
    let product = magnitude * scale
    guard value.isFinite, (0...6).contains(places), product < 0x1p53 else { return String(format: "%.\(places)f", value) }
    let error = (-product).addingProduct(magnitude, scale) // the rounding error of the product, exactly
    let whole = product.rounded(.down)
    var units = Int(whole)
    let fraction = product - whole
    if fraction > 0.5 || (fraction == 0.5 && (error > 0 || (error == 0 && units % 2 == 1))) { units += 1 }
    let sign = value.sign == .minus ? "-" : ""
    let unit = Int(scale)
    guard places > 0 else { return sign + String(units) }
    return sign + String(units / unit) + "." + padded(String(units % unit), to: places, alignRight: true, with: "0")
}

/// `count` and `noun` with the noun in the plural unless the count is one ("1 passage", "3 passages").
func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

/// Encodes `value` as pretty, key-sorted JSON; C1 control characters, which JSON allows
/// raw but some terminals obey, are escaped too.
func jsonString<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: try encoder.encode(value), as: UTF8.self)
    guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return json }
    var out = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
        if (0x7F...0x9F).contains(scalar.value) {
            out.append(contentsOf: ("\\u" + padded(String(scalar.value, radix: 16), to: 4, alignRight: true, with: "0")).unicodeScalars)
        } else {
            out.append(scalar)
        }
    }
    return String(out)
}

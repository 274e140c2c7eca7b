/// CSV as every front end writes it (RFC 4180: fields quoted when they hold a comma, a
/// quote or a line break, rows ended by CRLF), with cells that a spreadsheet would run as
/// a formula defused: one that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// (judged by its first Unicode scalar, so a combining mark or a joiner after the `=`
/// changes nothing) gets a leading `'`.
public enum CSV {
    /// One row of `fields`, CRLF included.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted and defused as needed.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

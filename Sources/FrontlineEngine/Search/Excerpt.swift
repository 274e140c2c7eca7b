/// A short, printable rendering of untrusted text for messages: a corrupt index or a
/// hostile argument must not pour kilobytes of binary, or escape sequences, into one.
public enum Excerpt {
    /// `text` in double quotes, cut to `limit` characters (with "…"), every control or
    /// unassigned character written as `\u{…}`.
    public static func quoted(_ text: String, limit: Int = 40) -> String {
        var out = "\""
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == limit { out += "…"; break }
            switch scalar.properties.generalCategory {
            case .control, .format, .unassigned, .surrogate, .privateUse, .lineSeparator, .paragraphSeparator:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

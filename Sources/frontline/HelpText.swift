import FrontlineOptions
/// The discussion part of a command's help: prose written in the source over short lines,
/// joined into paragraphs that the argument parser wraps to the terminal, then the
/// command's exit statuses.
enum HelpText {
    /// `prose` reflowed (lines of a paragraph joined; blank lines and indented lines, such as
    /// examples, kept), a blank line, and the "Exit status" list of `statuses`.
    static func discussion(_ prose: String, statuses: [Status]) -> String {
        reflowed(prose) + "\n\n" + Status.help(statuses)
    }

    /// `text` with the line breaks inside its paragraphs made spaces.
    static func reflowed(_ text: String) -> String {
        var out = ""
        var previous: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { previous = line }
            guard let before = previous else { out += line; continue }
            let keepsBreak = line.isEmpty || before.isEmpty || line.hasPrefix(" ") || before.hasPrefix(" ")
            out += (keepsBreak ? "\n" : " ") + line
        }
        return out
    }
}

/// A problem found in the input, with where it was found. Errors mean the
/// item was rejected; warnings mean it was used with a caveat.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Codable {
        /// The article, line or entry was rejected.
        case error
        /// The input was used, but something was repaired or guessed.
        case warning
    }

    /// How serious the problem is.
    public let severity: Severity
    /// The file the problem is in.
    public let file: String
    /// The 1-based line number, or nil when the problem concerns the whole file.
    public let line: Int?
    /// What is wrong, in words a user can act on.
    public let message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, file: String, line: Int?, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: severity: message`, the form compilers use.
    public var description: String {
        // A file name may hold a line break: shown as a symbol, it cannot start a line of its own.
        let name = file.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            ? file.replacingOccurrences(of: "\r\n", with: "\u{2424}").replacingOccurrences(of: "\n", with: "\u{2424}").replacingOccurrences(of: "\r", with: "\u{240D}")
            : file
        let location = line.map { "\(name):\($0)" } ?? name
        return "\(location): \(severity.rawValue): \(message)"
    }
}

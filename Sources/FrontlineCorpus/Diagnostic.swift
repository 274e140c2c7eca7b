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
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(severity.rawValue): \(message)"
    }
}

import Foundation
import Yams

/// YAML front matter at the top of a `.txt` or `.md` article:
///
/// ```
/// ---
/// title: Armenia, Azerbaijan Clash Over Karabakh
/// date: 2020-10-12
/// ---
/// ```
struct FrontMatter {
    /// Every key's value as text (sequences joined with ", ").
    var fields: [String: String] = [:]
    /// The 1-based line of each key, for diagnostics.
    var lines: [String: Int] = [:]
    /// The line where the article body starts.
    var bodyLine: Int = 1
    /// The text after the front matter.
    var body: Substring

    /// Why front matter could not be read.
    struct Failure: Error {
        let line: Int
        let message: String
    }

    /// Splits `text` into front matter and body. Text not starting with a `---`
    /// line has no front matter.
    static func split(_ text: String) throws -> FrontMatter {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            return FrontMatter(body: Substring(text))
        }
        var lineNumber = 1
        var index = text.index(after: text.firstIndex(of: "\n")!)
        let yamlStart = index
        var yamlBytes = 0
        while index < text.endIndex {
            lineNumber += 1
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<lineEnd].trimmingCharacters(in: .init(charactersIn: "\r"))
            if line == "---" || line == "..." {
                let yaml = text[yamlStart..<index]
                try FrontMatterGuard.check(yaml, firstLine: 2)
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                var matter = FrontMatter(body: text[bodyStart...])
                matter.bodyLine = lineNumber + 1
                try matter.parse(String(yaml))
                return matter
            }
            yamlBytes += text.utf8.distance(from: index, to: lineEnd) + 1
            if yamlBytes > FrontMatterGuard.maximumBytes {
                throw Failure(line: 1, message: "front matter opened with '---' on line 1 is longer than \(FrontMatterGuard.maximumBytes >> 10) KB"
                              + " (the limit) or never closes; metadata is a few short lines ending with a '---' line")
            }
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        throw Failure(line: 1, message: "front matter opened with '---' on line 1 never closes (add a '---' line after it)")
    }

    private mutating func parse(_ yaml: String) throws {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Failure(line: 1 + FrontMatter.line(of: error), message: "front matter is not valid YAML: \(FrontMatter.summary(of: error))")
        } catch {
            throw Failure(line: 1, message: "front matter is not valid YAML: \(error)")
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            throw Failure(line: 2, message: "front matter must be a YAML mapping of keys to values")
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            fields[name.lowercased()] = FrontMatter.text(of: value)
            lines[name.lowercased()] = 1 + (key.mark?.line ?? 0)
        }
    }

    private static func text(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return sequence.map(text(of:)).joined(separator: ", ")
        case .mapping(let mapping): return mapping.map { "\(text(of: $0.key)): \(text(of: $0.value))" }.joined(separator: ", ")
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
        }
    }
}

import Foundation

/// A JSON Schema (draft 2020-12), read from a file, holding the keywords a gazetteer's
/// schema (`Corpus/gazetteer.schema.json`) uses: `type`, `properties`, `required`,
/// `additionalProperties`, `items`, `minItems`, `minLength`, `pattern` and local `$ref`s
/// (`#/$defs/NAME`); `integer` and `boolean` are not told apart from `number`. A keyword it
/// does not hold is not checked.
public struct JSONSchema: @unchecked Sendable {
    /// One place where a document breaks the schema.
    public struct Problem: Sendable, Equatable, Encodable {
        /// Where, as a JSON path (`$.sides[0].id`).
        public var path: String
        /// What is wrong there.
        public var message: String
    }

    private let root: [String: Any]

    /// The schema in `data`; throws if it is not a JSON object.
    public init(data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        self.root = root
    }

    /// The places where the JSON `document` breaks the schema, in document order where it
    /// has one (object keys sorted). A document that is not JSON is one problem at `$`.
    public func problems(in document: Data) -> [Problem] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: document, options: [.fragmentsAllowed])
        } catch {
            let line = JSONSyntax.errorLine(in: document).map { " (line \($0))" } ?? ""
            return [Problem(path: "$", message: "is not valid JSON\(line)")]
        }
        var problems: [Problem] = []
        check(value, against: root, at: "$", depth: 0, into: &problems)
        return problems
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, depth: Int, into problems: inout [Problem]) {
        guard depth < 64 else { return } // a schema that refers to itself endlessly
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else {
                problems.append(Problem(path: path, message: "the schema's \(reference) is not defined"))
                return
            }
            check(value, against: target, at: path, depth: depth + 1, into: &problems)
        }
        if let expected = schema["type"] {
            let types = (expected as? [String]) ?? [(expected as? String) ?? ""]
            let actual = Self.type(of: value)
            guard types.contains(actual) else {
                problems.append(Problem(path: path, message: "must be \(types.map(Self.describe).joined(separator: " or ")), not \(Self.describe(actual))"))
                return
            }
        }
        if let text = value as? String {
            if let minimum = schema["minLength"] as? Int, text.count < minimum {
                problems.append(Problem(path: path, message: minimum == 1 ? "must not be empty" : "must have at least \(minimum) characters"))
            }
            if let pattern = schema["pattern"] as? String, let expression = try? NSRegularExpression(pattern: pattern),
               expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                problems.append(Problem(path: path, message: "\(Self.quoted(text)) does not match \(pattern)"))
            }
        }
        if let list = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, list.count < minimum {
                problems.append(Problem(path: path, message: "must have at least \(minimum) \(minimum == 1 ? "entry" : "entries")"))
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in list.enumerated() { check(item, against: items, at: "\(path)[\(index)]", depth: depth + 1, into: &problems) }
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in (schema["required"] as? [String] ?? []) where object[key] == nil {
                problems.append(Problem(path: path, message: "lacks \"\(key)\""))
            }
            for key in object.keys.sorted() {
                let child = path + Self.member(key)
                if let property = properties[key] as? [String: Any] {
                    check(object[key]!, against: property, at: child, depth: depth + 1, into: &problems)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(object[key]!, against: additional, at: child, depth: depth + 1, into: &problems)
                } else if schema["additionalProperties"] as? Bool == false {
                    let known = properties.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                    problems.append(Problem(path: child, message: "is not a field of this object (fields: \(known)); it would be ignored"))
                }
            }
        }
    }

    /// The definition `#/$defs/NAME` (or any `#/a/b` path into the schema) refers to.
    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private static func type(of value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "number" // or true/false: Foundation reads both as NSNumber
        }
    }

    private static func describe(_ type: String) -> String {
        switch type {
        case "string": return "text"
        case "array": return "a list"
        case "object": return "an object"
        case "null": return "null"
        default: return "a number or true/false"
        }
    }

    /// `.key`, or `["key"]` for a key that is not a plain name.
    private static func member(_ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        return plain ? "." + key : "[" + quoted(key) + "]"
    }

    private static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])) ?? Data()
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}

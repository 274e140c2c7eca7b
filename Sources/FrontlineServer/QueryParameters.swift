import Foundation

/// The parameters of a URL's query string, decoded as browsers encode forms (`+` is a
/// space, `%XX` a byte), in order; a name may repeat (`side=armenia&side=azerbaijan`).
struct QueryParameters: Sendable {
    private let pairs: [(name: String, value: String)]

    /// The parameters of `query` (the part after `?`, or nil).
    init(_ query: String?) {
        pairs = (query ?? "").split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (QueryParameters.decode(parts[0]), parts.count > 1 ? QueryParameters.decode(parts[1]) : "")
        }
    }

    private init(pairs: [(name: String, value: String)]) { self.pairs = pairs }

    /// Every value of `name`, empty ones dropped.
    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name && !$0.value.isEmpty }.map(\.value)
    }

    /// The last non-empty value of `name`.
    func value(_ name: String) -> String? { values(name).last }

    /// `name` as a whole number in `range`, `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, fallback: Int) throws -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badParameter(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// `name` as a flag: present and not `0`, `false`, `off` or `no`.
    func flag(_ name: String) -> Bool {
        guard let text = value(name)?.lowercased() else { return false }
        return !["0", "false", "off", "no"].contains(text)
    }

    /// The names present.
    var names: Set<String> { Set(pairs.map(\.name)) }

    /// These parameters with `name` set to `values` (removed when empty): for links that
    /// change one part of the current state.
    func setting(_ name: String, to values: [String]) -> QueryParameters {
        QueryParameters(pairs: pairs.filter { $0.name != name } + values.map { (name, $0) })
    }

    /// These parameters with one more value of `name`.
    func adding(_ name: String, _ value: String) -> QueryParameters {
        values(name).contains(value) ? self : QueryParameters(pairs: pairs + [(name, value)])
    }

    /// These parameters without the value `value` of `name`.
    func removing(_ name: String, _ value: String) -> QueryParameters {
        QueryParameters(pairs: pairs.filter { !($0.name == name && $0.value == value) })
    }

    /// The parameters as one text that is the same for every spelling of the same request:
    /// empty values left out, names in order (the values of one name keep theirs), each
    /// decoded; for keying kept answers (`ResponseCache`).
    var normalised: String {
        pairs.filter { !$0.value.isEmpty }.enumerated()
            .sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }
            .map { QueryParameters.encode($0.element.name) + "=" + QueryParameters.encode($0.element.value) }.joined(separator: "&")
    }

    /// The query string (`a=1&b=2`), empty values left out.
    var encoded: String {
        pairs.filter { !$0.value.isEmpty }.map { QueryParameters.encode($0.name) + "=" + QueryParameters.encode($0.value) }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

import Foundation

/// Where JSON that does not parse goes wrong, for diagnostics that name a line.
enum JSONSyntax {
    /// The 1-based line of the first syntax error in `data`, or nil if it parses (or the
    /// parser does not say where).
    static func errorLine(in data: Data) -> Int? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            // Foundation says "… around character N." (an offset into the bytes).
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            guard let range = text.range(of: "character "),
                  let offset = Int(text[range.upperBound...].prefix(while: \.isNumber)) else { return nil }
            return data.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
    }
}

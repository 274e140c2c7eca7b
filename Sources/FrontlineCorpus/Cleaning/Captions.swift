/// Separates photo captions from the credits scraped onto them.
///
/// Scraped galleries run captions and credits together with no space:
/// `…Stepanakert on 2 AprilAreg Balayan/PAN Photo/ReutersAn Armenian volunteer…`.
/// Captions also end in credits after the text (`… seen. REUTERS/Nagorno-Karabakh
/// Military`) or after a dash (`… drones. - Azerbaijan defence ministry`).
enum Captions {
    /// The captions in `line` with their credits removed, or nil if the line is not a caption.
    static func split(_ line: String) -> [String]? {
        if let caption = beforeLabelledCredit(line) { return [caption] }
        // Every credit names an agency or ends a sentence with " - …"; most lines have neither.
        let namesAgency = ByteSearch.containsAny(line, Chrome.agencies)
        if namesAgency, let glued = splitGlued(line) { return glued }
        if namesAgency || endsWithDashCredit(line), let caption = stripTrailingCredit(line) { return [caption] }
        return nil
    }

    /// False if no part of `text` can be a caption with a credit (no agency named, no
    /// sentence followed by a dash): a cheap test before splitting a long line.
    static func mayHoldCaption(_ text: String) -> Bool {
        ByteSearch.containsAny(text, Chrome.agencies) || endsWithDashCredit(text) || ByteSearch.containsAny(text, creditLabels)
    }

    /// How agency credits in parentheses open: AP's "(AP Photo/Leo Correa)", AFP's "(Photo by … / AFP)".
    static let parenthesisedCredits = ["(AP Photo/", "(AP Photo)", "(Photo by ", "(Photo: "]

    /// `unit` cut around the parenthesised agency credits in it (each credit a piece of its
    /// own, without the brackets' neighbours), or `[unit]` when it holds none.
    static func aroundParenthesisedCredits(_ unit: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(unit)
        while let open = parenthesisedCredits.compactMap({ rest.range(of: $0)?.lowerBound }).min(),
              let close = rest[open...].firstIndex(of: ")") {
            let credit = rest[open...close]
            guard credit.split(separator: " ").count <= 10 else { break }
            pieces.append(String(rest[..<open]))
            pieces.append(String(credit))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(String(rest))
        return pieces.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The BBC's "Image caption, Firefighters at the scene" and "Media caption, …" as the
    /// caption's text, or nil for any other line.
    static func labelledCaption(_ line: String) -> String? {
        for label in ["Image caption, ", "Media caption, "] where line.hasPrefix(label) {
            let caption = String(line.dropFirst(label.count)).trimmingWhitespace()
            return caption.isEmpty ? nil : caption
        }
        return nil
    }

    /// The words newspapers put before a photo's credit: the Guardian's "… Kharkiv.
    /// Photograph: Sergey Bobok/AFP/Getty Images", "Composite: …", "Illustration: …".
    static let creditLabels = [" Photograph: ", " Photograph by ", " Composite: ", " Illustration: "]

    /// The caption before a labelled credit that ends `line` (at most eight words), or nil.
    private static func beforeLabelledCredit(_ line: String) -> String? {
        guard ByteSearch.containsAny(line, creditLabels) else { return nil }
        for label in creditLabels {
            guard let range = line.range(of: label, options: .backwards) else { continue }
            let credit = line[range.upperBound...]
            guard credit.split(separator: " ").count <= 8, !credit.contains(". ") else { continue }
            let caption = String(line[..<range.lowerBound]).trimmingWhitespace()
            return caption.split(separator: " ").count >= 3 ? caption : nil
        }
        return nil
    }

    private static func endsWithDashCredit(_ line: String) -> Bool {
        ByteSearch.contains(line, ". -") || ByteSearch.contains(line, ". \u{2013}") || ByteSearch.contains(line, ". \u{2014}")
    }

    /// Credits glued to caption text: split at every point where a word runs into a
    /// capitalised one without a space, then drop the pieces that are credits.
    private static func splitGlued(_ line: String) -> [String]? {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > 20 else { return nil }
        var cuts: [Int] = []
        for i in 1..<scalars.count where scalars[i].properties.isUppercase {
            let previous = scalars[i - 1]
            if previous.properties.isLowercase || ("0"..."9").contains(previous) {
                cuts.append(i)
            } else if previous.properties.isUppercase, i + 1 < scalars.count,
                      scalars[i + 1].properties.isLowercase || scalars[i + 1] == " ",
                      Chrome.agencies.contains(where: { agency in endsWith(scalars, at: i, agency) }) {
                cuts.append(i) // "AFPArmenian", "AFPA soldier"
            }
        }
        guard !cuts.isEmpty else { return nil }
        var pieces: [String] = []
        var start = 0
        for cut in cuts + [scalars.count] {
            pieces.append(String(String.UnicodeScalarView(scalars[start..<cut])))
            start = cut
        }
        var isCredit = pieces.enumerated().map { index, piece in
            isAgencyCredit(piece) || (index == pieces.count - 1 && isBareName(piece))
        }
        guard isCredit.contains(true), pieces.indices.contains(where: { isCredit[$0] && isAgencyCredit(pieces[$0]) }) else {
            return nil
        }
        // A trailing bare name only counts as a credit on a line that has agency credits.
        if let last = isCredit.indices.last, isCredit[last], !isAgencyCredit(pieces[last]) { isCredit[last] = true }
        var captions: [String] = []
        var current = ""
        for (piece, credit) in zip(pieces, isCredit) {
            if credit {
                appendCaption(&captions, current)
                current = ""
            } else {
                current += piece
            }
        }
        appendCaption(&captions, current)
        return captions.isEmpty ? nil : captions
    }

    private static func appendCaption(_ captions: inout [String], _ text: String) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.split(separator: " ").count >= 3 { captions.append(trimmed) }
    }

    private static func endsWith(_ scalars: [Unicode.Scalar], at end: Int, _ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard end >= w.count else { return false }
        return Array(scalars[(end - w.count)..<end]) == w
    }

    /// `Areg Balayan/PAN Photo/Reuters`, `Reuters`, `Vahram Baghdasaryan/AFP`.
    private static func isAgencyCredit(_ piece: String) -> Bool {
        let trimmed = piece.trimmingWhitespace()
        if Chrome.agencies.contains(trimmed) { return true }
        guard trimmed.contains("/"), trimmed.split(separator: " ").count <= 7 else { return false }
        return Chrome.agencies.contains(where: { trimmed.hasSuffix($0) || trimmed.hasPrefix($0 + "/") })
    }

    /// One to three capitalised words and nothing else: a photographer's name.
    private static func isBareName(_ piece: String) -> Bool {
        let words = piece.trimmingWhitespace().split(separator: " ")
        return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } }
    }

    /// `text. REUTERS/Someone` or `text. - Some desk`: the caption without the credit.
    private static func stripTrailingCredit(_ line: String) -> String? {
        for separator in [". - ", ". – ", ". — ", ". "] {
            guard let range = line.range(of: separator, options: .backwards) else { continue }
            // "REUTERS/Gleb Garanich", "(AP Photo/Efrem Lukatsky, File)", "Anatolii Stepanov / AFP via Getty Images"
            let credit = String(line[range.upperBound...]).trimmingWhitespace()
            let words = credit.split(separator: " ")
            guard !credit.isEmpty, words.count <= 8, let last = credit.last, !".?!\"".contains(last) else { continue }
            let isDash = separator != ". "
            let bare = credit.hasPrefix("(") && credit.hasSuffix(")") ? String(credit.dropFirst().dropLast()) : credit
            let isAgency = bare.contains("/") && Chrome.agencies.contains(where: { bare.hasPrefix($0) || bare.hasSuffix($0) })
            if isDash || isAgency {
                return String(line[..<range.lowerBound]) + "."
            }
        }
        return nil
    }
}

import Foundation

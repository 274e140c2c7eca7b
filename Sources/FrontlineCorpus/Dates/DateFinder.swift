/// Finds the dates a passage speaks of: explicit dates ("3 April 2016",
/// "April 3, 2016", "2016-04-03"), day and month resolved against the
/// publication date ("on Saturday (2 April)"), and weekdays or "today" /
/// "yesterday" resolved to the nearest such day on or before publication.
public enum DateFinder {
    /// Every date in `text`, sorted and unique. Dates without a year or relative
    /// dates need `published`; without it they are not resolved.
    public static func dates(in text: String, published: CalendarDate?) -> [CalendarDate] {
        dates(in: Tokenizer.tokens(text), published: published)
    }

    /// The dates in text already split into tokens.
    /// `months` are the month names of the passage's language profile ("апреля": 4), lower case,
    /// with the day before them ("2 апреля 2016") or after ("ապրիլի 2"); `relativeDates` its
    /// words for a day relative to publication ("вчера": -1).
    static func dates(in tokens: [Tokenizer.Token], published: CalendarDate?, months: [String: Int] = [:],
                      relativeDates: [String: Int] = [:]) -> [CalendarDate] {
        var found: Set<CalendarDate> = []
        var i = 0
        while i < tokens.count {
            let word = tokens[i].lower
            if let published, !relativeDates.isEmpty, let days = relativeDates[word] { found.insert(published.adding(days: days)) }
            if !months.isEmpty, let month = months[word] {
                let before = i > 0 ? number(tokens, i - 1).flatMap { $0 <= 31 ? $0 : nil } : nil
                if let day = before ?? number(tokens, i + 1).flatMap({ $0 <= 31 ? $0 : nil }) {
                    let yearAt = before == nil ? i + 2 : i + 1
                    let year = number(tokens, yearAt).flatMap { $0 >= 1000 ? $0 : nil }
                    if let date = resolve(day: day, month: month, year: year, published: published) { found.insert(date) }
                }
            }
            if let month = CalendarDate.monthNumbers[word], tokens[i].capitalized, word != "may" || isNumber(tokens, i + 1) {
                // April 3[, 2016]  or  3 April[ 2016]
                if let day = number(tokens, i + 1), day <= 31 {
                    let year = number(tokens, i + 2).flatMap { $0 >= 1000 ? $0 : nil }
                    if let date = resolve(day: day, month: month, year: year, published: published) { found.insert(date) }
                    i += year == nil ? 2 : 3
                    continue
                }
                if i > 0, let day = number(tokens, i - 1), day <= 31 {
                    let year = number(tokens, i + 1).flatMap { $0 >= 1000 ? $0 : nil }
                    if let date = resolve(day: day, month: month, year: year, published: published) { found.insert(date) }
                    i += year == nil ? 1 : 2
                    continue
                }
            } else if word.count == 4, let year = Int(word), year >= 1000, i + 2 < tokens.count,
                      let month = number(tokens, i + 1), let day = number(tokens, i + 2),
                      tokens[i + 1].end - tokens[i + 1].start == 2, tokens[i + 2].end - tokens[i + 2].start == 2,
                      let date = CalendarDate(year: year, month: month, day: day) {
                found.insert(date)
                i += 3
                continue
            } else if let published {
                if let weekday = CalendarDate.weekdayNumbers[word], tokens[i].capitalized {
                    let back = (published.weekday - weekday + 7) % 7
                    // An explicit date right after ("Saturday (2 April)") wins.
                    if !(i + 1 < tokens.count && (number(tokens, i + 1) != nil || CalendarDate.monthNumbers[tokens[i + 1].lower] != nil)) {
                        found.insert(published.adding(days: -back))
                    }
                } else if let days = CalendarDate.relativeDays[word] {
                    found.insert(published.adding(days: days))
                }
            }
            i += 1
        }
        return found.sorted()
    }

    /// The first full date (with a year) in `text`, for articles with no date in their metadata.
    public static func firstFullDate(in text: String) -> CalendarDate? {
        dates(in: text, published: nil).first
    }

    private static func isNumber(_ tokens: [Tokenizer.Token], _ i: Int) -> Bool { number(tokens, i) != nil }

    private static func number(_ tokens: [Tokenizer.Token], _ i: Int) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].end - tokens[i].start <= 4 else { return nil }
        var word = Substring(tokens[i].lower)
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) { word = word.dropLast(2) }
        return Int(word)
    }

    /// A day and month, with the year given or taken from the publication date
    /// (the latest such day not more than a week after publication).
    private static func resolve(day: Int, month: Int, year: Int?, published: CalendarDate?) -> CalendarDate? {
        if let year { return CalendarDate(year: year, month: month, day: day) }
        guard let published else { return nil }
        for y in [published.year, published.year - 1] {
            if let date = CalendarDate(year: y, month: month, day: day), date.dayNumber <= published.dayNumber + 7 { return date }
        }
        return nil
    }
}

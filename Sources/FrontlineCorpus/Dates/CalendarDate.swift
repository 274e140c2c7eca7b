/// A calendar day without time zone, validated (no 2016-02-30).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, within `years`.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, valid for that month.
    public let day: Int

    /// The years a date may have, in metadata, in text and in searches alike.
    public static let years = 1000...2999
    /// What is said of a date-shaped text that is no day of `years`, wherever it is read.
    public static let notADay = "is not a day of the calendar (years \(years.lowerBound)–\(years.upperBound))"

    /// Creates a date, or nil if the day does not exist or its year is outside `years`.
    public init?(year: Int, month: Int, day: Int) {
        guard CalendarDate.years.contains(year), (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String { iso }
    /// `YYYY-MM-DD`.
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// `YYYYMMDD`, the sortable form stored in the index.
    public var compact: String { "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))" }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7) + 11) % 7 }

    /// This date moved by `days`.
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Earlier dates sort first.
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    /// English month names and abbreviations, lower case, to month numbers (`months` of `en.json`).
    static let monthNumbers = LanguageProfile.english.months

    /// English weekday names, lower case, to 0 = Sunday … 6 = Saturday (`weekdays` of `en.json`).
    static let weekdayNumbers = LanguageProfile.english.weekdays

    /// English words for a day relative to publication, to its offset in days (`relative_dates` of `en.json`).
    static let relativeDays = LanguageProfile.english.relativeDates

    /// Parses a metadata date: `2016-04-07`, `2016-04-07T10:00:00Z`, `2016/04/07`,
    /// `7 April 2016`, `April 7, 2016`, `Apr 7 2016`.
    /// - Returns: `.invalid` for something date-shaped that does not exist (2016-02-30),
    ///   `.notADate` for anything else.
    public static func parse(_ text: String) -> ParseResult {
        let trimmed = text.trimmingWhitespace()
        let bytes = Array(trimmed.utf8)
        // ISO forms: YYYY-MM-DD or YYYY/MM/DD, optionally followed by a time.
        if bytes.count >= 10, bytes[0...3].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/"),
           bytes[5...6].allSatisfy(isDigit), bytes[7] == bytes[4], bytes[8...9].allSatisfy(isDigit),
           bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") {
            let y = number(bytes[0...3]), m = number(bytes[5...6]), d = number(bytes[8...9])
            if let date = CalendarDate(year: y, month: m, day: d) { return .date(date) }
            return .invalid
        }
        let words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map(String.init)
        guard words.count == 3 else { return .notADate }
        var day: Int?, month: Int?, year: Int?
        for word in words {
            if let m = monthNumbers[word] { month = m }
            else if let n = Int(word.filter(\.isNumber)), word.first?.isNumber == true {
                if n >= 1000 { year = n } else { day = n }
            }
        }
        guard let d = day, let m = month, let y = year else { return .notADate }
        if let date = CalendarDate(year: y, month: m, day: d) { return .date(date) }
        return .invalid
    }

    /// The outcome of `parse`.
    public enum ParseResult: Equatable, Sendable {
        case date(CalendarDate)
        case invalid
        case notADate
    }
}

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

private func number<C: Collection>(_ digits: C) -> Int where C.Element == UInt8 {
    digits.reduce(0) { $0 * 10 + Int($1 - 48) }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

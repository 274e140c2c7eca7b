/// A figure reported in a passage: how many of what, whose, as the text puts it.
public struct Figure: Sendable, Equatable, Encodable {
    /// How many: `value` as written (the middle of a vague range), with its bounds.
    public struct Count: Sendable, Equatable, Encodable {
        public var value: Int
        public var min: Int
        public var max: Int
        /// True for "about", "dozens", "several"…
        public var approximate: Bool

        /// The `max` of a count with no upper bound ("at least 12": min 12, value 12).
        public static let unbounded = Int.max

        /// As a reader says it: "12", "about 30000", "at least 12", "up to 500", "61 (24–99, approximate)".
        public var phrase: String {
            if min == max { return "\(approximate ? "about " : "")\(value)" }
            if max == Count.unbounded { return "\(approximate ? "about " : "")at least \(min)" }
            if !approximate, min == value { return "at least \(value)" }
            if !approximate, max == value { return "up to \(value)" }
            return "\(value) (\(min)–\(max)\(approximate ? ", approximate" : ""))"
        }

        enum CodingKeys: String, CodingKey { case value, min, max, approximate }

        /// `max` is `null` for a count with no upper bound.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
            try container.encode(min, forKey: .min)
            try container.encode(max == Count.unbounded ? nil : max, forKey: .max)
            try container.encode(approximate, forKey: .approximate)
        }

        /// A count of `value`, between `min` and `max`.
        public init(value: Int, min: Int, max: Int, approximate: Bool) {
            self.value = value
            self.min = min
            self.max = max
            self.approximate = approximate
        }
    }

    /// The names of the categories of figures (`FigureCategory`), in output order.
    public static let categories = FigureCategory.allCases.map(\.rawValue)

    public var count: Count
    /// `killed`, `wounded`, `captured`, `missing`, `equipment` or `attacks`.
    public var category: String
    /// For equipment: `tank`, `helicopter`, `drone`…
    public var item: String?
    /// Whom: `soldiers`, `civilians`, `children`, `journalists`, `people`.
    public var subject: String?
    /// Whose losses: a side id, when the text says ("Azeri servicemen", "its soldiers",
    /// "enemy forces").
    public var side: String?
    /// Who claims it: the parties of the nearest claim in its sentence (none if the
    /// sentence reports no claim).
    public var claimants: [String]
    /// The words the figure was read from.
    public var text: String
    /// The period a historical figure belongs to, when its sentence names one ("1990s",
    /// "1994"), so it is never mixed with the day's figures.
    public var period: String?
    /// For a rate ("60 to 100 soldiers killed per day"), the time it is per: `day`, `week`,
    /// `month` or `year`. A rate is no total: it is never added to other figures.
    public var rate: String?
    /// True for a running total ("the death toll rose to 710", "in total", "since the start
    /// of the war"), false for the losses of one event or day. Totals are never added up.
    public var cumulative: Bool

    /// One line for a reader: "12 killed soldiers · whose: Azerbaijan · claimed by Azerbaijan",
    /// naming parties with `label`.
    public func summary(label: (String) -> String) -> String {
        var parts = ["\(count.phrase) " + [category, item, subject].compactMap { $0 }.joined(separator: " ")]
        if let side { parts.append("whose: " + label(side)) }
        if !claimants.isEmpty { parts.append("claimed by " + claimants.map(label).joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    enum CodingKeys: String, CodingKey {
        case count, category, item, subject, side, claimants, text, period, rate, cumulative
    }

    /// Every key present, `null` where the text does not say.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(category, forKey: .category)
        try container.encode(item, forKey: .item)
        try container.encode(subject, forKey: .subject)
        try container.encode(side, forKey: .side)
        try container.encode(claimants, forKey: .claimants)
        try container.encode(text, forKey: .text)
        try container.encode(period, forKey: .period)
        try container.encode(rate, forKey: .rate)
        try container.encode(cumulative, forKey: .cumulative)
    }

    /// A figure of `count` `category`.
    public init(count: Count, category: String, item: String?, subject: String?, side: String?, claimants: [String], text: String, period: String?,
                rate: String? = nil, cumulative: Bool = false) {
        self.count = count
        self.category = category
        self.item = item
        self.subject = subject
        self.side = side
        self.claimants = claimants
        self.text = text
        self.period = period
        self.rate = rate
        self.cumulative = cumulative
    }
}

/// A figure reported in a passage: how many of what, whose, as the text puts it.
public struct Figure: Sendable, Equatable, Encodable {
    /// How many: `value` as written (the middle of a vague range), with its bounds.
    public struct Count: Sendable, Equatable, Encodable {
        public var value: Int
        public var min: Int
        public var max: Int
        /// True for "about", "dozens", "several"…
        public var approximate: Bool
    }

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
    /// The words the figure was read from.
    public var text: String
    /// The period a historical figure belongs to, when its sentence names one ("1990s",
    /// "1994"), so it is never mixed with the day's figures.
    public var period: String?
}

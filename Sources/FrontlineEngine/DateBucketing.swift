/// Turns `YYYYMMDD` values into day, month or year buckets.
enum DateBucketing {
    static func bucket(_ value: String, _ bucket: DateBucket) -> String {
        guard value.count == 8 else { return value }
        let y = value.prefix(4), m = value.dropFirst(4).prefix(2), d = value.suffix(2)
        switch bucket {
        case .day: return "\(y)-\(m)-\(d)"
        case .month: return "\(y)-\(m)"
        case .year: return String(y)
        }
    }
}

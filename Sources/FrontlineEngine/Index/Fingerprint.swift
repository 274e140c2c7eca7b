import FrontlineCorpus

/// 64-bit FNV-1a, for content fingerprints and shard assignment: stable across
/// runs and machines (unlike Swift's seeded `Hasher`).
enum Fingerprint {
    static func hash(_ text: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    static func hex(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The fingerprint of everything about an article that affects its passages.
    static func of(_ article: Article) -> String {
        var h = hash(article.id)
        for part in [article.title, article.date?.iso ?? "", article.source, article.url, article.body] {
            h = hash(part, seed: hash("\u{1}", seed: h))
        }
        for key in article.extra.keys.sorted() { h = hash("\u{1}\(key)=\(article.extra[key]!)", seed: h) }
        return hex(h)
    }
}

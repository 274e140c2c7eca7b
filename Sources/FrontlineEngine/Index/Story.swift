import FrontlineCorpus
import Xapian

/// Syndicated copies: the same (wire) story carried by several articles, found by the
/// MinHash of their cleaned text and kept, every copy, in the index.
///
/// Each article's writer stores its `StorySignature` (`Schema.signaturePrefix`); when a
/// run has written every shard, `StoryResolver` clusters the signatures of the whole index
/// and gives each article its story (`StoryValue`, in `Schema.storySlot`) and each passage
/// the key it shares with the same passage in the story's other copies (`Schema.copySlot`,
/// empty for a passage no copy shares). Searches collapse on these slots.
enum Story {
    /// Words per shingle.
    static let shingleWords = 5
    /// MinHash values per signature, in `bands` bands of `hashes / bands` rows for the candidate search.
    static let hashes = 64, bands = 32
    /// An article of fewer words has no signature: short texts (a caption, a brief) share
    /// their shingles by chance too often to call them copies.
    static let minimumWords = 30
    /// The least share of equal MinHash values (the estimate of the shingle sets' Jaccard
    /// similarity) of two copies: on BBC 2005, pairs above 0.5 are one story (re-sent or
    /// updated), pairs between 0.3 and 0.5 are follow-ups on one event (bench/RESULTS.md).
    static let similarity = 0.5
    /// The least Jaccard similarity of the word trigrams of two passages that are the same passage.
    static let passageSimilarity = 0.5

    /// The FNV-1a hashes of the lower-cased words of `text` (letters and digits; a byte
    /// beyond ASCII is a letter), on its UTF-8 bytes.
    static func wordHashes(_ text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        var h: UInt64 = 0xcbf2_9ce4_8422_2325, inWord = false
        for byte in text.utf8 {
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isWordByte {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
                inWord = true
            } else if inWord {
                hashes.append(h)
                h = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
        }
        if inWord { hashes.append(h) }
        return hashes
    }

    /// The hashes of the runs of `length` consecutive words.
    static func shingles(_ words: [UInt64], length: Int) -> Set<UInt64> {
        guard words.count >= length else { return words.isEmpty ? [] : [mix(words.reduce(0) { rotate($0) ^ $1 })] }
        var shingles = Set<UInt64>(minimumCapacity: words.count)
        for start in 0...(words.count - length) {
            var h: UInt64 = 0
            for word in words[start..<(start + length)] { h = rotate(h) ^ word }
            shingles.insert(mix(h))
        }
        return shingles
    }

    /// The Jaccard similarity of two sets.
    static func jaccard(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
        let shared = a.count < b.count ? a.intersection(b).count : b.intersection(a).count
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    static func rotate(_ h: UInt64) -> UInt64 { (h << 7) | (h >> 57) }

    /// A 64-bit finaliser (splitmix64's): every input bit moves every output bit.
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return x ^ (x >> 31)
    }
}

/// The MinHash signature of an article's cleaned text (its passages; not its title, which
/// outlets rewrite): `Story.hashes` values, each the least of one hash function over
/// the article's word shingles.
struct StorySignature: Equatable {
    /// The least 16 bits of each hash function (a chance agreement, 1 in 65,536, moves no estimate).
    var values: [UInt16]

    /// The signature of `passages`, or nil when they hold fewer than `Story.minimumWords` words.
    init?(_ passages: [Passage]) {
        var words: [UInt64] = []
        for passage in passages { words += Story.wordHashes(passage.text) }
        guard words.count >= Story.minimumWords else { return nil }
        var values = [UInt16](repeating: .max, count: Story.hashes)
        values.withUnsafeMutableBufferPointer { values in
            // A shingle seen twice changes no minimum: no set of them is needed.
            for start in 0...(words.count - Story.shingleWords) {
                var shingle: UInt64 = 0
                for word in words[start..<(start + Story.shingleWords)] { shingle = Story.rotate(shingle) ^ word }
                shingle = Story.mix(shingle)
                // Hash function i is h1 + i·h2, finalised (double hashing: two hashes make all of them).
                let h2 = Story.mix(shingle) | 1
                var x = shingle
                for i in 0..<Story.hashes {
                    x &+= h2
                    let value = UInt16(truncatingIfNeeded: ((x ^ (x >> 29)) &* 0xbf58_476d_1ce4_e5b9) >> 48)
                    if value < values[i] { values[i] = value }
                }
            }
        }
        self.values = values
    }

    /// A signature read back from `StoryRecord.text`.
    init?(hex: Substring) {
        guard hex.utf8.count == Story.hashes * 4 else { return nil }
        var values: [UInt16] = []
        var index = hex.startIndex
        for _ in 0..<Story.hashes {
            let end = hex.index(index, offsetBy: 4)
            guard let value = UInt16(hex[index..<end], radix: 16) else { return nil }
            values.append(value)
            index = end
        }
        self.values = values
    }

    var hex: String {
        values.map { value in
            let s = String(value, radix: 16)
            return String(repeating: "0", count: 4 - s.count) + s
        }.joined()
    }

    /// The share of equal values: an estimate of the Jaccard similarity of the two shingle sets.
    func similarity(to other: StorySignature) -> Double {
        Double(zip(values, other.values).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }) / Double(Story.hashes)
    }

    /// The hash of band `band`'s rows.
    func band(_ band: Int) -> UInt64 {
        let rows = Story.hashes / Story.bands
        return values[(band * rows)..<((band + 1) * rows)].reduce(UInt64(band)) { Story.mix($0 ^ UInt64($1)) }
    }
}

/// What a passage's story slot holds: how many articles carry the story and from how many
/// outlets, and the key of its canonical copy (the earliest, then the least key):
/// `articles outlets key`. An article alone is `1 1 <its key>`, so that collapsing on the
/// slot keeps one passage per article as collapsing on the article's key does.
struct StoryValue: Equatable {
    /// The articles of the story, this one included.
    var articles: Int
    /// The outlets (sources) among them; an article without a source counts as one.
    var outlets: Int
    /// The canonical copy's article key.
    var key: String

    /// The value of an article no other copies.
    init(alone key: String) {
        self.init(articles: 1, outlets: 1, key: key)
    }

    init(articles: Int, outlets: Int, key: String) {
        self.articles = articles
        self.outlets = outlets
        self.key = key
    }

    init?(parsing text: String) {
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let articles = Int(parts[0]), let outlets = Int(parts[1]) else { return nil }
        self.init(articles: articles, outlets: outlets, key: String(parts[2]))
    }

    var text: String { "\(articles) \(outlets) \(key)" }
}

/// What the index keeps of an article for finding its copies (`D:<key>`):
/// `resolved \t date \t signature \t source`, `resolved` naming the story state its
/// passages were last given (`StoryResolver`; empty when they have not been given one).
struct StoryRecord: Equatable {
    var resolved: String
    /// `YYYYMMDD`, or empty.
    var date: String
    var signature: StorySignature
    var source: String

    /// The record of a newly written article, or nil when it is too short for a signature.
    init?(_ article: Article, passages: [Passage]) {
        guard let signature = StorySignature(passages) else { return nil }
        resolved = ""
        date = article.date?.compact ?? ""
        self.signature = signature
        source = article.source
    }

    init?(parsing text: String) {
        let parts = text.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let signature = StorySignature(hex: parts[2]) else { return nil }
        resolved = String(parts[0])
        date = String(parts[1])
        self.signature = signature
        source = String(parts[3])
    }

    var text: String { resolved + "\t" + content }
    /// The record without `resolved`: what the article brings to its story.
    var content: String { "\(date)\t\(signature.hex)\t\(source)" }
}

/// Clusters the signatures of every shard of an index into stories and writes each
/// article's story and each passage's copy key, once all shards are written: the stories
/// are a function of the articles indexed, whatever shard each is on, the order they came
/// in or how many runs brought them, so an incremental run ends equal to a clean build.
/// Only the articles whose story changed are rewritten (their values, in place).
///
/// Memory: a signature (about 200 bytes) per article of the index while it runs.
struct StoryResolver {
    let shards: [WritableDatabase]

    private struct Entry {
        let shard: Int
        let key: String
        var record: StoryRecord
    }

    /// How many stories have several copies, and how many articles are in them.
    struct Outcome: Equatable {
        var stories = 0
        var articles = 0
    }

    /// Resolves the stories of the whole index; commits nothing (the caller does).
    func resolve() throws -> Outcome {
        var entries: [Entry] = []
        for (shard, database) in shards.enumerated() {
            for metadataKey in try database.metadataKeys(prefix: Schema.signaturePrefix) {
                guard let record = StoryRecord(parsing: try database.metadata(metadataKey)) else { continue }
                entries.append(Entry(shard: shard, key: String(metadataKey.dropFirst(Schema.signaturePrefix.count)), record: record))
            }
        }
        entries.sort { $0.key < $1.key }
        var outcome = Outcome()
        for members in clusters(entries) {
            let story = members.count == 1 ? StoryValue(alone: entries[members[0]].key) : value(of: members.map { entries[$0] })
            let resolved = members.count == 1 ? "" : state(story, members.map { entries[$0] })
            if members.count > 1 {
                outcome.stories += 1
                outcome.articles += members.count
            }
            guard members.contains(where: { entries[$0].record.resolved != resolved }) else { continue }
            try apply(story, to: members.map { entries[$0] })
            for member in members where entries[member].record.resolved != resolved {
                entries[member].record.resolved = resolved
                try shards[entries[member].shard].setMetadata(Schema.signaturePrefix + entries[member].key, entries[member].record.text)
            }
        }
        return outcome
    }

    /// The clusters of `entries` (indices, each cluster in key order): two articles are in
    /// one when their signatures agree in a band and are `Story.similarity` alike, and
    /// clusters join through shared members.
    private func clusters(_ entries: [Entry]) -> [[Int]] {
        var parent = Array(entries.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for band in 0..<Story.bands {
            var buckets: [UInt64: [Int]] = [:]
            for (i, entry) in entries.enumerated() { buckets[entry.record.signature.band(band), default: []].append(i) }
            for bucket in buckets.values where bucket.count > 1 {
                for (position, i) in bucket.enumerated() {
                    for j in bucket[(position + 1)...] where root(i) != root(j)
                        && entries[i].record.signature.similarity(to: entries[j].record.signature) >= Story.similarity {
                        let (a, b) = (root(i), root(j))
                        parent[max(a, b)] = min(a, b)
                    }
                }
            }
        }
        return Dictionary(grouping: entries.indices, by: root).values.sorted { $0[0] < $1[0] }
    }

    /// The story of several copies: the canonical one is the earliest (undated last), then the least key.
    private func value(of members: [Entry]) -> StoryValue {
        let canonical = members.min { ($0.record.date.isEmpty ? "~" : $0.record.date, $0.key) < ($1.record.date.isEmpty ? "~" : $1.record.date, $1.key) }!
        let outlets = Set(members.map { Schema.sourceValue($0.record.source) }).count
        return StoryValue(articles: members.count, outlets: outlets, key: canonical.key)
    }

    /// A name of the story's state: its value and each member's signature, date and source.
    private func state(_ story: StoryValue, _ members: [Entry]) -> String {
        Fingerprint.hex(members.reduce(Fingerprint.hash(story.text)) { h, member in
            Fingerprint.hash(member.key + "\u{1}" + member.record.content, seed: h)
        })
    }

    /// Writes `story` into every passage of `members` and each passage's copy key: a
    /// passage of a copy as alike as `Story.passageSimilarity` to a passage of the canonical
    /// copy shares its key (`key ordinal`) with it; other passages have none.
    private func apply(_ story: StoryValue, to members: [Entry]) throws {
        let passages = try members.map { try documents(of: $0) }
        var copyKeys = passages.map { $0.map { _ in "" } }
        if members.count > 1, let canonical = members.firstIndex(where: { $0.key == story.key }) {
            let originals = passages[canonical].map { Story.shingles(Story.wordHashes($0.passage.text), length: 3) }
            for (m, list) in passages.enumerated() where m != canonical {
                for (p, item) in list.enumerated() {
                    let shingles = Story.shingles(Story.wordHashes(item.passage.text), length: 3)
                    let best = originals.indices.map { ($0, Story.jaccard(shingles, originals[$0])) }.max { ($0.1, -$0.0) < ($1.1, -$1.0) }
                    guard let best, best.1 >= Story.passageSimilarity else { continue }
                    let key = story.key + " " + String(passages[canonical][best.0].passage.ordinal)
                    copyKeys[m][p] = key
                    copyKeys[canonical][best.0] = key
                }
            }
        }
        for (m, member) in members.enumerated() {
            for (p, item) in passages[m].enumerated() {
                guard try item.document.value(slot: Schema.storySlot) != story.text || item.document.value(slot: Schema.copySlot) != copyKeys[m][p] else { continue }
                // Opened anew just before it is replaced: Xapian then rewrites only its values
                // (its shortcut holds for the document it opened last), not its terms.
                let document = try shards[member.shard].document(item.document.id)
                try document.addValue(story.text, slot: Schema.storySlot)
                try document.addValue(copyKeys[m][p], slot: Schema.copySlot) // empty removes it
                try shards[member.shard].replace(uniqueTerm: Schema.uniqueTerm(article: item.passage.article, ordinal: item.passage.ordinal), with: document)
            }
        }
    }

    /// The passages of `member`, in order, with their documents.
    private func documents(of member: Entry) throws -> [(passage: StoredPassage, document: Document)] {
        let enquire = try Enquire(database: shards[member.shard])
        try enquire.setQuery(try Query(term: Schema.articleTermPrefix + member.key))
        try enquire.sortByValue(slot: Schema.ordinalSlot, descending: false)
        let mset = try enquire.matches(offset: 0, limit: 100_000)
        return try (0..<mset.count).map { i in
            let document = try mset.document(i)
            return (try StoredPassage.decode(try document.data()), document)
        }
    }
}

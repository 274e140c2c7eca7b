/// Decoding raw article bytes into text, reporting what had to be repaired.
enum TextDecoding {
    /// The outcome of decoding a byte buffer.
    struct Result {
        /// The text, with invalid sequences replaced by U+FFFD and any BOM removed.
        var text: String
        /// The 1-based line (counted from the buffer's start) of the first invalid UTF-8 sequence.
        var firstInvalidLine: Int?
        /// The 1-based line of the first NUL byte, which marks a binary file.
        var nulLine: Int?
    }

    /// The Unicode encoding a byte-order mark at the start of `bytes` announces, other than
    /// UTF-8 (whose BOM is simply dropped), or nil.
    static func wideEncoding(of bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(4))
        if head.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32LE" }
        if head.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32BE" }
        if head.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if head.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }

    /// Decodes `bytes` as UTF-8 (or as UTF-16 or UTF-32 when a byte-order mark says so),
    /// checking for NUL bytes and invalid sequences.
    static func decode(_ bytes: [UInt8]) -> Result {
        if let wide = wideEncoding(of: bytes) { return decode(Array(transcode(bytes, from: wide).utf8)) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            return Result(text: "", firstInvalidLine: nil, nulLine: lineNumber(of: nul, in: body))
        }
        var invalidLine: Int?
        if let bad = firstInvalidOffset(body) { invalidLine = lineNumber(of: bad, in: body) }
        return Result(text: String(decoding: body, as: UTF8.self), firstInvalidLine: invalidLine, nulLine: nil)
    }

    /// `bytes` (with its byte-order mark) decoded from UTF-16 or UTF-32; invalid units
    /// become U+FFFD and an odd trailing byte is dropped.
    private static func transcode(_ bytes: [UInt8], from encoding: String) -> String {
        let bigEndian = encoding.hasSuffix("BE")
        if encoding.hasPrefix("UTF-32") {
            let units = stride(from: 4, to: bytes.count - 3, by: 4).map { i -> UInt32 in
                let word = bigEndian ? bytes[i..<(i + 4)] : ArraySlice(bytes[i..<(i + 4)].reversed())
                return word.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            }
            return String(decoding: units, as: UTF32.self)
        }
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { i -> UInt16 in
            let high = UInt16(bigEndian ? bytes[i] : bytes[i + 1])
            let low = UInt16(bigEndian ? bytes[i + 1] : bytes[i])
            return high << 8 | low
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func lineNumber(of index: Int, in bytes: ArraySlice<UInt8>) -> Int {
        1 + bytes[bytes.startIndex..<index].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// The index of the first byte that starts an invalid UTF-8 sequence, or nil.
    private static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
            default: return i
            }
            guard i + length <= end else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}

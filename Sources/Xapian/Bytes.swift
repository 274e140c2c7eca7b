import CXapian

/// Passes the UTF-8 bytes of `string` to `body` as (pointer, length) without copying
/// when the string is already contiguous.
@inline(__always)
func withBytes<R>(_ string: String, _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    var copy = string
    return try copy.withUTF8 { buffer in
        try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress, $0.count) }
    }
}

/// Takes ownership of a shim-allocated buffer and returns it as a String
/// (invalid UTF-8 is replaced), freeing the buffer.
@inline(__always)
func takeString(_ pointer: UnsafeMutablePointer<CChar>?, _ length: Int) -> String {
    guard let pointer else { return "" }
    defer { cx_free(pointer) }
    let buffer = UnsafeRawBufferPointer(start: pointer, count: length)
    return String(decoding: buffer, as: UTF8.self)
}

/// Decodes a packed list (uint32 length, bytes, uint64 number per entry) and frees it.
func takePacked(_ pointer: UnsafeMutablePointer<CChar>?, _ length: Int) -> [(String, UInt64)] {
    guard let pointer else { return [] }
    defer { cx_free(pointer) }
    let raw = UnsafeRawBufferPointer(start: pointer, count: length)
    var entries: [(String, UInt64)] = []
    var offset = 0
    while offset + 4 <= raw.count {
        var size = 0
        for i in 0..<4 { size |= Int(raw[offset + i]) << (8 * i) }
        offset += 4
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + size]), as: UTF8.self)
        offset += size
        var number: UInt64 = 0
        for i in 0..<8 { number |= UInt64(raw[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        entries.append((text, number))
    }
    return entries
}

import Foundation

/// Reads a file line by line in fixed-size chunks, so a file of any size is
/// never held in memory whole. Lines are returned as raw bytes without the
/// trailing `\n` (or `\r\n`); a line longer than `maximumLineBytes` is skipped
/// without being held in memory, and reported by its length.
public final class LineReader {
    /// One line of the file.
    public enum Line {
        /// The line's bytes.
        case text([UInt8])
        /// A line too long to read, with its length in bytes.
        case tooLong(Int)
    }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where to resume looking for a newline (bytes before it have none).
    private var scanned = 0
    private var atEnd = false
    private let chunkSize: Int
    /// The longest line returned; longer ones come back as `.tooLong`.
    public let maximumLineBytes: Int
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0
    /// Bytes consumed so far (including newlines).
    public private(set) var bytesRead = 0

    /// Opens `path` for reading.
    public init(path: String, chunkSize: Int = 1 << 20, maximumLineBytes: Int = 16 << 20) throws {
        handle = try FileAccess.openRegularFile(path)
        self.chunkSize = chunkSize
        self.maximumLineBytes = maximumLineBytes
    }

    deinit { try? handle.close() }

    /// The next line, or nil at the end of the file.
    public func next() throws -> Line? {
        var skipped = 0 // bytes of an over-long line already dropped
        while true {
            if let newline = buffer[max(start, scanned)...].firstIndex(of: 10) {
                var end = newline
                if end > start, buffer[end - 1] == 13 { end -= 1 }
                let length = skipped + newline - start
                let line: Line = length > maximumLineBytes ? .tooLong(length) : .text(Array(buffer[start..<end]))
                bytesRead += newline + 1 - start
                start = newline + 1
                scanned = start
                lineNumber += 1
                return line
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count || skipped > 0 else { return nil }
                var bytes = Array(buffer[start...])
                if bytes.last == 13 { bytes.removeLast() }
                bytesRead += buffer.count - start
                let length = skipped + buffer.count - start
                start = buffer.count
                lineNumber += 1
                return length > maximumLineBytes ? .tooLong(length) : .text(bytes)
            }
            if buffer.count - start > maximumLineBytes {
                // Too long to hold: drop what is buffered and keep reading to the newline.
                skipped += buffer.count - start
                bytesRead += buffer.count - start
                start = buffer.count
            }
            if start > 0 {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    /// Reads the first `limit` bytes of `path`, and the file's whole size.
    static func prefix(of path: String, limit: Int) throws -> (bytes: [UInt8], size: Int) {
        let handle = try FileAccess.openRegularFile(path)
        defer { try? handle.close() }
        let data = try handle.read(upToCount: limit) ?? Data()
        let size = Int(try handle.seekToEnd())
        return (Array(data), size)
    }
}

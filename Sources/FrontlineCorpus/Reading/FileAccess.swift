import Foundation

/// A file-system failure, in the system's own words ("Permission denied"), never
/// Foundation's "NSCocoaErrorDomain error 256".
public struct FileError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// The failure `errno` describes.
    public init(errno code: Int32) {
        description = String(cString: strerror(code))
    }

    /// A failure described in words.
    public init(_ description: String) {
        self.description = description
    }

    /// The clearest words for any error thrown by Foundation's file APIs: the POSIX
    /// error underneath when there is one.
    public static func describe(_ error: Error) -> String {
        if let known = error as? FileError { return known.description }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "No such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "Permission denied"
        case .fileWriteOutOfSpace: return "No space left on device"
        case .fileWriteVolumeReadOnly: return "Read-only file system"
        default: return ns.localizedDescription
        }
    }
}

/// Opening input files safely.
enum FileAccess {
    /// What kind of thing a path names, following symbolic links.
    enum Kind: Equatable {
        case regularFile
        case folder
        /// A FIFO, socket or device: never read (opening a FIFO blocks until a writer comes).
        case special(String)
        /// Nothing: missing, or a symbolic link whose target is gone.
        case missing
        /// The path cannot be examined (a folder on the way is unreadable…).
        case inaccessible(String)
    }

    /// The kind of `path`, following symbolic links.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? .missing : .inaccessible(String(cString: strerror(code)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .folder
        case S_IFIFO: return .special("a FIFO (named pipe)")
        case S_IFSOCK: return .special("a socket")
        case S_IFCHR, S_IFBLK: return .special("a device")
        default: return .special("not a regular file")
        }
    }

    /// Opens `path` for reading, refusing anything but a regular file. The open never
    /// blocks: a FIFO put in the file's place after it was listed is refused, not waited on.
    static func openRegularFile(_ path: String) throws -> FileHandle {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw FileError(errno: code)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw FileError(info.st_mode & S_IFMT == S_IFDIR ? "it is a folder" : "not a regular file (a FIFO, socket or device)")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }
}

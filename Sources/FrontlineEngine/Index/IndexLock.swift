import Foundation

/// An exclusive, advisory lock on the index folder, held for a whole index run
/// and released by the kernel if the process dies (even by SIGKILL).
final class IndexLock {
    private let descriptor: Int32

    /// Takes the lock at `path` without waiting.
    /// - Returns: nil if another process holds it.
    init?(path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

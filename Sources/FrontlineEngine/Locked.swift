import Foundation

/// A value behind an `NSLock`, for state that several threads share. ThreadSanitizer
/// (`make test-tsan`) sees this lock; it does not see the Synchronization module's `Mutex`,
/// whose accesses it reports as races.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Holds `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` on the value with the lock held.
    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

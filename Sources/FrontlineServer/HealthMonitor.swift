import CLinux
import Foundation
import FrontlineCorpus
import FrontlineEngine

/// The index's health, checked in the background: one prober thread per location checks
/// it every `interval` (`ShardHealth.check`: it opens and answers a search), and
/// `/healthz` reads the last results. A request never opens a shard itself, so a shard
/// that stops answering cannot hold up the health check or anything else; a location
/// whose probe has not come back within `silence` is reported as not answering.
final class HealthMonitor: Sendable {
    private struct Probe: Sendable {
        var health: ShardHealth
        /// When the check under way started (nil: none is).
        var started: ContinuousClock.Instant?
        /// Set when a request met damage the probe's sample did not reach: the index's stub
        /// text then (nil for a remote location). Cleared when an index run publishes anew.
        var damagedAt: String??
    }

    private let locations: [String]
    private let probes: Locked<[Probe]>
    private let silence: Duration

    /// Checks every location once now (so the first answer is real), then starts the probers.
    init(locations: [String], interval: Duration = .seconds(2), silence: Duration = .seconds(5)) {
        self.locations = locations
        self.silence = silence
        probes = Locked(ShardHealth.check(locations).map { Probe(health: $0, started: nil) })
        for (number, location) in locations.enumerated() {
            let thread = Thread { [weak self] in
                _ = cl_set_thread_name("health-\(number)")
                HealthMonitor.probe(self, location, number: number, every: interval)
            }
            thread.start()
        }
    }

    /// The last known health of every location, in order.
    func current() -> [ShardHealth] {
        let now = ContinuousClock.now
        return probes.withLock { probes in
            zip(locations, probes).map { location, probe in
                if let started = probe.started, now - started > silence {
                    return ShardHealth.silent(location, for: Int((now - started).components.seconds))
                }
                if let damagedAt = probe.damagedAt, damagedAt == IndexLayout.stamp(at: location) {
                    return ShardHealth.corrupt(location)
                }
                return probe.health
            }
        }
    }

    /// Records that a request found the index at `location` (one of the locations, or
    /// several joined by ", ") damaged: it is reported so until an index run publishes anew.
    func damaged(_ location: String) {
        let named = Set(location.components(separatedBy: ", "))
        probes.withLock { probes in
            for (number, candidate) in locations.enumerated() where named.contains(candidate) || named.contains(CorpusReader.absolute(candidate)) {
                probes[number].damagedAt = .some(IndexLayout.stamp(at: candidate))
            }
        }
    }

    /// Checks `location` every `interval` for as long as `monitor` is in use.
    private static func probe(_ monitor: HealthMonitor?, _ location: String, number: Int, every interval: Duration) {
        weak var monitor = monitor
        while true {
            Thread.sleep(forTimeInterval: interval.inSeconds)
            guard let started = monitor else { return }
            started.probes.withLock { $0[number].started = .now }
            let health = ShardHealth.check(location)
            monitor?.probes.withLock { probes in
                probes[number].health = health
                probes[number].started = nil
            }
        }
    }
}

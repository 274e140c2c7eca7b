extension Duration {
    /// The duration in seconds, as the timers, sleeps and logs of the server take it.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

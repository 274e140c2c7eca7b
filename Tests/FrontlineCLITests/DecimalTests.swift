import Foundation
@testable import frontline
import Testing

/// `decimal()` is Swift arithmetic on the printing path of a search; it must print what
/// `%.Nf` prints, ties and binary near-ties included.
@Suite struct DecimalTests {
    @Test func decimalRoundsAsPrintfDoes() {
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675, 3.625, 0.045, 1e-7, -0.001, 9.995, 99.95,
                                123456.789, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1e14 + 0.5, 17.45, 3.63, 0.5000000000000001]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            values.append(Double.random(in: -1_000...1_000, using: &generator))
            // Values on a tie at some number of places: k / 2^n.
            values.append(Double(Int.random(in: -100_000...100_000, using: &generator)) / Double(1 << Int.random(in: 1...12, using: &generator)))
        }
        for value in values {
            for places in 0...6 {
                #expect(decimal(value, places: places) == String(format: "%.\(places)f", value), "\(value) to \(places) places")
            }
        }
    }
}

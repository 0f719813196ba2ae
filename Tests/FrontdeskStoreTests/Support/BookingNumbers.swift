import FrontdeskTestSupport
import Testing

/// Booking numbers as each engine gives them. SQLite's one writer numbers bookings without gaps.
/// PostgreSQL takes a booking's number before the booking's transaction, holding no lock to commit,
/// so a booking that then fails leaves its number unused: numbers are unique and increase per
/// organization and year, with gaps.
extension Backend {
    /// Expects `numbers`, in the order their bookings were made, to be `gapless` on SQLite; on
    /// PostgreSQL, to have their prefixes and years and to increase, each at least as high.
    func expectNumbers(_ numbers: [String], _ gapless: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        switch self {
        case .sqlite:
            #expect(numbers == gapless, sourceLocation: sourceLocation)
        case .postgres:
            func series(_ number: String) -> Substring { number[...(number.lastIndex(of: "-") ?? number.startIndex)] }
            func sequence(_ number: String) -> Int { Int(number.split(separator: "-").last ?? "") ?? 0 }
            let sequences = numbers.map(sequence)
            #expect(numbers.map(series) == gapless.map(series), sourceLocation: sourceLocation)
            #expect(zip(sequences, gapless.map(sequence)).allSatisfy(>=), "\(numbers)", sourceLocation: sourceLocation)
            #expect(zip(sequences, sequences.dropFirst()).allSatisfy(<), "\(numbers)", sourceLocation: sourceLocation)
        }
    }
}

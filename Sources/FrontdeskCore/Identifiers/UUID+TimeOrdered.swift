import Foundation
import Synchronization

extension UUID {
    /// A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made
    /// one after the other sort in the order they were made, so a new row's id lands at the end of
    /// its primary-key index instead of on a random page: inserts touch the same few pages, which
    /// stay cached, rather than one cold page per index and row.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        let millis = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            Entropy.draw(into: UnsafeMutableRawBufferPointer(rebasing: raw[6...]))
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: millis >> (40 - 8 * index)) }
            raw[6] = 0x70 | (raw[6] & 0x0f)  // version 7
            raw[8] = 0x80 | (raw[8] & 0x3f)  // variant 10
        }
        return UUID(uuid: bytes)
    }
}

/// The system's random bytes, drawn 256 at a time (what one `getentropy` call gives; fewer than 256
/// bytes of entropy are always available): a call for each id was a fortieth of the SQLite
/// writer's time on a booking's check-in, which makes a dozen ids. (`UUID()` costs several times
/// more on Linux, two draws of the standard generator twice as much.)
private enum Entropy {
    private static let pool = Mutex((bytes: [UInt8](repeating: 0, count: 256), used: 256))

    static func draw(into target: UnsafeMutableRawBufferPointer) {
        pool.withLock { pool in
            if pool.used + target.count > pool.bytes.count {
                pool.bytes.withUnsafeMutableBytes { precondition(getentropy($0.baseAddress!, $0.count) == 0, "no entropy") }
                pool.used = 0
            }
            pool.bytes.withUnsafeBytes { target.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[pool.used..<pool.used + target.count])) }
            pool.used += target.count
        }
    }
}

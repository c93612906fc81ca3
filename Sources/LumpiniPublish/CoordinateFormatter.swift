/// Prints coordinates rounded to a fixed number of decimals, in the shortest form that reads back
/// as the rounded value: no exponent, no trailing zeros, no `-0` (`100.5`, not `1.005e2` or `100.500000`).
///
/// Rounding goes through an integer (`value × 10^precision`, rounded half away from zero), so the
/// output is the same on every machine and run: the basis of byte-identical releases.
struct CoordinateFormatter: Sendable {
    let precision: Int
    private let scale: Double
    private let integerScale: Int64

    /// Largest scaled value printed exactly through the integer path (2^53).
    private static let exactLimit = 9_007_199_254_740_992.0

    init(precision: Int) {
        let clamped = max(0, min(precision, 15))
        self.precision = clamped
        var power: Int64 = 1
        for _ in 0..<clamped { power *= 10 }
        integerScale = power
        scale = Double(power)
    }

    /// The value as it will be published (rounded), for extents and comparisons.
    @inline(__always)
    func rounded(_ value: Double) -> Double {
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < Self.exactLimit else { return value }
        return scaled / scale
    }

    /// Appends the value; the caller has checked that it is finite.
    @inline(__always)
    func write(_ value: Double, to buffer: ByteBuffer) {
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < Self.exactLimit else {
            // Far outside any WGS 84 coordinate: print Swift's shortest round-trip form.
            buffer.append(value.description)
            return
        }
        var units = Int64(scaled)
        if units == 0 {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        let output = buffer.reserve(48)
        var length = 0
        if units < 0 {
            output[0] = UInt8(ascii: "-")
            length = 1
            units = -units
        }
        let whole = units / integerScale
        var fraction = units % integerScale
        length += Self.writeDigits(UInt64(whole), to: output + length)
        if fraction != 0 {
            var digits = precision
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            output[length] = UInt8(ascii: ".")
            length += 1
            // Leading zeros of the fraction, then its significant digits.
            var position = length + digits - 1
            while position >= length {
                output[position] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
                position -= 1
            }
            length += digits
        }
        buffer.advance(by: length)
    }

    /// Writes a non-negative integer's decimal digits; returns how many.
    @inline(__always)
    static func writeDigits(_ value: UInt64, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var remaining = value
        for position in stride(from: digits - 1, through: 0, by: -1) {
            output[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        return digits
    }
}

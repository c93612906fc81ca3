/// Repairs specific to Thai text, on Unicode scalars.
public enum ThaiText {
    static let nikhahit: Unicode.Scalar = "\u{0E4D}"
    static let saraAa: Unicode.Scalar = "\u{0E32}"
    static let saraAm: Unicode.Scalar = "\u{0E33}"
    static let saraE: Unicode.Scalar = "\u{0E40}"
    static let saraAe: Unicode.Scalar = "\u{0E41}"

    /// Tone marks ไม้เอก–ไม้จัตวา (U+0E48–U+0E4B).
    static func isToneMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x0E48...0x0E4B).contains(scalar.value)
    }

    /// Whether the UTF-8 text holds a Thai digit (their UTF-8 form is E0 B9 90–99).
    public static func containsThaiDigit(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if previous == (0xE0, 0xB9), (0x90...0x99).contains(byte) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Thai digits written as ASCII digits: "๒๕๖๖" → "2566". Other characters are kept.
    public static func arabicDigits(_ text: String) -> String {
        guard containsThaiDigit(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(ThaiCalendar.arabicDigit(scalar))
        }
        return String(scalars)
    }

    /// Sara am typed as two characters (nikhahit + sara aa, a tone mark possibly between or
    /// before them) written as the one character U+0E33, with the tone mark before it:
    /// "น" + "ํ" + "้" + "า" → "น้ำ". Also "เเ" (sara e twice) → "แ" (sara ae).
    public static func composingSaraAm(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == nikhahit || $0 == saraE }) else { return text }
        let input = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < input.count {
            let scalar = input[index]
            if scalar == nikhahit {
                if index + 1 < input.count, input[index + 1] == saraAa {
                    output.append(saraAm)
                    index += 2
                    continue
                }
                if index + 2 < input.count, isToneMark(input[index + 1]), input[index + 2] == saraAa {
                    output.append(input[index + 1])
                    output.append(saraAm)
                    index += 3
                    continue
                }
            }
            if scalar == saraE, index + 1 < input.count, input[index + 1] == saraE {
                output.append(saraAe)
                index += 2
                continue
            }
            output.append(scalar)
            index += 1
        }
        return String(output)
    }
}

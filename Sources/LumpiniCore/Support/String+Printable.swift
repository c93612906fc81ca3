extension String {
    /// The text as it may be printed for people: every character a terminal would act on instead of
    /// showing — C0 controls (escape, carriage return, line feed, tab…), DEL, C1 controls, and the bidi
    /// overrides and isolates that reorder what follows — written as `\u001b`. Titles, cells, column
    /// and file names come from agencies' files; printed raw, an escape sequence in one could set the
    /// window title, clear the screen or hide a warning, and a line feed could forge a line of output.
    /// Self when there is nothing to show (no allocation). JSON output does not use it: it stays exact.
    public var printable: String {
        guard unicodeScalars.contains(where: \.actsOnTerminal) else { return self }
        var text = ""
        text.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            if scalar.actsOnTerminal {
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// The text's lines, trimmed, blank ones dropped, joined with `separator`: a message or a
    /// description written over several lines, for output that gives it one line.
    public func joiningLines(with separator: String) -> String {
        split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: separator)
    }

    /// Whether the UTF-8 bytes hold a character `printable` shows escaped: a byte test first, so
    /// ASCII and Thai text (what tables mostly hold) are passed over without decoding.
    public static func needsPrintable(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        // C1 controls are encoded C2 80–9F, the bidi controls E2 80 AA–AE and E2 81 A6–A9.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return false }
        return String(decoding: utf8, as: UTF8.self).unicodeScalars.contains(where: \.actsOnTerminal)
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069).
    var actsOnTerminal: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// Text that Lumpini writes into `dataset.yaml` (`lumpini new`): every piece that comes from
/// outside — a file name, a column name, a layer name, a message quoting them — goes in as a
/// double-quoted scalar, in values and in comments alike, so it stays one value on one line and
/// can never start a key of its own.
package enum YAMLText {
    /// A YAML double-quoted scalar. `"` and `\` are escaped, and so is every character YAML does
    /// not allow printed (controls, DEL, C1) or reads as a line break (LF, CR, and in YAML 1.1,
    /// which the loader follows, NEL, U+2028 and U+2029), and the byte order mark.
    package static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where isPrintedAsIs(scalar.value): output.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += scalar.value > 0xFFFF ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                    : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return output + "\""
    }

    private static func isPrintedAsIs(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

import Foundation

/// The separator GDAL 3.6's CSV driver takes for a file. It has no open option to set one (GDAL 3.7
/// added `SEPARATOR`): it takes the first of `,` `;` TAB found outside quotes in the header line
/// (`,` when they are mixed), else a space when the line holds one outside quotes, else `,`
/// (`CSVDetectSeperator` in GDAL's `cpl_csv.cpp`). It also tries TAB whenever the line holds a
/// tab anywhere, so a tab counts as "not a comma" here.
enum GDALCSVSeparator {
    /// GDAL's guess for the header line of the CSV at `path` (after a UTF-8 byte order mark);
    /// nil when the file cannot be read or the guess is not certain to be a comma.
    static func guess(headerOf path: String) -> UInt8? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        var line: [UInt8] = []
        var inQuotes = false
        reading: while let chunk = try? file.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk {
                if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
                if !inQuotes && (byte == 0x0A || byte == 0x0D) { break reading }
                line.append(byte)
            }
        }
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        return guess(headerLine: line)
    }

    /// GDAL's guess for `line`, the header line without its line end.
    static func guess(headerLine line: [UInt8]) -> UInt8 {
        let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t"), space = UInt8(ascii: " ")
        if line.contains(tab) { return tab }
        var inQuotes = false
        var found: UInt8?
        var spaces = false
        for byte in line {
            if byte == UInt8(ascii: "\"") {
                // A doubled quote inside a quoted cell toggles twice: the state is unchanged.
                inQuotes.toggle()
            } else if !inQuotes && (byte == comma || byte == semicolon) {
                if let first = found, first != byte { return comma }
                found = found ?? byte
            } else if !inQuotes && byte == space {
                spaces = true
            }
        }
        return found ?? (spaces ? space : comma)
    }
}

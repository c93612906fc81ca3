/// One line of RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break;
/// null written as an empty field.
package enum CSVLine {
    package static func encode(_ fields: [String?]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(",") }
            guard let field else { continue }
            if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                line.append("\"")
                line.append(field.replacingOccurrences(of: "\"", with: "\"\""))
                line.append("\"")
            } else {
                line.append(field)
            }
        }
        line.append("\r\n")
        return line
    }
}

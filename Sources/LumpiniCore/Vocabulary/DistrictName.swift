import Foundation

/// The comparable form of a district name: how two spellings of the same district become equal.
///
/// Drops the Thai prefixes เขต / สำนักงานเขต and the English "Khet …", "… District (Office)",
/// case, spaces and punctuation (`.`, `-`, `_`, `'`, `,`), and writes a decomposed sara am
/// (nikhahit + sara aa) as sara am. The abbreviation sign ฯ is kept: "ป้อมปราบฯ" is an alias.
enum DistrictName {
    static let thaiPrefixes = ["สำนักงานเขต", "เขต"]
    static let englishPrefixes = ["khet "]
    static let englishSuffixes = [" district office", " district", " khet"]
    static let dropped: Set<Unicode.Scalar> = [" ", "\t", ".", "-", "_", "'", ",", "\u{2019}", "\u{00A0}", "\u{200B}"]

    static func key(_ text: String) -> String {
        var name = text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for prefix in thaiPrefixes where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
            break
        }
        for prefix in englishPrefixes where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        for suffix in englishSuffixes where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars where !dropped.contains(scalar) {
            scalars.append(scalar)
        }
        return ThaiText.composingSaraAm(String(scalars))
    }
}

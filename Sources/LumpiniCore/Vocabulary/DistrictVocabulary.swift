import Foundation

/// The 50 districts of Bangkok and every spelling that names them, for matching agency values.
///
/// Loaded from `schemas/vocabularies/districts.tsv`. A value matches when its comparable form
/// (see `DistrictName`) equals that of a district's code, Thai or English name or an alias;
/// optionally, when it is within a declared edit distance of exactly one district.
public struct DistrictVocabulary: Sendable {
    public let districts: [District]
    /// Comparable form → index in `districts`.
    private let exact: [String: Int]
    /// Every comparable form as Unicode scalars, for fuzzy matching.
    private let candidates: [(scalars: [Unicode.Scalar], index: Int)]

    /// The outcome of matching one value.
    public enum Match: Sendable, Equatable {
        case exact(District)
        /// Matched by edit distance: the district, the distance and the spelling it was closest to.
        case fuzzy(District, distance: Int, closestTo: String)
        /// Several districts are equally close.
        case ambiguous([District])
        case none
    }

    public init(districts: [District]) throws {
        var exact: [String: Int] = [:]
        var candidates: [(scalars: [Unicode.Scalar], index: Int)] = []
        for (index, district) in districts.enumerated() {
            for spelling in [district.code, district.nameTH, district.nameEN] + district.aliases {
                let key = DistrictName.key(spelling)
                guard !key.isEmpty else { continue }
                if let other = exact[key], other != index {
                    throw LumpiniError(
                        "vocabulary-conflict",
                        "the spelling \"\(spelling)\" names both \(districts[other].code) and \(district.code)",
                        kind: .input, file: "schemas/vocabularies/districts.tsv"
                    )
                }
                if exact[key] == nil {
                    exact[key] = index
                    candidates.append((Array(key.unicodeScalars), index))
                }
            }
        }
        self.districts = districts
        self.exact = exact
        self.candidates = candidates
    }

    /// Loads `districts.tsv`.
    public static func load(from url: URL, displayPath: String = "schemas/vocabularies/districts.tsv") throws -> DistrictVocabulary {
        let table = try TSVTable(contentsOf: url, displayPath: displayPath, requiredColumns: ["code", "name_th", "name_en", "aliases"])
        let districts = table.rows.map { row in
            District(
                code: row.values["code"] ?? "", nameTH: row.values["name_th"] ?? "", nameEN: row.values["name_en"] ?? "",
                aliases: (row.values["aliases"] ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            )
        }
        return try DistrictVocabulary(districts: districts)
    }

    public func district(code: String) -> District? {
        districts.first { $0.code == code }
    }

    /// Matches `value` to a district.
    /// - Parameter maxDistance: the largest edit distance (in characters, after normalising)
    ///   accepted for a fuzzy match; 0 allows exact matches only. Values of three characters
    ///   or fewer only match exactly.
    public func match(_ value: String, maxDistance: Int = 0) -> Match {
        let key = DistrictName.key(value)
        guard !key.isEmpty else { return .none }
        if let index = exact[key] { return .exact(districts[index]) }
        let scalars = Array(key.unicodeScalars)
        guard maxDistance > 0, scalars.count > 3 else { return .none }
        var best = maxDistance + 1
        var bestIndices: Set<Int> = []
        var closest = ""
        for candidate in candidates where abs(candidate.scalars.count - scalars.count) <= min(best, maxDistance) {
            guard let distance = EditDistance.between(scalars, candidate.scalars, limit: min(best, maxDistance)) else { continue }
            if distance < best {
                best = distance
                bestIndices = [candidate.index]
                closest = String(String.UnicodeScalarView(candidate.scalars))
            } else if distance == best {
                bestIndices.insert(candidate.index)
            }
        }
        guard best <= maxDistance else { return .none }
        if bestIndices.count > 1 {
            return .ambiguous(bestIndices.sorted().map { districts[$0] })
        }
        return .fuzzy(districts[bestIndices.first!], distance: best, closestTo: closest)
    }
}

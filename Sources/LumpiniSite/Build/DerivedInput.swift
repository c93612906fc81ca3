import Foundation

/// One file a derived dataset was computed from, as its `manifest.json` lists it under `derivedFrom`:
/// the input dataset, its version, the file read (relative to `<id>/v<version>/`) and its SHA-256.
struct DerivedInput: Decodable, Sendable, Equatable {
    var id: String
    var version: Int
    var file: String
    var sha256: String

    /// The `derivedFrom` of a manifest's bytes (empty for a dataset that is not derived).
    static func list(manifest data: Data?) -> [DerivedInput] {
        struct Provenance: Decodable { var derivedFrom: [DerivedInput]? }
        guard let data else { return [] }
        return ((try? JSONDecoder().decode(Provenance.self, from: data))?.derivedFrom) ?? []
    }
}

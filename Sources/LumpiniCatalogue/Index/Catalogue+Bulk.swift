import Foundation

extension Catalogue {
    /// Records many manifests straight into the index, in one transaction, without reading a public
    /// tree: `body` hands each to `record` with whether it is its dataset's latest version. For
    /// generated catalogues (the benchmarks'), where writing and re-reading the files would only cost time.
    public func recordInOneTransaction(_ body: (_ record: (Manifest, _ isLatest: Bool) throws -> Void) throws -> Void) throws {
        try database.write { db in
            let writer = CatalogueWriter(db: db, publicRoot: publicRoot)
            try body { manifest, isLatest in
                if isLatest { try writer.write(manifest) } else { try writer.writeVersion(manifest) }
            }
        }
    }
}

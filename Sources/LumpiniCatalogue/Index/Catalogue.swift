import Foundation
import GRDB

/// The catalogue index: a SQLite database of what the public tree holds, built from the release
/// manifests alone and kept up to date by each release.
///
/// ```swift
/// let catalogue = try Catalogue.open(at: workspace.catalogueFile, publicRoot: workspace.publicRoot)
/// try catalogue.record(manifestAt: versionDirectory.appendingPathComponent("manifest.json"))
/// let stale = try catalogue.list(DatasetFilter(stale: true))
/// ```
public struct Catalogue: Sendable {
    /// The database file.
    public let file: URL
    /// The public tree the releases are in; paths in the index are relative to it.
    public let publicRoot: URL
    let database: DatabaseQueue

    /// Where the index lives unless told otherwise: `<public>/.lumpini/catalog.sqlite`, next to the
    /// release lock, where it is never served (it also lists datasets that are not yet public).
    public static func defaultFile(publicRoot: URL) -> URL {
        publicRoot.appendingPathComponent(".lumpini", isDirectory: true).appendingPathComponent("catalog.sqlite")
    }

    /// Opens the index, creating it (empty) when `create` is true and it does not exist.
    /// - Throws: `LumpiniError` `catalogue-missing` when it does not exist and `create` is false.
    public static func open(at file: URL, publicRoot: URL, create: Bool = false) throws -> Catalogue {
        if !FileManager.default.fileExists(atPath: file.path) {
            guard create else {
                throw LumpiniError(
                    "catalogue-missing", "there is no catalogue index here", kind: .input, file: file.path,
                    hint: "build it with `lumpini catalog build` (or give --catalog FILE)")
            }
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let database: DatabaseQueue
        do {
            database = try DatabaseQueue(path: file.path, configuration: configuration)
            try CatalogueSchema.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw LumpiniError(
                "catalogue-unreadable", "cannot open the catalogue index: \(error.message ?? "\(error)")", kind: .input,
                file: file.path, hint: "delete it and run `lumpini catalog build` to rebuild it from the public tree")
        }
        return Catalogue(file: file, publicRoot: publicRoot, database: database)
    }

    /// What a rebuild found.
    public struct BuildReport: Codable, Sendable, Equatable {
        public var datasets: Int
        public var versions: Int
        /// Releases that could not be indexed, one line each (the rest are indexed).
        public var problems: [String]
    }

    /// Rebuilds the index from the public tree alone, into a new file that replaces the old one
    /// atomically. Datasets recorded as unpublished by releases are carried over.
    /// Running it twice on the same tree gives the same index.
    @discardableResult
    public static func build(publicRoot: URL, file: URL) throws -> BuildReport {
        var problems: [LumpiniError] = []
        let tree = ReleaseTree(root: publicRoot)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: publicRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LumpiniError(
                "public-tree-missing", "there is no public tree here", kind: .input, file: publicRoot.path,
                hint: "give the public tree with --public DIR or LUMPINI_PUBLIC, or release a dataset first")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString)")
        defer {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging.path + suffix) }
        }
        let fresh = try open(at: staging, publicRoot: publicRoot, create: true)
        var versionCount = 0
        var datasetCount = 0
        try fresh.database.write { db in
            let writer = CatalogueWriter(db: db, publicRoot: publicRoot)
            for id in tree.datasetIDs() {
                let manifests = tree.versions(id).map { tree.versionDirectory(id, version: $0).appendingPathComponent(Manifest.fileName) }
                    .filter { FileManager.default.fileExists(atPath: $0.path) }
                guard let latest = tree.latestVersion(id) else {
                    if !manifests.isEmpty {
                        problems.append(LumpiniError(
                            "latest-missing", "the dataset has versions but `latest` is missing or leads to no version", kind: .data,
                            file: tree.latestLink(id).path, hint: "release the dataset again; the catalogue lists only what `latest` leads to"))
                    }
                    continue
                }
                var indexed = false
                // A version above `latest` is a release still being switched in: not public yet.
                for version in tree.versions(id) where version <= latest {
                    let url = tree.versionDirectory(id, version: version).appendingPathComponent(Manifest.fileName)
                    do {
                        let manifest = try Manifest.read(at: url)
                        guard manifest.id == id, manifest.version == version else {
                            throw LumpiniError(
                                "manifest-misplaced", "the manifest says \(manifest.id) v\(manifest.version) but is in \(id)/v\(version)",
                                kind: .data, file: url.path, hint: "publish the dataset again")
                        }
                        if version == latest { try writer.write(manifest) } else { try writer.writeVersion(manifest) }
                        versionCount += 1
                        if version == latest {
                            indexed = true
                            try fresh.indexFeatures(of: manifest)
                        }
                    } catch let error as LumpiniError {
                        problems.append(error)
                    }
                }
                if indexed { datasetCount += 1 }
                // A dataset whose latest manifest is unusable must not be shown from an older version.
                if !indexed { try deleteDataset(id, db: db) }
            }
        }
        if FileManager.default.fileExists(atPath: file.path) {
            try fresh.database.writeWithoutTransaction { db in try carryUnpublished(from: file, into: db) }
        }
        try fresh.removeUnusedFeatureIndexes()
        // Each table's pages together: written dataset by dataset, the `dataset` rows a listing reads are
        // spread over the whole file, and each page read maps its neighbours of other tables too.
        try fresh.database.vacuum()
        try fresh.database.close()
        // A rename, so that readers see the old index or the new one, never half of one.
        guard rename(staging.path, file.path) == 0 else {
            throw LumpiniError(
                "catalogue-unwritable", "cannot replace the catalogue index: \(String(cString: strerror(errno)))",
                kind: .input, file: file.path, hint: "check that its folder is writable")
        }
        return BuildReport(datasets: datasetCount, versions: versionCount, problems: problems.map(\.description))
    }

    /// Updates the index after a release: reads the manifest that the release just wrote
    /// (`public/<id>/v<N>/manifest.json`) and records that version; when it is the newest version,
    /// it becomes what the catalogue shows of the dataset. Recording the same manifest again changes nothing.
    /// Its feature index is written first, so a server that reads the new row finds the index too; the
    /// indexes of versions the catalogue no longer shows are removed after it.
    public func record(manifestAt url: URL) throws {
        let manifest = try Manifest.read(at: url)
        try indexFeatures(of: manifest)
        try database.write { db in try CatalogueWriter(db: db, publicRoot: publicRoot).write(manifest) }
        try removeUnusedFeatureIndexes(of: manifest.id)
    }

    /// Records a dataset that a release built but did not publish (awaiting approval, not classified
    /// public, or failed), so that progress toward the high-value target counts it. Whether it counts as
    /// approved comes from `metadata.governance`. A later publication of the dataset removes the record.
    public func recordUnpublished(_ metadata: DatasetMetadata, reason: String?, at date: Date = Date()) throws {
        try database.write { db in
            try CatalogueWriter(db: db, publicRoot: publicRoot).writeUnpublished(metadata, reason: reason, recordedAt: date)
        }
    }

    /// Forgets an unpublished dataset (for example one whose folder was removed from `datasets/`).
    public func forgetUnpublished(id: String) throws {
        try database.write { db in try db.execute(sql: "DELETE FROM unpublished WHERE id = ?", arguments: [id]) }
    }

    private static func deleteDataset(_ id: String, db: Database) throws {
        for table in ["version", "distribution", "format", "indicator", "keyword"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE datasetID = ?", arguments: [id])
        }
        for table in ["dataset", "dataset_document"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
        }
    }

    private static func carryUnpublished(from old: URL, into db: Database) throws {
        do {
            try db.execute(sql: "ATTACH DATABASE ? AS old", arguments: [old.path])
        } catch {
            return  // an unreadable old index has nothing to carry over
        }
        defer { try? db.execute(sql: "DETACH DATABASE old") }
        if try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM old.sqlite_master WHERE name = 'unpublished'") == true {
            try db.execute(sql: "INSERT OR REPLACE INTO unpublished SELECT * FROM old.unpublished")
        }
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Pages read straight from the page cache, not copied in by a system call each: a
            // listing of 10,000 datasets otherwise makes about 4,000 reads.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        return configuration
    }
}

import Foundation

/// The feature indexes beside the catalogue (`features/<id>/<sha256>.sqlite`): one for the latest
/// version of each dataset with geometry, which is all that `serve` reads. An index is written when its
/// version is recorded and removed once the catalogue shows another version, so the folder does not
/// grow with every release of a large dataset.
extension Catalogue {
    var featuresFolder: URL { FeatureIndex.folder(catalogue: file) }

    /// Writes the feature index of a version with geometry (`FeatureIndex`), if it is not there yet.
    func indexFeatures(of manifest: Manifest) throws {
        guard let geoJSON = manifest.geoJSONFile else { return }
        let data = ReleaseTree(root: publicRoot).versionDirectory(manifest.id, version: manifest.version).appendingPathComponent(geoJSON.path)
        try FeatureIndex.write(geoJSON: data, to: FeatureIndex.file(catalogue: file, id: manifest.id, sha256: geoJSON.sha256))
    }

    /// Removes the indexes of a dataset's other versions; all of them when the catalogue shows no
    /// version of it with geometry. A server that opened one keeps reading it until its request ends.
    func removeUnusedFeatureIndexes(of id: String) throws {
        let folder = featuresFolder.appendingPathComponent(id, isDirectory: true)
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        let kept = try dataset(id: id)?.manifest.geoJSONFile.map { FeatureIndex.file(catalogue: file, id: id, sha256: $0.sha256).lastPathComponent }
        guard let kept else {
            try FileManager.default.removeItem(at: folder)
            return
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != kept {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// The same for every dataset in the folder: after a rebuild, for datasets gone from the tree too.
    func removeUnusedFeatureIndexes() throws {
        guard let ids = try? FileManager.default.contentsOfDirectory(atPath: featuresFolder.path) else { return }
        for id in ids { try removeUnusedFeatureIndexes(of: id) }
    }
}

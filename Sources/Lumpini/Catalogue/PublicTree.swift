import Foundation

/// The releases found in a public tree: `public/<id>/v<N>/manifest.json` and `public/<id>/latest`.
struct PublicTree {
    /// One dataset folder: its released versions, oldest first, and the one `latest` leads to.
    struct DatasetFolder {
        var id: String
        var versions: [Int]
        var latest: Int
    }

    let root: URL

    /// Every dataset folder with a `latest` link to a version holding a manifest, sorted by id.
    /// Folders that cannot be used are reported in `problems` and left out.
    func datasets(problems: inout [LumpiniError]) throws -> [DatasetFolder] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LumpiniError(
                "public-tree-missing", "there is no public tree here", kind: .input, file: root.path,
                hint: "give the public tree with --public DIR or LUMPINI_PUBLIC, or release a dataset first")
        }
        var folders: [DatasetFolder] = []
        for name in try fileManager.contentsOfDirectory(atPath: root.path).sorted() where !name.hasPrefix(".") {
            let folder = root.appendingPathComponent(name, isDirectory: true)
            guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let entries = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
            let versions = entries.compactMap(PublicTree.versionNumber)
                .filter { fileManager.fileExists(atPath: manifestURL(id: name, version: $0).path) }
                .sorted()
            let latestLink = folder.appendingPathComponent("latest").path
            guard let target = try? fileManager.destinationOfSymbolicLink(atPath: latestLink) else {
                if !versions.isEmpty {
                    problems.append(LumpiniError(
                        "latest-missing", "the dataset has versions but no `latest` link", kind: .data, file: latestLink,
                        hint: "release the dataset again; the catalogue lists only what `latest` leads to"))
                }
                continue
            }
            guard let latest = PublicTree.versionNumber(URL(fileURLWithPath: target).lastPathComponent), versions.contains(latest) else {
                problems.append(LumpiniError(
                    "latest-broken", "`latest` leads to \(target), which is not a released version with a manifest", kind: .data,
                    file: latestLink, hint: "run `lumpini verify \(name)` and release the dataset again"))
                continue
            }
            folders.append(DatasetFolder(id: name, versions: versions, latest: latest))
        }
        return folders
    }

    func manifestURL(id: String, version: Int) -> URL {
        root.appendingPathComponent(id, isDirectory: true).appendingPathComponent("v\(version)", isDirectory: true)
            .appendingPathComponent("manifest.json")
    }

    /// `v12` → 12.
    static func versionNumber(_ name: String) -> Int? {
        guard name.hasPrefix("v"), let number = Int(name.dropFirst()), number > 0 else { return nil }
        return number
    }
}

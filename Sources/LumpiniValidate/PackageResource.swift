import Foundation

/// One resource of a data package, by what it holds: a table (CSV, TSV, a spreadsheet) read row by row
/// against its schema, a GeoJSON file checked as GeoJSON (RFC 7946 and each geometry's validity), or
/// another file (a GeoPackage, FlatGeobuf, a zipped shapefile, KML) of which only the size and checksum
/// the package declares are checked.
enum PackageResource {
    case table(TableResource)
    case geoJSON(PackageFile)
    case file(PackageFile)

    enum Kind {
        case table, geoJSON, file

        /// A resource with a schema, or a file a table is read from, is a table; GeoJSON by its extension
        /// or media type; any other file is not read as a table.
        init(path: String, mediaType: String?, tabular: Bool) {
            let fileExtension = (path as NSString).pathExtension.lowercased()
            if fileExtension == "geojson" || mediaType == "application/geo+json" {
                self = .geoJSON
            } else if tabular || ["csv", "tsv", "txt", "xlsx", "xls", "ods", ""].contains(fileExtension) {
                self = .table
            } else {
                self = .file
            }
        }
    }
}

/// A resource read as a file: where it is and the size and checksum the package gives for it.
struct PackageFile {
    var name: String
    var path: String
    /// The path as the package gives it, as the report shows it.
    var place: String
    var bytes: Int?
    /// `sha256:<hex>` (other algorithms are not checked).
    var hash: String?

    /// The file's size and SHA-256 against those the package declares (`byte-count`, `hash-count`).
    /// - Throws: `LumpiniError` when the file cannot be read.
    func integrityProblems() throws -> (size: Int, problems: [ValidationProblem]) {
        let digest: (size: Int, sha256: String)
        do {
            digest = try FileDigest.sha256(ofFile: path)
        } catch {
            throw LumpiniError("file-not-found", "cannot read the resource \"\(name)\"", file: place, hint: "check the resource's path in datapackage.json")
        }
        var problems: [ValidationProblem] = []
        if let bytes, bytes != digest.size {
            problems.append(ValidationProblem(
                .byteCount, message: "\(place): the package says \(bytes) bytes but the file has \(digest.size) — the file changed after the package was written",
                note: "expected is \"\(bytes)\" and actual is \"\(digest.size)\""))
        }
        if let hash, hash.hasPrefix("sha256:"), hash.dropFirst("sha256:".count).lowercased() != digest.sha256 {
            problems.append(ValidationProblem(
                .hashCount, message: "\(place): the file's SHA-256 is not the one the package gives — the file changed after the package was written",
                note: "expected sha256 is \"\(hash.dropFirst("sha256:".count))\" and actual is \"\(digest.sha256)\""))
        }
        return (digest.size, problems)
    }
}

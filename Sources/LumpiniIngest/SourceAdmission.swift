import Foundation
import GDAL

extension SourceReader {
    /// Refuses what GDAL should never be asked to open: remote paths, folders, empty files.
    package static func checkReadable(_ path: String) throws {
        if RemotePathPolicy.isRemote(path) {
            throw LumpiniError("remote-source", "remote sources are refused", file: path, hint: "download the file and put it in the dataset's source/ folder")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LumpiniError("file-not-found", "no such file", file: path, hint: "check the path")
        }
        if isDirectory.boolValue {
            throw LumpiniError("is-a-directory", "this is a folder, not a file", file: path, hint: "name one file inside it")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 {
            throw LumpiniError("empty-file", "the file is empty (0 bytes)", file: path, hint: "ask the agency to send the file again")
        }
        if SourceFormat(path: path) == .shapefile {
            try ShapefileParts.requireComplete(path)
        }
        if path.lowercased().hasSuffix(".xlsx"), let start = FileHandle(forReadingAtPath: path)?.readData(ofLength: 8),
           [UInt8](start) == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            throw LumpiniError(
                "spreadsheet-encrypted", "the workbook is password-protected (an encrypted OLE container, not an XLSX zip)", file: path,
                hint: "remove the password in Excel (File → Info → Protect Workbook) and save it again as .xlsx"
            )
        }
        // Workbooks and KMZ are read whole by GDAL; any other zip (a zipped shapefile) record by record.
        try ZipExpansionLimits.check(path, readWhole: [.spreadsheet, .kml].contains(SourceFormat(path: path)))
        do {
            try IndirectSourcePolicy.requireSelfContained(path)
        } catch let error as GDALError {
            throw LumpiniError("indirect-source", error.message, file: path, hint: "send the data itself (CSV, XLSX, Shapefile, GeoJSON…), not a VRT pointing at it")
        }
        try SourceFileParts.requireContained(path)
        try SQLiteSchemaPolicy.requireNoForeignTables(path)
    }
}

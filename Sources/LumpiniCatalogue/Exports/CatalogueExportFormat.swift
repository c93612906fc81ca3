import Foundation

/// The formats `catalog export` writes.
public enum CatalogueExportFormat: String, CaseIterable, Sendable {
    /// DCAT-AP 3 as JSON-LD, with DCAT-AP HVD for high-value datasets.
    case dcatAP = "dcat-ap"
    /// DCAT-AP 3 as Turtle.
    case dcatAPTurtle = "dcat-ap-turtle"
    /// Project Open Data `data.json` (DCAT-US 1.1).
    case dataJSON = "data-json"
    /// CKAN `package_show` objects, one JSON per line (what `ckanapi load datasets` reads), or one file per dataset.
    case ckan
    /// Thai GD Catalog fields per dataset, with what is missing.
    case gdCatalog = "gd-catalog"
}

extension Catalogue {
    /// Every dataset that passes the filter, in full, by id (for exports).
    public func allDatasets(_ filter: DatasetFilter = DatasetFilter()) throws -> [DatasetDetail] {
        let ids = try list(filter).map(\.id)
        return try database.read { db in try ids.compactMap { try DatasetDetail.fetch(db, id: $0, now: filter.now) } }
    }

    /// The export of the datasets that pass the filter, as bytes.
    public func export(
        _ format: CatalogueExportFormat, filter: DatasetFilter = DatasetFilter(), settings: CatalogueExportSettings = CatalogueExportSettings()
    ) throws -> Data {
        try Catalogue.export(format, of: allDatasets(filter), settings: settings)
    }

    /// The export of these datasets (from `allDatasets`), as bytes.
    public static func export(
        _ format: CatalogueExportFormat, of datasets: [DatasetDetail], settings: CatalogueExportSettings = CatalogueExportSettings()
    ) throws -> Data {
        var bytes: [UInt8] = []
        try export(format, of: datasets, settings: settings, to: &bytes)
        return Data(bytes)
    }

    /// Writes the export of these datasets, handing the output over as it goes (one dataset at a time
    /// where the format allows).
    public static func export<Output: ByteOutput & ~Copyable>(
        _ format: CatalogueExportFormat, of datasets: [DatasetDetail], settings: CatalogueExportSettings = CatalogueExportSettings(),
        to output: inout Output
    ) throws {
        switch format {
        case .dcatAP: try DCATExport(settings: settings).writeJSONLD(datasets, to: &output)
        case .dcatAPTurtle: output.append(text: DCATExport(settings: settings).turtle(datasets))
        case .dataJSON:
            try DataJSONExport(settings: settings).document(datasets).write(to: &output, pretty: true, depth: 0)
            output.append(0x0A)
        case .ckan:
            let ckan = CKANPackage(settings: settings)
            for detail in datasets {
                try ckan.package(detail).write(to: &output, pretty: false, depth: 0)
                output.append(0x0A)
                try output.endItem()
            }
        case .gdCatalog:
            var json = try JSONOutput.string(datasets.map { GDCatalogRecord($0, settings: settings) })
            json.withUTF8 { output.append($0) }
        }
    }

    /// One CKAN `package_show` JSON file per dataset, `<id>.json` in `directory`.
    /// - Returns: the files written.
    public func exportCKANPackages(
        to directory: URL, filter: DatasetFilter = DatasetFilter(), settings: CatalogueExportSettings = CatalogueExportSettings()
    ) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ckan = CKANPackage(settings: settings)
        return try allDatasets(filter).map { detail in
            let file = directory.appendingPathComponent("\(detail.id).json")
            try ckan.package(detail).json().write(to: file, options: .atomic)
            return file
        }
    }
}

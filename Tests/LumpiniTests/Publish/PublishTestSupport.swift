import Foundation
import GDAL
@testable import Lumpini

/// A workspace in a fresh temporary folder with datasets whose source is a real CSV of stations,
/// read through GDAL by `StationsPipeline` (typed columns, `code` as primary key, points).
struct StationsWorkspace {
    let root: URL
    var workspace: Workspace { Workspace(root: root.path, environment: [:]) }
    var tree: ReleaseTree { ReleaseTree(root: workspace.publicRoot) }

    static let header = "code,name,pm25,active,lon,lat"
    static let rows = [
        "S1,สถานีลุมพินี,12.5,true,100.5415123,13.7306",
        "S2,\"Din Daeng, north\",,false,100.55,13.77",
        "S3,Bang Na,31,true,100.6045,13.6676",
    ]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `datasets/<id>/dataset.yaml` and its CSV source.
    func addDataset(_ id: String, rows: [String] = StationsWorkspace.rows, governance: String = "{status: approved, approvedBy: Data Governance Committee, approvedOn: 2026-01-05}", classification: String = "public", formats: String = "[geojson, csv]") throws {
        let folder = workspace.datasetDirectory(id)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("source"), withIntermediateDirectories: true)
        try ([Self.header] + rows).joined(separator: "\n").appending("\n")
            .write(to: folder.appendingPathComponent("source/stations.csv"), atomically: true, encoding: .utf8)
        let yaml = """
            id: \(id)
            title: {th: สถานีตรวจวัดฝุ่น, en: PM2.5 stations (sample)}
            description: {th: ข้อมูลตัวอย่าง, en: Sample stations for tests.}
            publisher: ENV
            contact: {name: Environment Department, email: env@bangkok.go.th}
            theme: environment
            license: CC-BY-4.0
            classification: \(classification)
            updateFrequency: monthly
            governance: \(governance)
            source: {paths: [source/stations.csv]}
            outputs: {formats: \(formats)}

            """
        try yaml.write(to: folder.appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
    }

    func setRows(_ id: String, _ rows: [String]) throws {
        try ([Self.header] + rows).joined(separator: "\n").appending("\n")
            .write(to: workspace.datasetDirectory(id).appendingPathComponent("source/stations.csv"), atomically: true, encoding: .utf8)
    }

    func runner(pipeline: any PublishPipeline = StationsPipeline(), force: Bool = false, dryRun: Bool = false) -> ReleaseRunner {
        ReleaseRunner(
            workspace: workspace, pipeline: pipeline, options: ReleaseOptions(force: force, dryRun: dryRun, parallelism: 2),
            environment: ["SOURCE_DATE_EPOCH": "1785110400"]
        )
    }

    func file(_ id: String, version: Int, _ name: String) -> URL {
        tree.versionDirectory(id, version: version).appendingPathComponent(name)
    }
}

/// Reads the stations CSV with GDAL's CSV driver (points from `lon`/`lat`), as the cleanse stage
/// will hand records over: values as text, geometry in WGS 84.
struct StationsPipeline: PublishPipeline {
    /// Datasets whose records fail while streaming, to test that one failure stays contained.
    var failing: Set<String> = []
    /// Added to the reported `rowsIn`, to test the rows-add-up check.
    var extraRowsIn = 0

    func describe(_ id: String, in workspace: Workspace) throws -> DatasetDescription {
        try DatasetLoader.load(id: id, in: workspace)
    }

    func records(of dataset: DatasetDescription, in workspace: Workspace, derivedFrom: [DerivedSource]?) throws -> any PublishableRecords {
        let path = workspace.datasetDirectory(dataset.id).appendingPathComponent(dataset.source?.paths.first ?? "").path
        let source = try Dataset.open(path, options: .init(
            openOptions: ["X_POSSIBLE_NAMES": "lon", "Y_POSSIBLE_NAMES": "lat", "KEEP_GEOM_COLUMNS": "NO"], allowedDrivers: ["CSV"]
        ))
        return StationRecords(layer: try source.layer(at: 0), fails: failing.contains(dataset.id), extraRowsIn: extraRowsIn)
    }
}

final class StationRecords: PublishableRecords {
    let layer: Layer
    let fails: Bool
    let extraRowsIn: Int
    let table = OutputTable(
        fields: [
            OutputField(name: "code", type: .string, title: "Station code"),
            OutputField(name: "name", type: .string),
            OutputField(name: "pm25", type: .number, description: "µg/m³"),
            OutputField(name: "active", type: .boolean),
        ],
        primaryKey: ["code"], geometryType: .point
    )

    init(layer: Layer, fails: Bool, extraRowsIn: Int) {
        self.layer = layer
        self.fails = fails
        self.extraRowsIn = extraRowsIn
    }

    func forEach(_ body: (Record) throws -> Void) throws -> PipelineOutcome {
        var count = 0
        try layer.forEachFeature { feature in
            count += 1
            if fails && count == 2 {
                throw LumpiniError("test-failure", "the source broke on purpose", kind: .data, row: count + 1)
            }
            try body(Record(rowNumber: count + 1, values: (0..<4).map { feature.string(at: $0) }, geometry: feature.geometry))
        }
        let report = ReportFile(name: "validation-report.json", contents: Data("{\"valid\": true}\n".utf8))
        return PipelineOutcome(
            rowsIn: count + extraRowsIn, rowsQuarantined: 0,
            quality: Manifest.Quality(valid: true, errorCount: 0, warningCount: 0, changedValues: 0), reports: [report]
        )
    }
}
